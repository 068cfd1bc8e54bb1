// django/include-app-name: Django 1.9 deprecated include(..., app_name=...) (removed in 2.0). The
// application namespace belongs in the included URLconf (`app_name = "..."`) or in a
// `(patterns, app_name)` tuple, which this rule cannot write without seeing the other module.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/include-app-name",
  framework: "django",
  since: "1.9",
  summary: "warns about include(..., app_name=...) (removed in Django 2.0)",
  description:
    "Django 1.9 deprecated passing `app_name` to `include()`, and Django 2.0 removed it. Calls of " +
    "`django.conf.urls.include` or `django.urls.include` (however imported) with an `app_name=` keyword are reported: " +
    "set `app_name = \"...\"` in the included URLconf module, or pass `include((urlpatterns, \"app_name\"), namespace=...)`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.9/#passing-a-3-tuple-or-an-app-name-to-include",
  needles: ["app_name"],
  precheck: (text) => text.includes("include"),
  patterns: [
    {
      kind: "keyword",
      callables: ["django.conf.urls.include", "django.urls.include"],
      keywords: ["app_name"],
      message:
        "include(..., app_name=...) was removed in Django 2.0: set app_name = \"...\" in the included URLconf, or pass " +
        "include((patterns, \"app_name\"), namespace=...)",
    },
  ],
});
