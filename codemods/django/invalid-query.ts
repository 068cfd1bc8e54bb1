// django/invalid-query: Django 3.1 deprecated django.db.models.query_utils.InvalidQuery (removed in
// 4.0). Django raised FieldDoesNotExist (raw queries without the primary key) or FieldError
// (select_related/only conflicts) where it used to raise InvalidQuery, and in 3.1 `except
// InvalidQuery` caught exactly those two. Handlers become `except (FieldDoesNotExist, FieldError)`.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";
const OLD = new Set(["django.db.models.query_utils.InvalidQuery", "django.db.models.query.InvalidQuery"]);
const NAMES = ["FieldDoesNotExist", "FieldError"] as const;

/** The replacement for a use in an except clause, or why the use is not one. */
function handlerEdit(ref: Node): Edit | string {
  const parent = ref.parent;
  // `except InvalidQuery:` / `except InvalidQuery as e:`
  const clause = parent?.type === "as_pattern" ? parent.parent : parent;
  if (clause?.type === "except_clause" && (parent?.type === "except_clause" || parent?.namedChild(0)?.id === ref.id)) {
    return { start: ref.startIndex, end: ref.endIndex, text: `(${NAMES.join(", ")})` };
  }
  // `except (InvalidQuery, KeyError):`
  const tuple = parent?.type === "tuple" ? parent : undefined;
  const tupleClause = tuple?.parent?.type === "as_pattern" ? tuple.parent.parent : tuple?.parent;
  if (tuple && tupleClause?.type === "except_clause") return { start: ref.startIndex, end: ref.endIndex, text: NAMES.join(", ") };
  return `${lineOf(ref)} uses it outside an except clause`;
}

function plan(ctx: RuleContext, binding: ImportBinding): Edit[] | string {
  const exported = ctx.facts.exportedWhy(binding.name);
  if (exported) return exported;
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const edit = handlerEdit(ref);
    if (typeof edit === "string") return edit;
    edits.push(edit);
  }
  const needed: string[] = [];
  for (const name of NAMES) {
    if (refs.refs.length === 0) break;
    const qualified = `django.core.exceptions.${name}`;
    if (refs.refs.every((ref) => importedAt(ctx.facts, name, ref, new Set([qualified])))) continue;
    if (!ctx.facts.nameIsFree(name, binding.scope, refs.refs, qualified, binding.statement.startIndex)) return `the name ${name} already means something else here`;
    needed.push(name);
  }
  const line = needed.length > 0 ? `from django.core.exceptions import ${needed.join(", ")}` : undefined;
  const statement = binding.statement;
  if (importEntries(statement).length === 1) {
    if (line) edits.push(replaceStatement(ctx.source, statement, [line], ctx.newline));
    else edits.push(...rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]))!);
    return edits;
  }
  const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
  if (!dropped) return "comments inside its import make the rewrite ambiguous";
  edits.push(...dropped);
  if (line) edits.push(insertAbove(ctx.source, statement, [line], ctx.newline));
  return edits;
}

export default defineRule({
  id: "django/invalid-query",
  framework: "django",
  since: "3.1",
  summary: "except InvalidQuery becomes except (FieldDoesNotExist, FieldError)",
  description:
    "Django 3.1 deprecated `django.db.models.query_utils.InvalidQuery` (removed in 4.0): Django raises `FieldDoesNotExist` " +
    "or `FieldError` instead, and in 3.1 `except InvalidQuery` catches exactly those. When every use of the imported name is " +
    "an exception handler (`except InvalidQuery:`, `except InvalidQuery as e:`, inside a tuple), the handlers name both " +
    "exceptions and `from django.core.exceptions import FieldDoesNotExist, FieldError` replaces the import (names already " +
    "imported are reused). Any other use (raising it, subclassing it) leaves the file as it is, reported.",
  docs: DOCS,
  needles: ["InvalidQuery"],
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || !OLD.has(binding.qualified)) continue;
          const edits = plan(ctx, binding);
          if (typeof edits === "string") {
            ctx.report(binding.entry, `InvalidQuery was removed in Django 4.0: catch FieldDoesNotExist or FieldError (django.core.exceptions) instead; left alone because ${edits}; see ${DOCS}`);
          } else ctx.fix("except InvalidQuery → except (FieldDoesNotExist, FieldError)", edits);
        }
      },
    };
  },
});
