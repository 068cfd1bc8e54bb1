// django/middleware-classes: Django 1.10 introduced new-style middleware (the MIDDLEWARE setting)
// and Django 2.0 stopped reading MIDDLEWARE_CLASSES. Moving the entries needs each old-style
// middleware checked (or ported to the get_response style), so this is pointed at, not rewritten.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/middleware-classes",
  framework: "django",
  since: "1.10",
  summary: "warns about MIDDLEWARE_CLASSES (ignored since Django 2.0)",
  description:
    "Django 1.10 added new-style middleware and the `MIDDLEWARE` setting; Django 2.0 removed `MIDDLEWARE_CLASSES` " +
    "and old-style middleware. A module-level `MIDDLEWARE_CLASSES = ...` in a settings file and " +
    "`override_settings(MIDDLEWARE_CLASSES=...)` are reported (also in the body of a settings class, and reads of " +
    "`django.conf.settings.MIDDLEWARE_CLASSES` anywhere): move the entries to `MIDDLEWARE` after checking that each " +
    "class is new-style (takes `get_response`, or derives from `MiddlewareMixin`).",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.10/#new-style-middleware",
  needles: ["MIDDLEWARE_CLASSES"],
  patterns: [
    {
      kind: "name",
      qualified: ["django.conf.settings.MIDDLEWARE_CLASSES"],
      message:
        "settings.MIDDLEWARE_CLASSES is not a Django setting since 2.0 (new-style middleware lives in MIDDLEWARE): read " +
        "settings.MIDDLEWARE instead",
    },
    {
      kind: "setting",
      names: ["MIDDLEWARE_CLASSES"],
      message:
        "MIDDLEWARE_CLASSES is ignored since Django 2.0: move its entries to MIDDLEWARE, each one a new-style middleware " +
        "(a get_response callable, or a class deriving from django.utils.deprecation.MiddlewareMixin)",
    },
  ],
});
