// django/test-utils-py2-helpers: Django 3.0 removed the private Python 2 helpers that test suites
// and path code borrowed: django.test.utils.patch_logger and str_prefix, django.utils.safestring's
// SafeBytes, django.utils._os.upath/npath/abspathu. Their replacements differ per use (assertLogs,
// plain strings, bytes handling, the path itself), so imports are pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/test-utils-py2-helpers",
  framework: "django",
  since: "3.0",
  summary: "warns about patch_logger, str_prefix, SafeBytes, upath, npath and abspathu (removed in Django 3.0)",
  description:
    "Django 3.0 removed its private Python 2 compatibility helpers. Imports (and attribute reads) of " +
    "`django.test.utils.patch_logger` (use `self.assertLogs()`), `django.test.utils.str_prefix` (write the string " +
    "without the `%(_)s` prefix), `django.utils.safestring.SafeBytes` (keep text as `SafeString`, bytes as `bytes`) and " +
    "`django.utils._os.upath` / `npath` (the path itself) / `abspathu` (`os.path.abspath`) are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis",
  needles: ["patch_logger", "str_prefix", "SafeBytes", "upath", "npath", "abspathu"],
  patterns: [
    {
      kind: "name",
      qualified: ["django.test.utils.patch_logger"],
      message: "django.test.utils.patch_logger was removed in Django 3.0: use the test case's assertLogs() instead",
    },
    {
      kind: "name",
      qualified: ["django.test.utils.str_prefix"],
      message: "django.test.utils.str_prefix was removed in Django 3.0: write the expected string without the %(_)s prefix",
    },
    {
      kind: "name",
      qualified: ["django.utils.safestring.SafeBytes"],
      message: "django.utils.safestring.SafeBytes was removed in Django 3.0: mark text as SafeString and keep bytes as bytes",
    },
    {
      kind: "name",
      qualified: ["django.utils._os.upath", "django.utils._os.npath", "django.utils._os.abspathu"],
      message: "django.utils._os.upath/npath/abspathu were removed in Django 3.0: use the path itself (upath, npath) or os.path.abspath (abspathu)",
    },
  ],
});
