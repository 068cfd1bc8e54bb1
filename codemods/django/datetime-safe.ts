// django/datetime-safe: Django 4.0 deprecated django.utils.datetime_safe (removed in 5.0). Its
// date and datetime classes only patched strftime for years before 1000, which Python 3 handles:
// they become the standard library's. The helpers (new_date, new_datetime, strftime) differ in
// shape and are reported by the same rule.
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0";
const MODULE = "django.utils.datetime_safe";
const HELPERS = ["new_date", "new_datetime", "strftime", "time"];

const moves = nameMoves({
  id: "django/datetime-safe",
  framework: "django",
  since: "4.0",
  summary: "date and datetime from django.utils.datetime_safe come from datetime; its helpers are reported",
  description:
    "Django 4.0 deprecated `django.utils.datetime_safe` (removed in 5.0): Python 3's own `datetime.date` and " +
    "`datetime.datetime` format every year Django supports. `from django.utils.datetime_safe import date, datetime` " +
    "imports them from `datetime` instead (aliases kept, uses renamed only where the name is free), and " +
    "`datetime_safe.datetime` uses get the standard class. The helpers `new_date()`, `new_datetime()` and `strftime()` are " +
    "reported: `d.strftime(fmt)` and `datetime.combine(...)`/the classes' constructors replace them.",
  docs: DOCS,
  needles: ["datetime_safe"],
  precheck: (text) => text.includes("datetime_safe"),
  removedModules: [MODULE],
  moves: [
    { from: `${MODULE}.date`, to: "datetime.date" },
    { from: `${MODULE}.datetime`, to: "datetime.datetime" },
  ],
});

export default defineRule({
  ...moves,
  create(ctx) {
    const visitors = moves.create(ctx);
    return {
      ...visitors,
      module(node) {
        visitors.module?.(node);
        for (const binding of ctx.facts.imports) {
          const name = binding.kind === "from" && binding.module === MODULE ? binding.imported : undefined;
          if (name && HELPERS.includes(name)) {
            ctx.report(binding.entry, `django.utils.datetime_safe.${name} was removed in Django 5.0: use the datetime module (d.strftime(fmt), datetime.combine(d, time())) instead (${DOCS})`);
          }
        }
      },
    };
  },
});
