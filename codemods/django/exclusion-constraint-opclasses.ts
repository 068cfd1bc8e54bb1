// django/exclusion-constraint-opclasses: Django 4.1 deprecated ExclusionConstraint(opclasses=...)
// (removed in 5.0); operator classes move into the expressions as OpClass(...), pairing each with
// its column, which changes the constraint's definition in migrations.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/exclusion-constraint-opclasses",
  framework: "django",
  since: "4.1",
  summary: "warns about ExclusionConstraint(opclasses=) (removed in Django 5.0)",
  description:
    "Django 4.1 deprecated the `opclasses` argument of `django.contrib.postgres.constraints.ExclusionConstraint`; " +
    "Django 5.0 removed it. Calls passing it are reported: wrap each expression in " +
    "`django.contrib.postgres.indexes.OpClass(expression, name=...)` instead, then run makemigrations.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
  needles: ["opclasses"],
  precheck: (text) => text.includes("ExclusionConstraint"),
  patterns: [
    {
      kind: "keyword",
      keywords: ["opclasses"],
      callables: ["django.contrib.postgres.constraints.ExclusionConstraint"],
      message: "ExclusionConstraint(opclasses=) was removed in Django 5.0: wrap the expressions in OpClass(expression, name=...) instead",
    },
  ],
});
