// Bare uses of a deprecated name that only a star import binds: `from django.utils.encoding import *`
// followed by `force_text(x)`. Shared by the rule helpers (nameMoves, callReplacements) so each can
// rewrite such uses like those of an explicit import.
//
// A use counts when the star import is the only binding that can reach it and stands for the old
// name. A Django module whose releases differ on exporting it (every removed name does: Django 3.2's
// encoding module has force_text, 4.2's has not) still counts: with no other binding in reach, the
// use reads that module's own name whenever it runs without a NameError. Anything less certain
// (another binding of the name in the scope, a use that runs before the star import) is a refusal
// with its reason, once per star import.
import type { Edit } from "../edits.js";
import { statementOf, type Occurrence } from "../facts.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { djangoStarNames } from "../star-exports.js";

export interface StarUses {
  /** The star import statement, and the uses it alone binds. */
  groups: { statement: Node; uses: Node[] }[];
  /** Star imports whose uses are not certain: the first such use and why. */
  refusals: { statement: Node; use: Node; reason: string }[];
}

/** True when `occurrence` is a star import standing for `qualified` (when it binds the name at all). */
function starFor(occurrence: Occurrence, qualified: string): boolean {
  return occurrence.star === true && occurrence.starQualified === qualified;
}

/** The bare uses of `qualified`'s last name that a star import standing for it binds. */
export function starUses(ctx: RuleContext, qualified: string): StarUses {
  const name = qualified.slice(qualified.lastIndexOf(".") + 1);
  const out: StarUses = { groups: [], refusals: [] };
  const table = ctx.facts.table(name);
  // Cheap exit: no star import in the file stands for the old name.
  if (![...table.bindings.values()].some((list) => list.some((o) => starFor(o, qualified)))) return out;
  const groups = new Map<number, { statement: Node; uses: Node[] }>();
  const refused = new Map<number, { statement: Node; use: Node; reason: string }>();
  for (const occurrence of table.occurrences) {
    if (occurrence.kind !== "use") continue;
    const use = occurrence.node;
    const resolution = ctx.facts.resolveName(name, use, occurrence.scope);
    const star = resolution.bindings.find((b) => starFor(b, qualified));
    if (!star) continue;
    const statement = statementOf(star.node);
    // Straight-line module code that rebinds the name after the star import (a local def) and
    // then uses it reads its own binding: nothing to rewrite, nothing to report.
    if (readsLaterTopLevelBinding(use, star, resolution.bindings)) continue;
    // An explicit import of the old name in the scope: the helper's import planning owns these uses.
    if (resolution.bindings.some((b) => !b.star && ctx.facts.importForLocal(b.node)?.qualified === qualified)) continue;
    const other = resolution.bindings.find((b) => b !== star);
    const reason = resolution.uncertain
      ? `\`${name}\` is used before \`${statement.text.replace(/\s+/g, " ")}\` binds it`
      : other
        ? other.star ? ctx.facts.starReason(other, name) : `\`${name}\` is bound more than once in its scope`
        : undefined;
    if (reason !== undefined) {
      if (!refused.has(statement.id)) refused.set(statement.id, { statement, use, reason });
      continue;
    }
    const group = groups.get(statement.id) ?? { statement, uses: [] };
    group.uses.push(use);
    groups.set(statement.id, group);
  }
  out.refusals = [...refused.values()];
  out.groups = [...groups.values()].filter((g) => !refused.has(g.statement.id));
  return out;
}

/**
 * True when `use` is a module-level statement of its own and the binding it reads is certainly a
 * module-level one made after the star import: every binding of the name is a statement of the
 * module itself (none inside an `if`, loop, `try` or function), and the last one before the use is
 * not the star import. Module code runs top to bottom, so that binding is the one in effect.
 */
function readsLaterTopLevelBinding(use: Node, star: Occurrence, bindings: readonly Occurrence[]): boolean {
  const useStatement = statementOf(use);
  if (useStatement.parent?.type !== "module") return false;
  const statements = bindings.map((b) => statementOf(b.node));
  if (statements.some((s) => s.parent?.type !== "module")) return false;
  let last: Occurrence | undefined;
  let lastStart = -1;
  bindings.forEach((binding, at) => {
    const statement = statements[at]!;
    if (statement.endIndex <= useStatement.startIndex && statement.startIndex > lastStart) {
      last = binding;
      lastStart = statement.startIndex;
    }
  });
  return last !== undefined && last !== star && lastStart > statementOf(star.node).startIndex;
}

