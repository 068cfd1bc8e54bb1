import { nameMoves } from "../../src/engine/helpers/name-moves.js";

const MODULES = [
  "django.contrib.postgres.fields",
  "django.contrib.postgres.fields.ranges",
  "django.contrib.postgres.forms",
  "django.contrib.postgres.forms.ranges",
];

export default nameMoves({
  id: "django/postgres-float-range-field",
  aliases: ["postgres_float_range_field"],
  framework: "django",
  since: "2.2",
  summary: "PostgreSQL FloatRangeField becomes DecimalRangeField",
  description:
    "Django 2.2 deprecated the PostgreSQL `FloatRangeField` model and form fields in favour of `DecimalRangeField` " +
    "(the database column was always `numrange`, which holds decimals) and Django 3.1 removed them. Imports from " +
    "`django.contrib.postgres.fields` / `.forms` (and their `ranges` modules), uses of the imported name and module forms " +
    "such as `pg_fields.FloatRangeField()` are rewritten. Historical migrations are rewritten too, since the old class no " +
    "longer exists to import; values coming back from the database become `Decimal` instead of `float`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2",
  moves: MODULES.map((m) => ({ from: `${m}.FloatRangeField`, to: `${m}.DecimalRangeField` })),
});
