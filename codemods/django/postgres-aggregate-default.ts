// django/postgres-aggregate-default: Django 4.0 deprecated the empty-result values of the postgres
// ArrayAgg, JSONBAgg and StringAgg ([] / [] / ""); from Django 5.0 they return None (the default
// argument's default). Calls without `default` get the value they used to return:
// `default=Value([])`, `default=Value("[]")`, `default=Value("")`, spelled with a Value that is
// already imported (`Value` or `models.Value`); files without one are reported. Only while the
// target is 4.x: from 5.0 on, None is the established result.
import { callArgs, callsTo, importedAt, insertArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const MODULES = ["django.contrib.postgres.aggregates", "django.contrib.postgres.aggregates.general"];
const DEFAULTS: Record<string, string> = { ArrayAgg: "[]", JSONBAgg: '"[]"', StringAgg: '""' };
const VALUE = new Set(["django.db.models.Value", "django.db.models.expressions.Value"]);
const MODELS = new Set(["django.db.models"]);
const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0";

/** How `Value` can be written at the site with the imports in effect, if at all. */
function valueSpelling(ctx: RuleContext, site: Node): string | undefined {
  for (const binding of ctx.facts.imports) {
    if (VALUE.has(binding.qualified) && importedAt(ctx.facts, binding.name, site, VALUE)) return binding.name;
  }
  for (const binding of ctx.facts.imports) {
    if (binding.qualified === "django.db.models" && binding.kind === "from" && importedAt(ctx.facts, binding.name, site, MODELS)) {
      return `${binding.name}.Value`;
    }
  }
  return undefined;
}

export default defineRule({
  id: "django/postgres-aggregate-default",
  framework: "django",
  since: "4.0",
  until: "5.0",
  summary: "postgres ArrayAgg / JSONBAgg / StringAgg without default keep their old empty result",
  description:
    "Django 4.0 deprecated the values the postgres `ArrayAgg`, `JSONBAgg` and `StringAgg` return when there are no " +
    "rows (`[]`, `[]`, `\"\"`); from Django 5.0 they return `None` unless `default` is given. Calls of these " +
    "aggregates from `django.contrib.postgres.aggregates` without `default` (and without `**kwargs`) get " +
    "`default=Value([])`, `default=Value(\"[]\")` or `default=Value(\"\")`, written with a `Value` the file already " +
    "imports from `django.db.models` (or as `models.Value`). Without such an import the call is reported. Drop the " +
    "default where None is what you want. Only for targets 4.0 to 4.2: from 5.0 on None is the established result and " +
    "code may rely on it. Migrations are left alone.",
  docs: DOCS,
  needles: ["ArrayAgg", "JSONBAgg", "StringAgg"],
  precheck: (text) => text.includes("postgres"),
  create(ctx) {
    // From 5.0 on, None is what these calls return: code aimed at 5.0+ may rely on it, so the
    // old result is only restored while the target is inside the deprecation window.
    if (ctx.roles.has("migrations")) return {};
    return {
      module() {
        const qualified = MODULES.flatMap((m) => Object.keys(DEFAULTS).map((n) => `${m}.${n}`));
        for (const found of callsTo(ctx.facts, qualified)) {
          const args = callArgs(found.call);
          if (!args || args.dictSplat || args.keywords.has("default")) continue;
          const name = found.qualified.slice(found.qualified.lastIndexOf(".") + 1);
          const value = valueSpelling(ctx, found.call);
          if (!value) {
            ctx.report(found.call, `${name}() without default returns None instead of ${DEFAULTS[name]} for no rows since Django 5.0 (deprecated in 4.0): pass default=Value(${DEFAULTS[name]}) to keep the old result; see ${DOCS}`);
            continue;
          }
          ctx.fix(`${name}: default=${value}(${DEFAULTS[name]}) made explicit`, insertArgument(ctx.source, args, args.args.length, `default=${value}(${DEFAULTS[name]})`, ctx.newline));
        }
      },
    };
  },
});