/**
 * True when `use` would read `name` from this very star import, known to bind it to `qualified`,
 * with nothing else in reach: renaming a use to it then needs no new import line.
 */
export function starProvides(ctx: RuleContext, name: string, qualified: string, statement: Node, use: Node): boolean {
  const resolution = ctx.facts.resolveName(name, use);
  if (resolution.uncertain || resolution.bindings.length !== 1) return false;
  const only = resolution.bindings[0]!;
  return only.star === true && only.starBinds === true && only.starQualified === qualified && statementOf(only.node).id === statement.id;
}

/** The scope a star import pours its names into: the module (Python 3 allows no other). */
export function moduleOf(statement: Node): Node {
  let scope: Node = statement;
  while (scope.parent) scope = scope.parent;
  return scope;
}

/**
 * Lines written right after `statement` (a star import stays, and a new import must come after it
 * so it is not rebound by it) on their own lines at its indentation, after a comment that ends its
 * line; joined with semicolons when code follows it on its line.
 */
export function insertBelow(ctx: RuleContext, statement: Node, lines: string[]): Edit {
  const source = ctx.source;
  const lineEnd = source.slice(statement.endIndex).search(/\r?\n|$/) + statement.endIndex;
  if (/^[ \t]*(#.*)?$/.test(source.slice(statement.endIndex, lineEnd))) {
    const lineStart = source.lastIndexOf("\n", statement.startIndex - 1) + 1;
    const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
    return { start: lineEnd, end: lineEnd, text: lines.map((line) => ctx.newline + indent + line).join("") };
  }
  return { start: statement.endIndex, end: statement.endIndex, text: lines.map((l) => `; ${l}`).join("") };
}

/**
 * True when the use `occurrence` of `name` may read what the star import `statement` binds: the
 * star import is among the bindings that reach it, and the use is not module code below a later
 * module-level binding of the name.
 */
export function mayReadStar(ctx: RuleContext, name: string, occurrence: Occurrence, statement: Node): boolean {
  const bindings = ctx.facts.resolveName(name, occurrence.node, occurrence.scope).bindings;
  const star = bindings.find((b) => b.star && statementOf(b.node).id === statement.id);
  return star !== undefined && !readsLaterTopLevelBinding(occurrence.node, star, bindings);
}

/** The module a `from <module> import *` statement names, spaces and line continuations left out. */
export function starModuleName(statement: Node): string | undefined {
  return statement.childForFieldName("module_name")?.text.replace(/[\s\\]/g, "");
}

/** What still needs a star import of a Django module (starNeeds). */
export interface StarNeeds {
  /** The names, in the table's order, some use in the file may read through it. */
  read: string[];
  /** Whether another module may take one of its names from this file (`__all__`, or an importer in the project). */
  exported: boolean;
}

/**
 * What still needs the star import `statement` of Django module `module` once the uses in
 * `rewritten` are rewritten. Undefined when the table of what the module binds does not know it.
 */
export function starNeeds(ctx: RuleContext, statement: Node, module: string, rewritten: ReadonlySet<Node> = new Set()): StarNeeds | undefined {
  const known = djangoStarNames(module);
  if (!known || !("names" in known)) return undefined;
  const needs: StarNeeds = { read: [], exported: false };
  for (const name of [...known.names.keys(), ...(known.maybe ?? [])]) {
    if (ctx.facts.exportedWhy(name) !== undefined) needs.exported = true;
    const reads = ctx.facts.table(name).occurrences.some((occurrence) =>
      occurrence.kind === "use" && !rewritten.has(occurrence.node) && mayReadStar(ctx, name, occurrence, statement));
    if (reads) needs.read.push(name);
  }
  return needs;
}

/**
 * True when the star import `statement` of Django module `module` is needed for nothing once the
 * uses in `rewritten` are rewritten (starNeeds): a star import of a module the target removed can
 * then go with the rewrites instead of failing at import time. False when the table does not know
 * the module.
 */
export function starImportIdle(ctx: RuleContext, statement: Node, module: string, rewritten: ReadonlySet<Node>): boolean {
  const needs = starNeeds(ctx, statement, module, rewritten);
  return needs !== undefined && needs.read.length === 0 && !needs.exported;
}
