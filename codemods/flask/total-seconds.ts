// flask/total-seconds: Flask 2.0 deprecated flask.helpers.total_seconds(td), a copy of what
// timedelta.total_seconds() does, and Flask 2.1 removed it.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { mayReachNames } from "../../src/engine/text-scan.js";
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { removeStatementAndSpacing } from "../../src/engine/helpers/versioned-code.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";
const OLD = "flask.helpers.total_seconds";
/** Expressions that can take `.total_seconds()` without parentheses. */
const PRIMARY = new Set(["identifier", "attribute", "call", "subscript", "parenthesized_expression"]);

/** `total_seconds(x)` → `x.total_seconds()`, or undefined for another call shape. */
function rewriteCall(ctx: RuleContext, callee: import("../../src/engine/parser.js").Node): Edit | undefined {
  const call = callOf(callee);
  if (!call) return undefined;
  const args = callArgs(call);
  if (!args || args.args.length !== 1 || args.positional.length !== 1 || args.comments.length > 0) return undefined;
  const value = args.positional[0]!;
  const text = PRIMARY.has(value.type) ? value.text : `(${value.text})`;
  return { start: call.startIndex, end: call.endIndex, text: `${text}.total_seconds()` };
}

function fromImport(ctx: RuleContext, binding: ImportBinding): void {
  const refs = ctx.facts.references(binding);
  const edits = refs.clean ? refs.refs.map((ref) => rewriteCall(ctx, ref)) : [];
  if (!refs.clean || edits.some((e) => e === undefined) || (binding.scope.type === "module" && ctx.facts.isExported(binding.name))) {
    ctx.report(binding.entry, `flask.helpers.total_seconds was removed in Flask 2.1: call td.total_seconds() on the timedelta; see ${DOCS}`);
    return;
  }
  const entries = binding.statement.childrenForFieldName("name").filter((e) => e !== null);
  const importEdits = entries.length === 1 ? removeStatementAndSpacing(ctx.source, binding.statement) : rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
  if (!importEdits) return;
  ctx.fix("total_seconds(td) → td.total_seconds()", [...(edits as Edit[]), ...importEdits]);
}

export default defineRule({
  id: "flask/total-seconds",
  framework: "flask",
  since: "2.0",
  summary: "flask.helpers.total_seconds(td) becomes td.total_seconds()",
  description:
    "Flask 2.0 deprecated `flask.helpers.total_seconds`, which returned what `timedelta.total_seconds()` returns, and " +
    "Flask 2.1 removed it. Calls with one argument become a method call on that argument (parenthesized when needed); " +
    "the import goes when every use was such a call. `helpers.total_seconds(td)` forms are rewritten the same way.",
  docs: DOCS,
  needles: ["total_seconds"],
  precheck: mayReachNames([OLD]),
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) if (binding.kind === "from" && binding.qualified === OLD) fromImport(ctx, binding);
        for (const id of ctx.facts.identifiers("total_seconds")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          if (ctx.facts.qualifiedName(attribute) !== OLD) continue;
          const edit = rewriteCall(ctx, attribute);
          if (edit) ctx.fix("helpers.total_seconds(td) → td.total_seconds()", [edit]);
          else ctx.report(attribute, `flask.helpers.total_seconds was removed in Flask 2.1: call td.total_seconds() on the timedelta; see ${DOCS}`);
        }
      },
    };
  },
});
