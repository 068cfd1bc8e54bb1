// Rules for a module flag that became constantly true and was then removed (`flask.json_available`,
// `flask.signals_available`): an `if flag:` guard keeps its body and loses its other branches,
// `if not flag:` keeps its `else` body (or goes), and the import of the flag goes once nothing
// else reads it. Only a condition that is exactly the flag, resolved through the imports, counts:
// a user's own variable of the same name, `flag and x`, or a flag also bound elsewhere (the
// `try: import … except ImportError: flag = False` fallback) is reported instead.
import type { Edit } from "../edits.js";
import type { ImportBinding } from "../facts.js";
import type { Node } from "../parser.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { rewriteImportEntries } from "./imports.js";
import { removeStatement } from "./statements.js";
import { dedentBlock, hasMultilineString, unparenthesize } from "./versioned-code.js";

export interface AlwaysTrueFlagSpec extends Omit<RuleMeta, "needles" | "kind" | "docs"> {
  docs: string;
  /** The flag's qualified names (`flask.signals_available`, `flask.signals.signals_available`). */
  qualified: string[];
  /** What a finding says about a use that is left alone. */
  message: string;
}

/** The `if` statement whose whole condition is `use` (or `not use`), with the branch that stays. */
function guardOf(use: Node): { statement: Node; negated: boolean } | undefined {
  let node = use;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  let negated = false;
  if (node.parent?.type === "not_operator") {
    negated = true;
    node = node.parent;
    while (node.parent?.type === "parenthesized_expression") node = node.parent;
  }
  const statement = node.parent;
  if (statement?.type !== "if_statement" || statement.childForFieldName("condition")?.id !== node.id) return undefined;
  if (unparenthesize(statement.childForFieldName("condition")!).id !== (negated ? node.id : unparenthesize(node).id)) return undefined;
  return { statement, negated };
}

/** The edits that settle one guard, or undefined when its shape is not a safe one. */
function settleGuard(source: string, use: Node): Edit[] | undefined {
  const guard = guardOf(use);
  if (!guard) return undefined;
  const { statement, negated } = guard;
  const alternatives = statement.childrenForFieldName("alternative").filter((a): a is Node => a !== null);
  // `if flag:` keeps its body: every other branch is dead. `if not flag:` keeps a lone `else`.
  if (negated && (alternatives.length > 1 || alternatives.some((a) => a.type !== "else_clause"))) return undefined;
  const kept = negated ? alternatives[0]?.childForFieldName("body") : statement.childForFieldName("consequence");
  if (!kept) return negated ? removeStatement(source, statement) : undefined;
  if (hasMultilineString(kept, source)) return undefined;
  const text = dedentBlock(source, kept, statement);
  return text === undefined ? undefined : [{ start: statement.startIndex, end: statement.endIndex, text }];
}

const within = (inner: Edit, outer: Edit) => outer.start <= inner.start && inner.end <= outer.end && inner !== outer;

function lastPart(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}

export function alwaysTrueFlagRule(spec: AlwaysTrueFlagSpec): Rule {
  const wanted = new Set(spec.qualified);
  const say = (ctx: RuleContext, at: Node) => ctx.report(at, `${spec.message} (${spec.docs})`);
  return defineRule({
    ...spec,
    needles: [...new Set(spec.qualified.map(lastPart))],
    // The flag is read from Flask: a file that never names it is not a candidate.
    precheck: (text) => text.includes("flask"),
    create(ctx) {
      /** Settles the guards among `uses`, reports the rest; true when every use was a settled guard. */
      const settle = (uses: Node[], removal?: { binding: ImportBinding }) => {
        const guards: { use: Node; edits: Edit[] }[] = [];
        let allGuards = true;
        for (const use of uses) {
          const edits = settleGuard(ctx.source, use);
          if (edits) guards.push({ use, edits });
          else {
            allGuards = false;
            say(ctx, use.parent?.type === "attribute" && use.parent.childForFieldName("attribute")?.id === use.id ? use.parent : use);
          }
        }
        // A guard inside another one moves with the outer body; it is settled on the next pass.
        const outer = guards.filter((g) => !guards.some((o) => g.edits.some((e) => o.edits.some((f) => within(e, f)))));
        if (removal && allGuards && outer.length === guards.length) {
          const { binding } = removal;
          const importEdits = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
          if (importEdits) {
            ctx.fix(`${binding.name} is always true: guards settled, import removed`, [...outer.flatMap((g) => g.edits), ...importEdits]);
            return;
          }
        }
        // The import stays while something reads the flag, and fails from the removing release on.
        if (removal) say(ctx, removal.binding.entry);
        for (const g of outer) ctx.fix(`${g.use.text} is always true: guard settled`, g.edits);
      };
      return {
        module() {
          // `from flask import json_available [as x]`: uses of the local name, and the import itself.
          for (const binding of ctx.facts.imports) {
            if (binding.kind !== "from" || !wanted.has(binding.qualified)) continue;
            const refs = ctx.facts.references(binding);
            if (!refs.clean || ctx.facts.isExported(binding.name)) {
              say(ctx, binding.entry);
              // Reads that may see the import (a fallback binding makes them uncertain, not unrelated).
              for (const id of ctx.facts.identifiers(binding.name)) {
                if (id.id === binding.local.id || id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id) continue;
                const resolution = ctx.facts.resolveName(id.text, id);
                const isUse = !resolution.bindings.some((b) => b.node.id === id.id);
                if (isUse && resolution.bindings.some((b) => b.node.id === binding.local.id)) say(ctx, id);
              }
              continue;
            }
            settle(refs.refs, { binding });
          }
          // `flask.json_available` / `signals.signals_available` on an imported module.
          const attributes: Node[] = [];
          for (const name of new Set(spec.qualified.map(lastPart))) {
            for (const id of ctx.facts.identifiers(name)) {
              const attribute = id.parent;
              if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
              const qualified = ctx.facts.qualifiedName(attribute);
              if (qualified !== undefined && wanted.has(qualified)) attributes.push(attribute);
            }
          }
          settle(attributes);
        },
      };
    },
  });
}
