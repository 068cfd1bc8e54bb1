// Name moves for bare uses a star import binds: `from django.utils.encoding import *` followed by
// `force_text(x)`. When the star import is the only binding that can reach a use and it stands for
// the moved name, the use is renamed; the new name then comes from the same star import when it is
// known to bind it to the move's target, or from an explicit import written right after the star
// import (which stays: other names come from it). Anything less certain (another binding of the
// name in the scope, a use that runs before the star import) is reported, like the explicit-import
// refusals of nameMoves.
//
// A Django module whose releases differ on exporting the old name (every removed name does: Django
// 3.2's encoding module has force_text, 4.2's has not) still counts: the use is the star import's
// only binding, so it reads that module's own name whenever it runs without a NameError.
import type { Edit } from "../edits.js";
import type { Occurrence } from "../facts.js";
import { statementOf } from "../facts.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { fromImportLine, type ImportName } from "./imports.js";
import {
  argumentEdits, importedBefore, newBinding, refusal, spelling, spellingAt, split, type NameMove,
} from "./name-moves.js";

/** What one star import statement gets: renamed uses, and the lines to write after it. */
interface StarFix {
  statement: Node;
  messages: Set<string>;
  edits: Edit[];
  /** New lines by module: `import m` (name null) or `from m import name`. */
  lines: Map<string, ImportName[] | null>;
}

/** True when `occurrence` is a star import standing for `qualified` (or may bind nothing but that). */
function starFor(occurrence: Occurrence, qualified: string): boolean {
  return occurrence.star === true && occurrence.starQualified === qualified;
}

export function planStarUses(ctx: RuleContext, moves: Map<string, NameMove>, docs?: string): void {
  const fixes = new Map<number, StarFix>();
  for (const move of moves.values()) {
    const [, oldName] = split(move.from);
    const table = ctx.facts.table(oldName);
    // Cheap exit: no star import in the file stands for the old name.
    if (![...table.bindings.values()].some((list) => list.some((o) => starFor(o, move.from)))) continue;
    const byStar = new Map<number, { statement: Node; uses: Node[] }>();
    const refused = new Set<number>();
    for (const occurrence of table.occurrences) {
      if (occurrence.kind !== "use") continue;
      const use = occurrence.node;
      const resolution = ctx.facts.resolveName(oldName, use, occurrence.scope);
      const star = resolution.bindings.find((b) => starFor(b, move.from));
      if (!star) continue;
      const statement = statementOf(star.node);
      // An explicit import of the old name in the scope: nameMoves' import planning owns these uses.
      if (resolution.bindings.some((b) => !b.star && ctx.facts.importForLocal(b.node)?.qualified === move.from)) continue;
      const reason = resolution.uncertain
        ? `\`${oldName}\` is used before \`${oneLine(statement)}\` binds it`
        : resolution.bindings.length > 1
          ? otherBindingReason(ctx, resolution.bindings.find((b) => b !== star)!, oldName)
          : undefined;
      if (reason !== undefined) {
        if (!refused.has(statement.id)) refusal(ctx, use, oldName, move, reason, docs);
        refused.add(statement.id);
        continue;
      }
      const group = byStar.get(statement.id) ?? { statement, uses: [] };
      group.uses.push(use);
      byStar.set(statement.id, group);
    }
    for (const { statement, uses } of byStar.values()) {
      if (refused.has(statement.id)) continue;
      planMove(ctx, fixes, statement, uses, move, docs);
    }
  }
  for (const fix of fixes.values()) {
    const lines: string[] = [];
    for (const [module, names] of [...fix.lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(names === null ? `import ${module}` : fromImportLine(module, names));
    }
    const edits = [...fix.edits];
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
  const scope = statementScope(statement);
  let needsLine = false;
  if (!uses.every((use) => starProvides(ctx, target.name, target.qualified, statement, use))) {
    if (!ctx.facts.nameIsFree(target.name, scope, uses, target.qualified, statement.endIndex)) {
      refusal(ctx, uses[0]!, oldName, move, `\`${target.name}\` already means something else here`, docs);
      return;
    }
    needsLine = !importedBefore(ctx, scope, target.name, target.qualified, statement);
  }
  const fix: StarFix = fixes.get(statement.id) ?? { statement, messages: new Set(), edits: [], lines: new Map() };
  for (const use of uses) fix.edits.push({ start: use.startIndex, end: use.endIndex, text: spellingAt(move, use) });
  fix.edits.push(...argEdits);
  fix.messages.add(`${oldName} → ${spelling(move)}${needsLine ? ` (imported from ${newModule})` : ""}`);
  if (needsLine) {
    if (move.style === "attribute") fix.lines.set(newModule, null);
    else if (fix.lines.get(newModule) !== null) fix.lines.set(newModule, [...(fix.lines.get(newModule) ?? []), { name: newName }]);
  }
  fixes.set(statement.id, fix);
}

/** The scope a star import pours its names into (the module: Python 3 allows no other). */
function statementScope(statement: Node): Node {
  let scope: Node = statement;
  while (scope.parent) scope = scope.parent;
  return scope;
}

/**
 * True when `use` would read `name` from this very star import, known to bind it to `qualified`,
 * with nothing else in reach: the rename then needs no new import line.
 */
function starProvides(ctx: RuleContext, name: string, qualified: string, statement: Node, use: Node): boolean {
  const resolution = ctx.facts.resolveName(name, use);
  if (resolution.uncertain || resolution.bindings.length !== 1) return false;
  const only = resolution.bindings[0]!;
  return only.star === true && only.starBinds === true && only.starQualified === qualified && statementOf(only.node).id === statement.id;
}

function otherBindingReason(ctx: RuleContext, other: Occurrence, name: string): string {
  return other.star ? ctx.facts.starReason(other, name) : `\`${name}\` is bound more than once in its scope`;
}

function oneLine(statement: Node): string {
  return statement.text.replace(/\s+/g, " ");
}

/**
 * Lines written right after `statement` on their own lines at its indentation, after a comment
 * that ends its line; joined with semicolons when code follows it on its line.
 */
function insertBelow(ctx: RuleContext, statement: Node, lines: string[]): Edit {
  const source = ctx.source;
  const lineEnd = source.slice(statement.endIndex).search(/\r?\n|$/) + statement.endIndex;
  if (/^[ \t]*(#.*)?$/.test(source.slice(statement.endIndex, lineEnd))) {
    const lineStart = source.lastIndexOf("\n", statement.startIndex - 1) + 1;
    const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
    const text = lines.map((line) => ctx.newline + indent + line).join("");
    return { start: lineEnd, end: lineEnd, text };
  }
  return { start: statement.endIndex, end: statement.endIndex, text: lines.map((l) => `; ${l}`).join("") };
}
