"""Run a project's checks or tests with the framework's own deprecation warnings as errors.

    python3 strict.py django manage.py check --fail-level WARNING
    python3 strict.py django manage.py test
    python3 strict.py flask unittest            (discovers test*.py under the current folder)

Why a wrapper and not `-W error::...`: Python ignores a -W option whose category it cannot
import at start-up (django is not imported yet), a blanket `-W error::DeprecationWarning` fails
inside the standard library and the framework itself, `django.setup()` puts its own "default"
filter in front for the next release's warning class, and `python -m unittest` replaces every
filter with "default" unless -W was given. So the filters are installed here, re-installed after
Django configures logging, and probed (a warning of each category must raise) when the test run
starts and again when it ends. Every line this script prints starts with "strict:".

django: every RemovedInDjangoNNWarning class defined in the installed django/utils/deprecation.py
(read from the file, so none is missed) is an error wherever it is raised.
flask: a DeprecationWarning or PendingDeprecationWarning issued by code of Flask, Werkzeug,
Jinja, MarkupSafe or itsdangerous is an error. The issuing module is the function that calls
warnings.warn; the module a warning is attributed to is the caller's caller (stacklevel), usually
the project, so a module filter would not see them. Deprecations the standard library raises
inside those packages are not theirs and stay as they are.
"""
import importlib.util
import importlib.metadata
import os
import re
import runpy
import sys
import unittest
import warnings

PALLETS = ("flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous")
FAMILY = (DeprecationWarning, PendingDeprecationWarning)


def say(message):
    print("strict: " + message, file=sys.stderr, flush=True)


def fail(message):
    say("FAILED: " + message)
    sys.exit(3)


# --- django -----------------------------------------------------------------------------------

def django_categories():
    spec = importlib.util.find_spec("django")
    if spec is None or not spec.submodule_search_locations:
        fail("django is not importable")
    source_file = os.path.join(spec.submodule_search_locations[0], "utils", "deprecation.py")
    with open(source_file, encoding="utf-8") as f:
        names = re.findall(r"^class (RemovedInDjango\d+Warning)\b", f.read(), re.M)
    if not names:
        fail("no RemovedInDjangoNNWarning class in " + source_file)
    import django.utils.deprecation as deprecation
    return [getattr(deprecation, name) for name in names], source_file


def install_django(categories):
    for category in categories:
        warnings.filterwarnings("error", category=category)


def probe_django(categories, when):
    for category in categories:
        with warnings.catch_warnings():
            warnings.showwarning = lambda *args, **kwargs: None
            try:
                warnings.warn_explicit("pycodemod proof probe", category, "probe.py", 1, module="probe", registry={})
            except category:
                continue
        fail("%s is not raised as an error %s: a filter was put in front of ours" % (category.__name__, when))


def keep_filters_after_django_setup(categories):
    """django.setup() → configure_logging() adds simplefilter("default", RemovedInNextVersionWarning)."""
    import django.utils.log as log
    original = log.configure_logging

    def configure_logging(*args, **kwargs):
        result = original(*args, **kwargs)
        install_django(categories)
        probe_django(categories, "after django.setup()")
        return result

    log.configure_logging = configure_logging


def run_django(argv):
    categories, source_file = django_categories()
    install_django(categories)
    probe_django(categories, "before Django is set up")
    keep_filters_after_django_setup(categories)
    import django
    say("Django %s (%s); errors: %s" % (
        django.get_version(), os.path.dirname(django.__file__), ", ".join(c.__name__ for c in categories)))
    watch_test_run(lambda when: probe_django(categories, when))
    script = os.path.abspath(argv[0])
    sys.argv = [script] + argv[1:]
    sys.path[0] = os.path.dirname(script)
    runpy.run_path(script, run_name="__main__")


# --- flask ------------------------------------------------------------------------------------

def from_pallets(module_name):
    return any(module_name == p or module_name.startswith(p + ".") for p in PALLETS)


def install_flask():
    original = warnings.warn

    def warn(message, category=None, stacklevel=1, source=None):
        if category is None:
            category = message.__class__ if isinstance(message, Warning) else UserWarning
        issuer = sys._getframe(1).f_globals.get("__name__", "")
        if issubclass(category, FAMILY) and from_pallets(issuer):
            raise message if isinstance(message, Warning) else category(message)
        return original(message, category, stacklevel + 1, source)

    warn.pycodemod_strict = True
    warnings.warn = warn


def probe_flask(when):
    if not getattr(warnings.warn, "pycodemod_strict", False):
        fail("warnings.warn was replaced %s" % when)
    for package in PALLETS:
        for category in FAMILY:
            scope = {"__name__": package + ".pycodemod_probe", "warnings": warnings, "category": category}
            try:
                exec("warnings.warn('pycodemod proof probe', category, stacklevel=2)", scope)
            except category:
                continue
            fail("a %s from %s is not raised as an error %s" % (category.__name__, package, when))


def run_flask(argv):
    if argv != ["unittest"]:
        fail("flask mode runs `unittest` only, got %r" % argv)
    install_flask()
    probe_flask("before the tests are imported")
    import flask
    version = importlib.metadata.version
    say("Flask %s, Werkzeug %s, Jinja %s (%s); errors: Deprecation/PendingDeprecationWarning issued by %s" % (
        version("flask"), version("werkzeug"), version("jinja2"), os.path.dirname(flask.__file__), ", ".join(PALLETS)))
    watch_test_run(probe_flask)
    sys.path.insert(0, os.getcwd())
    suite = unittest.defaultTestLoader.discover(os.getcwd(), pattern="test*.py", top_level_dir=os.getcwd())
    # warnings=None: TextTestRunner leaves the filters alone (unittest.main would reset them).
    result = unittest.TextTestRunner(warnings=None).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)


# --- both -------------------------------------------------------------------------------------

def watch_test_run(probe):
    """Probe when the runner starts and ends its run, and count the tests that ran."""
    base = unittest.TestResult
    start, stop = base.startTestRun, base.stopTestRun

    def start_test_run(self):
        probe("when the test run starts")
        return start(self)

    def stop_test_run(self):
        probe("when the test run ends")
        say("%d tests ran; the filters were in force when the run started and ended" % self.testsRun)
        if self.testsRun == 0:
            fail("no test ran")
        return stop(self)

    base.startTestRun, base.stopTestRun = start_test_run, stop_test_run


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("django", "flask"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    framework, argv = sys.argv[1], sys.argv[2:]
    try:
        (run_django if framework == "django" else run_flask)(argv)
    except SystemExit:
        raise
    except BaseException as error:
        import traceback
        traceback.print_exc()
        fail("%s: %s" % (type(error).__name__, error))
    say("done")


if __name__ == "__main__":
    main()
