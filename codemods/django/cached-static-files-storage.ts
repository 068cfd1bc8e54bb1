// django/cached-static-files-storage: Django 2.2 deprecated CachedStaticFilesStorage and
// CachedFilesMixin (removed in 3.1). The replacement, ManifestStaticFilesStorage, needs a
// collectstatic run and behaves differently on missing files, so this is pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

const STORAGE = "django.contrib.staticfiles.storage";
const MESSAGE =
  "CachedStaticFilesStorage / CachedFilesMixin were removed in Django 3.1: use ManifestStaticFilesStorage (run " +
  "collectstatic; missing files raise ValueError unless manifest_strict = False) or a third-party storage";

export default findingRule({
  id: "django/cached-static-files-storage",
  framework: "django",
  since: "2.2",
  summary: "warns about CachedStaticFilesStorage / CachedFilesMixin (removed in Django 3.1)",
  description:
    "Django 2.2 deprecated `CachedStaticFilesStorage` and `CachedFilesMixin`; Django 3.1 removed them. The dotted path " +
    "in a string (a STATICFILES_STORAGE or STORAGES value) and imports or attribute uses of the classes are reported: " +
    "switch to `ManifestStaticFilesStorage` (which needs collectstatic) or a third-party storage.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2",
  needles: ["CachedStaticFilesStorage", "CachedFilesMixin"],
  patterns: [
    { kind: "string", values: [`${STORAGE}.CachedStaticFilesStorage`], message: MESSAGE },
    { kind: "name", qualified: [`${STORAGE}.CachedStaticFilesStorage`, `${STORAGE}.CachedFilesMixin`], message: MESSAGE },
  ],
});
