// flask/safe-join: Flask 2.0 deprecated flask.safe_join (and flask.helpers.safe_join) and Flask 2.1
// removed it. Werkzeug's safe_join takes the same arguments but returns None for an unsafe path
// where Flask's raised NotFound, which is exactly what Flask 2.0's wrapper added back. In the shape
// `name = safe_join(...)` as a statement of its own, the call moves to werkzeug.utils and a guard
// raising NotFound follows; every other use is reported.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { fromImportLine, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, ownsItsLines, replaceStatement } from "../../src/engine/helpers/statements.js";
import { indentAt, lineEndWithNewline } from "../../src/engine/text.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";
const OLD = new Set(["flask.safe_join", "flask.helpers.safe_join"]);
const ADVICE =
  "flask.safe_join was removed in Flask 2.1: use werkzeug.utils.safe_join, which returns None for an unsafe path " +
  "instead of raising NotFound (check for None and abort(404))";

/** The statement `target = safe_join(...)` a use stands in, with its simple target, or undefined. */
function assignmentShape(use: Node): { statement: Node; target: string } | undefined {
  const call = use.parent;
  if (call?.type !== "call" || call.childForFieldName("function")?.id !== use.id) return undefined;
  const assignment = call.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== call.id) return undefined;
  const left = assignment.childForFieldName("left");
  if (left?.type !== "identifier" || assignment.childForFieldName("type")) return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  if (statement.parent?.type !== "block" && statement.parent?.type !== "module") return undefined;
  return { statement, target: left.text };
}

function guardAfter(ctx: RuleContext, statement: Node, target: string, notFound: string): Edit | undefined {
  if (!ownsItsLines(ctx.source, statement)) return undefined;
  const indent = indentAt(ctx.source, statement.startIndex);
  // One indentation step as this file writes it: the statement's indent beyond its block's owner.
  const owner = statement.parent?.type === "block" ? statement.parent.parent : null;
  const outer = owner ? indentAt(ctx.source, owner.startIndex) : "";
  const unit = owner && indent.startsWith(outer) && indent.length > outer.length ? indent.slice(outer.length) : "    ";
  const at = lineEndWithNewline(ctx.source, statement.endIndex);
  const lead = at === ctx.source.length && !/[\r\n]$/.test(ctx.source) ? ctx.newline : "";
  const text = `${lead}${indent}if ${target} is None:${ctx.newline}${indent}${unit}raise ${notFound}()${ctx.newline}`;
  return { start: at, end: at, text };
}

function rewrite(ctx: RuleContext, binding: ImportBinding): void {
  const refs = ctx.facts.references(binding);
  const shapes = refs.clean ? refs.refs.map((ref) => assignmentShape(ref)) : [];
  if (!refs.clean || shapes.some((s) => s === undefined)) {
    for (const ref of refs.clean ? refs.refs.filter((_, i) => !shapes[i]) : [binding.entry]) ctx.report(ref, `${ADVICE} (${DOCS})`);
    return;
  }
  const scope = binding.scope;
  const statement = binding.statement;
  const lines: string[] = [];
  // safe_join itself: the same local name, now from werkzeug.utils.
  const utils = "werkzeug.utils.safe_join";
  lines.push(fromImportLine("werkzeug.utils", [{ name: "safe_join", alias: binding.alias }]));
  const sites = shapes.map((s) => s!.statement);
  const notFoundQualified = "werkzeug.exceptions.NotFound";
  if (sites.length > 0 && !sites.every((site) => importedAt(ctx.facts, "NotFound", site, new Set([notFoundQualified])))) {
    if (!ctx.facts.nameIsFree("NotFound", scope, sites, notFoundQualified, statement.startIndex)) {
      for (const ref of refs.refs) ctx.report(ref, `${ADVICE}; left alone: \`NotFound\` already means something else here (${DOCS})`);
      return;
    }
    lines.push(fromImportLine("werkzeug.exceptions", [{ name: "NotFound" }]));
  }
  const edits: Edit[] = [];
  for (const shape of shapes) {
    const guard = guardAfter(ctx, shape!.statement, shape!.target, "NotFound");
    if (!guard) {
      ctx.report(shape!.statement, `${ADVICE} (${DOCS})`);
      return;
    }
    edits.push(guard);
  }
  lines.sort();
  const entries = statement.childrenForFieldName("name").filter((e) => e !== null);
  if (entries.length === 1) {
    edits.push(replaceStatement(ctx.source, statement, lines, ctx.newline));
  } else {
    const importEdits = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
    if (!importEdits) {
      ctx.report(binding.entry, `${ADVICE}; left alone: comments inside this import (${DOCS})`);
      return;
    }
    edits.push(...importEdits, insertAbove(ctx.source, statement, lines, ctx.newline));
  }
  ctx.fix("flask.safe_join → werkzeug.utils.safe_join with a NotFound guard", edits);
}

export default defineRule({
  id: "flask/safe-join",
  framework: "flask",
  since: "2.0",
  summary: "flask.safe_join becomes werkzeug.utils.safe_join followed by a NotFound guard",
  description:
    "Flask 2.0 deprecated `flask.safe_join` and Flask 2.1 removed it. `werkzeug.utils.safe_join` takes the same " +
    "arguments but returns None for a path that would leave the directory, where Flask's raised NotFound (404). When " +
    "every use of the imported name is a statement `path = safe_join(...)`, the import moves to `werkzeug.utils` and " +
    "`if path is None: raise NotFound()` follows each call (NotFound imported from `werkzeug.exceptions`), which is " +
    "what Flask 2.0's own wrapper did. Other uses (inside expressions, attribute forms) are reported.",
  docs: DOCS,
  needles: ["safe_join"],
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          if (binding.kind === "from" && OLD.has(binding.qualified) && !(binding.scope.type === "module" && ctx.facts.isExported(binding.name))) {
            rewrite(ctx, binding);
          }
        }
        for (const id of ctx.facts.identifiers("safe_join")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const qualified = ctx.facts.qualifiedName(attribute);
          if (qualified && OLD.has(qualified)) ctx.report(attribute, `${ADVICE} (${DOCS})`);
        }
      },
    };
  },
});
