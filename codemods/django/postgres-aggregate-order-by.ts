import { keywordRenames } from "../../src/engine/helpers/keyword-renames.js";

const MODULES = ["django.contrib.postgres.aggregates", "django.contrib.postgres.aggregates.general"];

export default keywordRenames({
  id: "django/postgres-aggregate-order-by",
  aliases: ["postgres_aggregate_order_by"],
  framework: "django",
  since: "5.2",
  summary: "ArrayAgg / JSONBAgg / StringAgg(ordering=...) become (order_by=...)",
  description:
    "Django 5.2 renamed the `ordering` argument of the PostgreSQL aggregates `ArrayAgg`, `JSONBAgg` and `StringAgg` " +
    "to `order_by`, the name every aggregate now accepts, and Django 6.1 removes the old name. The keyword is renamed on " +
    "calls resolving to those classes in `django.contrib.postgres.aggregates` (or its `general` module), directly " +
    "imported or through the module; model `Meta.ordering` and other `ordering=` arguments are untouched.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.2/#features-deprecated-in-5-2",
  needles: ["postgres"],
  // Settings files name the postgres backend too: only files passing an `ordering=` keyword.
  precheck: (text) => /\bordering[\s\\]*=(?!=)/.test(text),
  callables: MODULES.flatMap((m) => ["ArrayAgg", "JSONBAgg", "StringAgg"].map((name) => `${m}.${name}`)),
  renames: { ordering: "order_by" },
});
