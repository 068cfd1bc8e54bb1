"""What `from <module> import *` binds in one installed Django release.

Run by scripts/gen-django-star-exports.mjs once per release, with that release first on
PYTHONPATH. Reads module names (one per line) on stdin and prints one JSON document:

    {"version": "3.2.25", "modules": {"django.shortcuts": {"all": false, "exports": [...], "varies": [...]}, ...},
     "missing": [...], "failed": {"module": "why", ...}}

A star import binds a module's `__all__` when it has one, else every name in the module's
namespace that does not start with "_". The namespace is read after importing the module for
real (Django configured with its contrib apps), so names a module builds at import time count.
One kind of name is reported as `varies` instead of `exports`: a package's submodules, imported or
not (they become attributes of the package only once anything imports them, so whether a star
import binds them depends on what ran before). A module that cannot be
imported here (a library it needs is missing, as GDAL for django.contrib.gis) is listed under
`failed` and left out of the table.
"""

import importlib
import importlib.util
import json
import pkgutil
import sys
import types

CONTRIB_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]


def configure():
    import django
    from django.conf import settings

    settings.configure(
        INSTALLED_APPS=CONTRIB_APPS,
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        SECRET_KEY="not-a-secret",
        USE_TZ=True,
        STATIC_URL="/static/",
    )
    django.setup()
    return django.get_version()


def module_exists(name):
    """True, False, or an exception raised by importing a parent package (so it cannot be told)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        # A parent is missing or is not a package (`django.conf.settings`): no such module.
        return False
    except Exception as error:  # noqa: BLE001
        return error


def exports_of(name):
    module = importlib.import_module(name)
    listed = getattr(module, "__all__", None)
    if listed is not None:
        return {"all": True, "exports": sorted(set(listed)), "varies": []}
    exports, varies = [], []
    for key, value in vars(module).items():
        if key.startswith("_"):
            continue
        if isinstance(value, types.ModuleType) and value.__name__ == f"{name}.{key}" and hasattr(module, "__path__"):
            varies.append(key)
        else:
            exports.append(key)
    # Submodules nothing has imported yet are not attributes now, but become ones (and so are
    # bound by a later star import) as soon as anything imports them.
    if hasattr(module, "__path__"):
        for info in pkgutil.iter_modules(module.__path__):
            if not info.name.startswith("_") and info.name not in exports and info.name not in varies:
                varies.append(info.name)
    return {"all": False, "exports": sorted(exports), "varies": sorted(varies)}


def main():
    names = [line.strip() for line in sys.stdin if line.strip()]
    version = configure()
    modules, missing, failed = {}, [], {}
    for name in names:
        exists = module_exists(name)
        if exists is False:
            missing.append(name)
            continue
        try:
            if isinstance(exists, Exception):
                raise exists
            modules[name] = exports_of(name)
        except Exception as error:  # noqa: BLE001 - any failure means "not known in this release"
            failed[name] = f"{type(error).__name__}: {error}"
    json.dump({"version": version, "python": sys.version.split()[0], "modules": modules, "missing": missing, "failed": failed}, sys.stdout)


if __name__ == "__main__":
    main()
