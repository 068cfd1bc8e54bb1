// django/from-db-value-context: Django 2.0 deprecated the `context` argument of
// Field.from_db_value() (and Django 3.0 stopped passing it, so a five-parameter override raises
// TypeError). An override whose last parameter is `context` and whose body never uses it loses the
// parameter, in classes deriving from a Django field (through the imports or classes of the same
// file); in other classes the override is reported.
import { overridesOf, parameterName } from "../../src/engine/helpers/overrides.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { startsLine } from "../../src/engine/helpers/statements.js";
import { defineRule } from "../../src/engine/rule.js";
import { lineEndWithNewline, lineStart } from "../../src/engine/text.js";
import { isDjangoModelField } from "../../src/engine/helpers/django-names.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.0/#features-deprecated-in-2-0";

export default defineRule({
  id: "django/from-db-value-context",
  framework: "django",
  since: "2.0",
  summary: "from_db_value(self, value, expression, connection, context) loses the unused context parameter",
  description:
    "Django 2.0 deprecated the `context` argument of `from_db_value()`, and Django 3.0 no longer passes it, so an override " +
    "that still declares it fails with a TypeError. In a class deriving from a Django model field (resolved through the " +
    "imports, or through classes of the same file), `def from_db_value(self, value, expression, connection, context)` " +
    "(also `context=None`) loses `context` when the body does not use it. A body that uses it, and `from_db_value` " +
    "methods of classes not shown to be Django fields, are reported.",
  docs: DOCS,
  needles: ["from_db_value"],
  precheck: (text) => /\bcontext\b/.test(text),
  create(ctx) {
    return {
      module() {
        const fields = new Set(overridesOf(ctx.facts, "from_db_value", isDjangoModelField).map((o) => o.fn.id));
        for (const id of ctx.facts.identifiers("from_db_value")) {
          const fn = id.parent;
          if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.id !== id.id || !enclosingClass(fn)) continue;
          const parameters = fn.childForFieldName("parameters")!;
          const params = parameters.namedChildren.filter((p) => p !== null && p.type !== "comment");
          if (params.length !== 5 || parameterName(params[4]!) !== "context") continue;
          if (!params.slice(0, 4).every((p) => p!.type === "identifier")) continue;
          const last = params[4]!;
          if (last.type !== "identifier" && !(last.type === "default_parameter" && last.childForFieldName("value")?.text === "None")) continue;
          const body = fn.childForFieldName("body")!;
          const used = ctx.facts.identifiers("context").some((c) => c.startIndex >= body.startIndex && c.endIndex <= body.endIndex);
          const cls = enclosingClass(fn)!;
          if (used || !fields.has(fn.id)) {
            const why = used ? "its body uses context" : "its class is not shown to derive from a Django field";
            if (used || derivesFrom(ctx.facts, cls, () => true)) {
              ctx.report(fn, `from_db_value() no longer receives context since Django 3.0 (deprecated in 2.0) but was left alone: ${why}; remove the parameter by hand; see ${DOCS}`);
            }
            continue;
          }
          const between = ctx.source.slice(params[3]!.endIndex, last.startIndex);
          if (between.includes("#")) {
            // `connection,  # a comment` then `context,` on a line of its own: that line goes, and
            // the comment about connection stays.
            const lineEnd = lineEndWithNewline(ctx.source, last.endIndex);
            if (startsLine(ctx.source, last) && /^[ \t]*,?[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)$/.test(ctx.source.slice(last.endIndex, lineEnd))) {
              ctx.fix("from_db_value(..., context) → from_db_value(...)", [{ start: lineStart(ctx.source, last.startIndex), end: lineEnd, text: "" }]);
            } else {
              ctx.report(fn, `from_db_value() no longer receives context since Django 3.0 (deprecated in 2.0) but was left alone: comments sit between its parameters; remove the parameter by hand; see ${DOCS}`);
            }
            continue;
          }
          ctx.fix("from_db_value(..., context) → from_db_value(...)", [{ start: params[3]!.endIndex, end: last.endIndex, text: "" }]);
        }
      },
    };
  },
});
