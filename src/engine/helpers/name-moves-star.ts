// nameMoves for bare uses a star import binds (see star-uses.ts): `force_text(x)` after
// `from django.utils.encoding import *` becomes `force_str(x)`. The new name comes from the same
// star import when it is known to bind it to the move's target, or from an import written right
// after the star import (which stays: other names come from it; unless its module is gone at the
// target and it gave the file nothing else, when the new import takes its place). Refusals are
// reported like the explicit-import refusals of nameMoves.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { replaceImportStatement } from "./drop-imports.js";
import { fromImportLine, type ImportName } from "./imports.js";
import {
  argumentEdits, importedBefore, newBinding, refusal, spelling, spellingAt, split, type NameMove,
} from "./name-moves.js";
import { insertBelow, moduleOf, starImportIdle, starModuleName, starProvides, starUses } from "./star-uses.js";

/** What one star import statement gets: renamed uses, and the lines to write after it. */
interface StarFix {
  statement: Node;
  messages: Set<string>;
  /** The uses renamed. */
  uses: Set<Node>;
  edits: Edit[];
  /** New lines by module: `import m` (null) or `from m import names`. */
  lines: Map<string, ImportName[] | null>;
}

/**
 * `removedModules`: modules gone at the rule's removal version; a star import of one goes (the new
 * lines take its place) once the renamed uses were all it gave the file (star-uses.ts starImportIdle).
 */
export function planStarUses(ctx: RuleContext, moves: Map<string, NameMove>, docs?: string, removedModules: ReadonlySet<string> = new Set()): void {
  const fixes = new Map<number, StarFix>();
  for (const move of moves.values()) {
    const { groups, refusals } = starUses(ctx, move.from);
    for (const { use, reason } of refusals) refusal(ctx, use, split(move.from)[1], move, reason, docs);
    for (const { statement, uses } of groups) planMove(ctx, fixes, statement, uses, move, docs);
  }
  for (const fix of fixes.values()) {
    const lines: string[] = [];
    for (const [module, names] of [...fix.lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(names === null ? `import ${module}` : fromImportLine(module, names));
    }
    const edits = [...fix.edits];
    const module = starModuleName(fix.statement);
    if (module !== undefined && removedModules.has(module) && starImportIdle(ctx, fix.statement, module, fix.uses)) {
      edits.push(...replaceImportStatement(ctx.source, fix.statement, lines, ctx.newline));
      ctx.fix([...fix.messages, `star import of removed ${module} dropped`].join(", "), edits);
      continue;
    }
    if (lines.length > 0) edits.push(insertBelow(ctx, fix.statement, lines));
    ctx.fix([...fix.messages].join(", "), edits);
  }
}

/** Adds the rewrite of one move's uses under `statement` to that star import's fix, or refuses it. */
function planMove(ctx: RuleContext, fixes: Map<number, StarFix>, statement: Node, uses: Node[], move: NameMove, docs?: string): void {
  const [, oldName] = split(move.from);
  const [newModule, newName] = split(move.to);
  const argEdits: Edit[] = [];
  for (const use of uses) {
    const edits = argumentEdits(ctx, use, move);
    if (typeof edits === "string") {
      refusal(ctx, use, oldName, move, edits, docs);
      return;
    }
    argEdits.push(...edits);
  }
  const target = newBinding(move);
  const scope = moduleOf(statement);
  let needsLine = false;
  if (!uses.every((use) => starProvides(ctx, target.name, target.qualified, statement, use))) {
    if (!ctx.facts.nameIsFree(target.name, scope, uses, target.qualified, statement.endIndex)) {
      refusal(ctx, uses[0]!, oldName, move, `\`${target.name}\` already means something else here`, docs);
      return;
    }
    needsLine = !importedBefore(ctx, scope, target.name, target.qualified, statement);
  }
  const fix: StarFix = fixes.get(statement.id) ?? { statement, messages: new Set(), uses: new Set(), edits: [], lines: new Map() };
  for (const use of uses) {
    fix.uses.add(use);
    fix.edits.push({ start: use.startIndex, end: use.endIndex, text: spellingAt(move, use) });
  }
  fix.edits.push(...argEdits);
  fix.messages.add(`${oldName} → ${spelling(move)}${needsLine ? ` (imported from ${newModule})` : ""}`);
  if (needsLine) {
    if (move.style === "attribute") fix.lines.set(newModule, null);
    else if (fix.lines.get(newModule) !== null) fix.lines.set(newModule, [...(fix.lines.get(newModule) ?? []), { name: newName }]);
  }
  fixes.set(statement.id, fix);
}
