// django/stringagg: Django 6.0 added a general StringAgg to django.db.models and deprecated the
// PostgreSQL one in django.contrib.postgres.aggregates. The general one takes its delimiter as an
// expression, so string literals are wrapped in Value(). The whole file changes or nothing does.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callOf, importedAt } from "../../src/engine/helpers/calls.js";
import { formatImportName, importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0";

const OLD = new Set(["django.contrib.postgres.aggregates.StringAgg", "django.contrib.postgres.aggregates.general.StringAgg"]);
const VALUE = new Set(["django.db.models.Value", "django.db.models.expressions.Value"]);
const MODELS = new Set(["django.db.models"]);

export default defineRule({
  id: "django/stringagg",
  aliases: ["stringagg"],
  framework: "django",
  since: "6.0",
  summary: "StringAgg moves from django.contrib.postgres.aggregates to django.db.models, literal delimiters wrapped in Value()",
  description:
    "Django 6.0 deprecated `django.contrib.postgres.aggregates.StringAgg` in favour of the database-agnostic " +
    "`django.db.models.StringAgg`, whose `delimiter` is an expression rather than a string. When `StringAgg` is " +
    "imported from `django.contrib.postgres.aggregates` or its `general` submodule, the import moves (an alias with it) " +
    "to `django.db.models` (a new line above the old statement, or the statement itself when it imported nothing " +
    "else) and string-literal delimiters, positional or `delimiter=`, become `Value(\"...\")` — or `models.Value(...)` " +
    "when only `from django.db import models` is available. The file is left alone when any call lacks a delimiter, " +
    "passes one that is neither a string literal nor already `Value(...)`, needs `Value` but has no import of it or " +
    "of `models` in reach, uses `*args` / `**kwargs`, when the name is listed in `__all__`, or when `StringAgg` is used other " +
    "than by calling it (subclassing, assigning it to another name), or when a call still passes `ordering=` (which the " +
    "new class does not take; `django/postgres-aggregate-order-by` renames it to `order_by` first).",
  docs: DOCS,
  needles: ["StringAgg"],
  precheck: (text) => text.includes("postgres"),
  create(ctx) {
    return {
      module() {
        const bindings = ctx.facts.imports.filter((b) => b.kind === "from" && OLD.has(b.qualified));
        if (bindings.length === 0) return;
        const refuse = (at: Node, why: string): void => {
          ctx.report(at, `StringAgg from django.contrib.postgres is deprecated in Django 6.0 but was left alone: ${why}; move to django.db.models.StringAgg by hand; see ${DOCS}`);
        };
        const edits: Edit[] = [];
        for (const binding of bindings) {
          // Other modules importing it from here would get the new class, and their string delimiters would be read as field names.
          const exported = ctx.facts.exportedWhy(binding.name);
          if (exported) return refuse(binding.entry, `${binding.name}: ${exported}, and other modules may call it with a string delimiter`);
          const { refs, clean, reason } = ctx.facts.references(binding);
          if (!clean) return refuse(binding.entry, reason ?? "its uses cannot be followed");
          for (const ref of refs) {
            const call = callOf(ref);
            if (!call) return refuse(ref, "it is used other than by calling it");
            const args = callArgs(call);
            if (!args || args.listSplat || args.dictSplat) return refuse(call, "the call's arguments cannot be read");
            // The general StringAgg only knows `order_by` (the postgres-aggregate-order-by rule renames it first).
            if (args.keywords.has("ordering")) return refuse(call, "it still passes ordering=, which django.db.models.StringAgg does not take");
            const delimiter = args.positional[1] ?? args.keywords.get("delimiter")?.childForFieldName("value");
            if (!delimiter) return refuse(call, "the call has no delimiter");
            if (delimiter.type === "call") {
              const callee = delimiter.childForFieldName("function");
              const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
              if (qualified !== undefined && VALUE.has(qualified)) continue;
              return refuse(delimiter, "the delimiter is not a string literal or Value(...)");
            }
            if (delimiter.type !== "string") return refuse(delimiter, "the delimiter is not a string literal or Value(...)");
            let wrapper: string;
            if (importedAt(ctx.facts, "Value", delimiter, VALUE)) wrapper = "Value";
            else if (importedAt(ctx.facts, "models", delimiter, MODELS)) wrapper = "models.Value";
            else return refuse(delimiter, "neither Value nor models is imported from django.db here");
            edits.push({ start: delimiter.startIndex, end: delimiter.startIndex, text: `${wrapper}(` });
            edits.push({ start: delimiter.endIndex, end: delimiter.endIndex, text: ")" });
          }
        }
        for (const binding of bindings) {
          const statement = binding.statement;
          const module = statement.childForFieldName("module_name")!;
          if (importEntries(statement).length === 1) {
            edits.push({ start: module.startIndex, end: module.endIndex, text: "django.db.models" });
            continue;
          }
          const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
          if (!dropped) return refuse(binding.entry, "its import statement cannot be edited safely");
          // An alias stays on the new import, so the uses keep their name.
          const line = `from django.db.models import ${formatImportName({ name: "StringAgg", alias: binding.alias })}`;
          edits.push(insertAbove(ctx.source, statement, [line], ctx.newline), ...dropped);
        }
        ctx.fix("StringAgg → django.db.models.StringAgg", edits);
      },
    };
  },
});
