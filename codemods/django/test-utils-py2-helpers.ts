// django/test-utils-py2-helpers: Django 3.0 removed the private Python 2 helpers that test suites
// and path code borrowed: django.test.utils.patch_logger and str_prefix, django.utils.safestring's
// SafeBytes. Their replacements differ per use (assertLogs, plain strings, bytes handling), so
// imports are pointed at. upath/npath/abspathu have exact replacements: django/utils-os-py2-paths.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/test-utils-py2-helpers",
  framework: "django",
  since: "3.0",
  summary: "warns about patch_logger, str_prefix and SafeBytes (removed in Django 3.0)",
  description:
    "Django 3.0 removed its private Python 2 compatibility helpers. Imports (and attribute reads) of " +
    "`django.test.utils.patch_logger` (use `self.assertLogs()`), `django.test.utils.str_prefix` (write the string " +
    "without the `%(_)s` prefix), and `django.utils.safestring.SafeBytes` (keep text as `SafeString`, bytes as `bytes`) " +
    "are reported. (`upath`, `npath` and `abspathu` are rewritten by django/utils-os-py2-paths.)",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis",
  needles: ["patch_logger", "str_prefix", "SafeBytes"],
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
  ],
});
