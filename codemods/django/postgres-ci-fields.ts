// django/postgres-ci-fields: Django 4.2 deprecated the citext-based CICharField, CIEmailField,
// CITextField and the CIText mixin (removed in 5.1). The replacement is a case-insensitive
// collation plus a migration, which only a person can choose.
import { findingRule } from "../../src/engine/helpers/findings.js";

const NAMES = ["CICharField", "CIEmailField", "CITextField", "CIText"];

export default findingRule({
  id: "django/postgres-ci-fields",
  framework: "django",
  since: "4.2",
  summary: "warns about postgres CICharField / CIEmailField / CITextField / CIText (removed in Django 5.1)",
  description:
    "Django 4.2 deprecated `django.contrib.postgres.fields.CICharField`, `CIEmailField`, `CITextField` and the `CIText` " +
    "mixin; Django 5.1 removed them. Uses outside migrations are reported: use `CharField`/`EmailField`/`TextField` with " +
    "`db_collation=` a case-insensitive non-deterministic collation (created in a migration with `CreateCollation`).",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: NAMES,
  patterns: [
    {
      kind: "name",
      qualified: ["django.contrib.postgres.fields", "django.contrib.postgres.fields.citext"].flatMap((m) => NAMES.map((n) => `${m}.${n}`)),
      skipRoles: ["migrations"],
      message:
        "the citext fields were removed in Django 5.1: use CharField/EmailField/TextField(db_collation=...) with a " +
        "case-insensitive collation created by a CreateCollation migration",
    },
  ],
});
