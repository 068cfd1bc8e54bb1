import { keywordRenames } from "../../src/engine/helpers/keyword-renames.js";

export default keywordRenames({
  id: "django/check-constraint-condition",
  aliases: ["check_constraint_condition"],
  framework: "django",
  since: "5.1",
  summary: "CheckConstraint(check=...) becomes CheckConstraint(condition=...)",
  description:
    "Django 5.1 renamed the `check` argument of `CheckConstraint` to `condition`, matching `UniqueConstraint`, and " +
    "Django 6.0 removed the old name. The keyword is renamed on calls that resolve to `CheckConstraint` from " +
    "`django.db.models`, `django.db.models.constraints` or `django.contrib.gis.db.models`, however it was imported " +
    "(`models.CheckConstraint(...)` included), in models and in migrations alike, which Django 6.0 would no longer load.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["CheckConstraint"],
  callables: [
    "django.db.models.CheckConstraint",
    "django.db.models.constraints.CheckConstraint",
    "django.contrib.gis.db.models.CheckConstraint",
  ],
  renames: { check: "condition" },
});
