// django/postgres-aggregate-default: Django 4.0 deprecated the empty-result values of the postgres
// ArrayAgg, JSONBAgg and StringAgg ([] / [] / ""); from Django 5.0 they return None (the default
// argument's default). Calls without `default` get the value they used to return:
// `default=Value([])`, `default=Value("[]")`, `default=Value("")`, spelled with a Value that is
// already imported (`Value` or `models.Value`), else with `from django.db.models import Value` added
// above the aggregate's import when the name `Value` is free there. Only while the target is 4.x:
// from 5.0 on, None is the established result.
import { callArgs, callsTo, importedAt, insertArgument } from "../../src/engine/helpers/calls.js";
import type { Edit } from "../../src/engine/edits.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { fitsAt } from "../../src/engine/helpers/string-quotes.js";

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
    "imports from `django.db.models` (or as `models.Value`); without one, `from django.db.models import Value` is added " +
    "above the aggregate's import, unless the name `Value` already means something else there (then the call is reported). Drop the " +
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
        // Calls with no Value in reach, grouped by the import their aggregate came from: that
        // import gets `from django.db.models import Value` above it, once, in the same fix.
        const needImport = new Map<number, { statement: Node; scope: Node; calls: { call: Node; args: NonNullable<ReturnType<typeof callArgs>>; name: string }[] }>();
        const report = (call: Node, name: string) =>
          ctx.report(call, `${name}() without default returns None instead of ${DEFAULTS[name]} for no rows since Django 5.0 (deprecated in 4.0): pass default=Value(${DEFAULTS[name]}) to keep the old result; see ${DOCS}`);
        for (const found of callsTo(ctx.facts, qualified)) {
          const args = callArgs(found.call);
          if (!args || args.dictSplat || args.keywords.has("default")) continue;
          const name = found.qualified.slice(found.qualified.lastIndexOf(".") + 1);
          // `Value("")` inside a double-quoted f-string is a SyntaxError before Python 3.12.
          if (!fitsAt(found.call, DEFAULTS[name]!)) {
            report(found.call, name);
            continue;
          }
          const value = valueSpelling(ctx, found.call);
          if (!value) {
            let root: Node = found.callee;
            while (root.type === "attribute") root = root.childForFieldName("object")!;
            const origin = ctx.facts.importOf(root);
            if (!origin) {
              report(found.call, name);
              continue;
            }
            const group = needImport.get(origin.statement.id) ?? { statement: origin.statement, scope: origin.scope, calls: [] };
            group.calls.push({ call: found.call, args, name });
            needImport.set(origin.statement.id, group);
            continue;
          }
          ctx.fix(`${name}: default=${value}(${DEFAULTS[name]}) made explicit`, insertArgument(ctx.source, args, args.args.length, `default=${value}(${DEFAULTS[name]})`, ctx.newline));
        }
        for (const { statement, scope, calls } of needImport.values()) {
          const sites = calls.map((c) => c.call);
          if (!ctx.facts.nameIsFree("Value", scope, sites, "django.db.models.Value", statement.startIndex)) {
            for (const c of calls) report(c.call, c.name);
            continue;
          }
          const edits: Edit[] = [insertAbove(ctx.source, statement, ["from django.db.models import Value"], ctx.newline)];
          for (const c of calls) edits.push(...insertArgument(ctx.source, c.args, c.args.args.length, `default=Value(${DEFAULTS[c.name]})`, ctx.newline));
          ctx.fix(`${calls.map((c) => c.name).join(", ")}: default=Value(...) made explicit, Value imported from django.db.models`, edits);
        }
      },
    };
  },
});
