import { keywordRenames } from "../../src/engine/helpers/keyword-renames.js";

export default keywordRenames({
  id: "django/staticfiles-find-all",
  aliases: ["staticfiles_find_all"],
  framework: "django",
  since: "5.2",
  summary: "staticfiles finders.find(path, all=...) becomes find(path, find_all=...)",
  description:
    "Django 5.2 renamed the `all` argument of `django.contrib.staticfiles.finders.find()` to `find_all` (it no longer " +
    "shadows the builtin) and Django 6.1 removes the old name. The keyword is renamed on calls that resolve to that " +
    "function: `finders.find(...)` and `find(...)` imported from `django.contrib.staticfiles.finders`, aliases included; " +
    "other `find` callables, such as a finder instance's `.find()` method, are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.2/#features-deprecated-in-5-2",
  needles: ["finders"],
  callables: ["django.contrib.staticfiles.finders.find"],
  renames: { all: "find_all" },
});
