// The "name move" kind of rule as data: a deprecated importable name becomes another name,
// possibly in another module. Handles `from m import old [as a]` (import rewritten, uses of an
// unaliased name renamed, aliases kept, the new import on its own line above the old one) and
// attribute forms (`m.old` where `m` is the old module, however it was imported). A name other
// code may reach as an attribute (listed in `__all__`, or imported in a class body) keeps its old
// name as the alias. A new import line is written once per block and module, merged with the
// fixes that rely on it, and replaces an old statement that loses every name. Anything that
// cannot be proven safe is left alone and reported as a finding. A move may be gated by its own
// target version and skipped in some file roles; an import of a module that no longer exists
// (`removedModules`) goes together with the rewrites that leave it without uses.
import type { FileRole } from "../../roles.js";
import { targetReaches } from "../../target.js";
import type { Edit } from "../edits.js";
import type { ImportBinding } from "../facts.js";
import type { Node } from "../parser.js";
import { enclosingScope } from "../scope.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { callArgs, callOf, type CallArgs } from "./calls.js";
import { formatImportName, fromImportLine, rewriteImportEntries, type ImportName } from "./imports.js";
import { insertAbove, removeStatement, replaceStatement } from "./statements.js";
import { mayReachNames } from "../text-scan.js";
import { planStarUses } from "./name-moves-star.js";

export interface NameMove {
  /** Qualified old name: `django.utils.encoding.force_text`. */
  from: string;
  /** Qualified new name: `django.utils.encoding.force_str`, `urllib.parse.quote`, `html.unescape`. */
  to: string;
  /**
   * How uses are written afterwards: `name` (default) imports the new name with
   * `from module import name`; `attribute` writes `module.name` and imports the module.
   */
  style?: "name" | "attribute";
  /** Applies only when the target reaches this version (default: the rule's `since`). */
  since?: string;
  /** File roles in which this move is left alone (e.g. `migrations`). */
  skipRoles?: FileRole[];
  /**
   * Text written right after each use's new spelling, when the replacement is not a plain name:
   * `.from_header` (a class method), `("werkzeug")` (a call). Aliased imports are not kept for
   * such moves: their uses are rewritten too.
   */
  suffix?: string;
  /**
   * For a replacement whose arguments differ: given a call of the old name, the edits its
   * arguments need, or a string saying why this call cannot be rewritten (the import and its uses
   * are then left alone and the reason reported). A use that is not a call is refused.
   */
  arguments?: (call: CallArgs, ctx: RuleContext) => Edit[] | string;
}

export interface NameMoveRule extends Omit<RuleMeta, "needles"> {
  moves: NameMove[];
  /** Defaults to the old names' last components. */
  needles?: string[];
  /**
   * Old modules that are gone once their moves apply (`django.core.urlresolvers`). An import of
   * one whose every use is rewritten by an attribute-form move (`urlresolvers.reverse(...)`) is
   * dropped in the same fix, instead of being left to fail at import time.
   */
  removedModules?: string[];
}

export function split(qualified: string): [module: string, name: string] {
  const at = qualified.lastIndexOf(".");
  return [qualified.slice(0, at), qualified.slice(at + 1)];
}

function lastPart(qualified: string): string {
  return split(qualified)[1];
}

/** The moves that apply to this file: target reached, file role not skipped. */
function activeMoves(spec: NameMoveRule, ctx: RuleContext): Map<string, NameMove> {
  const active = spec.moves.filter(
    (m) =>
      (m.since === undefined || targetReaches(ctx.targets, spec.framework, m.since)) &&
      !(m.skipRoles ?? []).some((role) => ctx.roles.has(role)),
  );
  return new Map(active.map((m) => [m.from, m]));
}

export function nameMoves(spec: NameMoveRule): Rule {
  const { moves: _moves, needles, removedModules, ...meta } = spec;
  const removed = new Set(removedModules ?? []);
  return defineRule({
    ...meta,
    needles: needles ?? [...new Set(spec.moves.map((m) => lastPart(m.from)))],
    // Any reference to `a.b.mod.old` spells both `old` and `mod` somewhere (in an import or an
    // attribute chain), so a file missing either for every move has nothing for this rule.
    // The old names are reached through explicit imports, attribute chains, and bare uses a star
    // import binds (see mayReachNames).
    precheck: spec.precheck ?? mayReachNames(spec.moves.map((m) => m.from), { bare: true }),
    create(ctx) {
      const moves = activeMoves(spec, ctx);
      if (moves.size === 0) return {};
      return {
        module() {
          const bindings = ctx.facts.imports.filter((b) => b.kind === "from" && moves.has(b.qualified));
          const byStatement = new Map<number, ImportBinding[]>();
          for (const b of bindings) {
            const list = byStatement.get(b.statement.id) ?? [];
            list.push(b);
            byStatement.set(b.statement.id, list);
          }
          const plan = new Plan(ctx);
          for (const group of byStatement.values()) planStatement(ctx, plan, group, moves, spec.docs);
          planAttributeForms(ctx, plan, moves, removed, spec.docs);
          plan.flush();
          planStarUses(ctx, moves, spec.docs, removed);
        },
      };
    },
  });
}

/** The name a use is written as after the move: `force_str`, or `html.unescape`. */
export function spelling(move: NameMove): string {
  const [module, name] = split(move.to);
  return `${move.style === "attribute" ? `${module}.${name}` : name}${move.suffix ?? ""}`;
}

/**
 * The replacement text for a use at `site`: inside an f-string's `{...}`, quotes in a suffix such as
 * `("flask")` must differ from the f-string's own (Python before 3.12 ends the string there).
 */
export function spellingAt(move: NameMove, site: Node): string {
  const text = spelling(move);
  if (move.suffix === undefined) return text;
  for (let n: Node | null = site.parent; n; n = n.parent) {
    if (n.type !== "interpolation") continue;
    const quote = n.parent?.child(0)?.text.replace(/^[a-zA-Z]*/, "").charAt(0);
    if (quote === '"') return text.replace(/"/g, "'");
    if (quote === "'") return text.replace(/'/g, '"');
  }
  return text;
}

/** Moves whose uses must all be rewritten (no alias kept): a suffix or new arguments. */
function rewritesEveryUse(move: NameMove): boolean {
  return move.suffix !== undefined || move.arguments !== undefined;
}

/** The argument edits a use needs (none for plain moves), or why the use cannot be rewritten. */
export function argumentEdits(ctx: RuleContext, use: Node, move: NameMove): Edit[] | string {
  if (!move.arguments) return [];
  const call = callOf(use);
  if (!call) return "it is used without being called here";
  const args = callArgs(call);
  if (!args) return "the call's arguments cannot be read";
  return move.arguments(args, ctx);
}

/** A refusal the user must act on: what is deprecated, why it was left, where to read more. */
export function refusal(ctx: RuleContext, at: Node, what: string, move: NameMove, reason: string, docs: string | undefined): void {
  ctx.report(at, `${what} is deprecated (use ${move.to}${move.suffix ?? ""}) but was left alone: ${reason}${docs ? `; see ${docs}` : ""}`);
}

/** The local name the new import binds, and what it stands for. */
export function newBinding(move: NameMove): { name: string; qualified: string } {
  const [module, name] = split(move.to);
  if (move.style === "attribute") {
    const top = module.split(".")[0]!;
    return { name: top, qualified: top };
  }
  return { name, qualified: move.to };
}

/** True when `ancestor` is `node` or contains it. */
function encloses(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n.id === ancestor.id) return true;
  return false;
}

/**
 * An import already binding `name` to `qualified` in `scope` that has run whenever `anchor` runs:
 * it stands before it, in the same block or an enclosing one.
 */
export function importedBefore(ctx: RuleContext, scope: Node, name: string, qualified: string, anchor: Node): boolean {
  return ctx.facts.imports.some(
    (b) =>
      b.scope.id === scope.id && b.name === name && b.qualified === qualified &&
      b.statement.endIndex <= anchor.startIndex && b.statement.parent !== null && encloses(b.statement.parent, anchor),
  );
}

/**
 * True when every site already sees `name` as an import of `qualified` made in a scope enclosing
 * `scope` (a module-level `from urllib.parse import quote` seen from a function), made before
 * `anchor` and not inside a block that might not have run.
 */
function providedOutside(ctx: RuleContext, scope: Node, name: string, qualified: string, sites: Node[], anchor: Node): boolean {
  if (sites.length === 0) return false;
  for (const site of sites) {
    const resolution = ctx.facts.resolveName(name, site);
    if (!resolution.scope || resolution.scope.id === scope.id || resolution.uncertain) return false;
    if (!encloses(resolution.scope, scope)) return false;
    const imports = resolution.bindings.map((b) => (b.star ? undefined : ctx.facts.importForLocal(b.node)));
    if (imports.some((i) => !i || i.qualified !== qualified)) return false;
    if (!imports.some((i) => i!.statement.endIndex <= anchor.startIndex && i!.statement.parent !== null && encloses(i!.statement.parent, anchor))) {
      return false;
    }
  }
  return true;
}

/** How the new name can be made available at `sites`: already there, to be imported, or not at all. */
function placeNewName(
  ctx: RuleContext, target: { name: string; qualified: string }, scope: Node, sites: Node[], anchor: Node,
): "present" | "import" | "clash" {
  if (providedOutside(ctx, scope, target.name, target.qualified, sites, anchor)) return "present";
  if (!ctx.facts.nameIsFree(target.name, scope, sites, target.qualified, anchor.startIndex)) return "clash";
  return importedBefore(ctx, scope, target.name, target.qualified, anchor) ? "present" : "import";
}


interface LineRequest {
  /** Block the line goes into, plus what it imports: requests with the same key share one line. */
  key: string;
  /** Block plus module: fixes importing from one module into one block land together, on one line. */
  group: string;
  anchor: Node;
  module: string;
  /** null: `import module`; otherwise the name imported from `module`. */
  name: ImportName | null;
}

interface PlannedFix {
  messages: string[];
  edits: Edit[];
  lines: LineRequest[];
  /** An import statement that loses every entry. */
  removed?: Node;
}

/**
 * Collects a rule's fixes for one pass, then merges those that need the same new import line in the
 * same block, so the line is written once (above the earliest statement that needs it) and lands
 * together with every use that relies on it.
 */
class Plan {
  private fixes: PlannedFix[] = [];

  constructor(private readonly ctx: RuleContext) {}

  add(fix: PlannedFix): void {
    this.fixes.push(fix);
  }

  request(anchor: Node, module: string, name: ImportName | null): LineRequest {
    const block = anchor.parent ?? anchor;
    const what = name === null ? `import ${module}` : `from ${module} import ${formatImportName(name)}`;
    return { key: `${block.id}|${what}`, group: `${block.id}|${module}`, anchor, module, name };
  }

  flush(): void {
    // Union the fixes that share a line.
    const parent = this.fixes.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const owner = new Map<string, number>();
    for (const [i, fix] of this.fixes.entries()) {
      for (const line of fix.lines) {
        const j = owner.get(line.group);
        if (j === undefined) owner.set(line.group, i);
        else parent[find(i)] = find(j);
      }
    }
    const groups = new Map<number, PlannedFix[]>();
    for (const [i, fix] of this.fixes.entries()) {
      const root = find(i);
      groups.set(root, [...(groups.get(root) ?? []), fix]);
    }
    for (const group of groups.values()) this.emit(group);
  }

  private emit(group: PlannedFix[]): void {
    const { ctx } = this;
    // Every name imported from one module into one block goes on one line, above the earliest
    // statement that asked for any of them, unless the code in between mentions the name (it
    // could rebind it before the statement that asked for it runs).
    const requests = group.flatMap((f) => f.lines);
    const first = new Map<string, Node>();
    for (const line of requests) {
      const seen = first.get(line.group);
      if (!seen || line.anchor.startIndex < seen.startIndex) first.set(line.group, line.anchor);
    }
    const earliest = new Map<string, LineRequest>();
    for (const line of requests) {
      const top = first.get(line.group)!;
      const local = line.name === null ? line.module.split(".")[0]! : (line.name.alias ?? line.name.name);
      const between = ctx.facts.identifiers(local).some((id) => id.startIndex >= top.endIndex && id.startIndex < line.anchor.startIndex);
      const anchor = between ? line.anchor : top;
      const seen = earliest.get(line.key);
      if (!seen || anchor.startIndex < seen.anchor.startIndex) earliest.set(line.key, { ...line, anchor });
    }
    const byAnchor = new Map<number, { anchor: Node; lines: LineRequest[] }>();
    for (const line of earliest.values()) {
      const at = byAnchor.get(line.anchor.id) ?? { anchor: line.anchor, lines: [] };
      at.lines.push(line);
      byAnchor.set(line.anchor.id, at);
    }
    const edits: Edit[] = group.flatMap((f) => f.edits);
    const removed = new Map(group.filter((f) => f.removed).map((f) => [f.removed!.id, f.removed!]));
    for (const { anchor, lines } of byAnchor.values()) {
      const text = importLines(lines);
      if (removed.has(anchor.id)) {
        // The old statement turns into the new one, keeping its place and trailing comment.
        edits.push(replaceStatement(ctx.source, anchor, text, ctx.newline));
        removed.delete(anchor.id);
      } else {
        edits.push(insertAbove(ctx.source, anchor, text, ctx.newline));
      }
    }
    for (const statement of removed.values()) edits.push(...removeStatement(ctx.source, statement));
    ctx.fix([...new Set(group.flatMap((f) => f.messages))].join(", "), edits);
  }
}

/** `import a` lines first, then one `from m import ...` line per module, each group sorted. */
function importLines(lines: LineRequest[]): string[] {
  const modules = new Set<string>();
  const names = new Map<string, ImportName[]>();
  for (const line of lines) {
    if (line.name === null) modules.add(line.module);
    else names.set(line.module, [...(names.get(line.module) ?? []), line.name]);
  }
  return [
    ...[...modules].sort().map((m) => `import ${m}`),
    ...[...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([m, list]) => fromImportLine(m, list)),
  ];
}

function planStatement(ctx: RuleContext, plan: Plan, group: ImportBinding[], moves: Map<string, NameMove>, docs?: string): void {
  const statement = group[0]!.statement;
  const changes = new Map<number, string | null>();
  const lines: LineRequest[] = [];
  /** The new import line each entry asked for. */
  const lineOfEntry = new Map<number, LineRequest>();
  const useEdits: Edit[] = [];
  const done: string[] = [];
  const keptTexts = new Set(
    statement.childrenForFieldName("name").filter((n) => n && !group.some((b) => b.entry.id === n.id)).map((n) => n!.text),
  );

  for (const binding of group) {
    const move = moves.get(binding.qualified)!;
    const [newModule, newName] = split(move.to);
    const target = newBinding(move);
    // An aliased import keeps its alias, so its uses stay as they are. So does a name other code may
    // reach as an attribute: one the module exports through `__all__`, or one imported in a class
    // body (`self.urlquote`); those keep their old name as the alias.
    const reachable =
      (binding.scope.type === "module" && ctx.facts.isExported(binding.name)) || binding.scope.type === "class_definition";
    if (rewritesEveryUse(move) && reachable) {
      refusal(ctx, binding.entry, binding.imported!, move, "other modules may use this name", docs);
      continue;
    }
    const keepAs = rewritesEveryUse(move) ? null : binding.alias ?? (reachable && spelling(move) !== binding.name ? binding.name : null);

    if (keepAs !== null) {
      const entry: ImportName = { name: newName, alias: keepAs };
      const text = formatImportName(entry);
      if (newModule === binding.module) {
        changes.set(binding.entry.id, keptTexts.has(text) ? null : text);
        keptTexts.add(text);
      } else {
        changes.set(binding.entry.id, null);
        if (!importedBefore(ctx, binding.scope, keepAs, move.to, statement)) {
          lines.push(plan.request(statement, newModule, entry));
          lineOfEntry.set(binding.entry.id, lines[lines.length - 1]!);
        }
      }
      const why = binding.scope.type === "module" ? ctx.facts.exportedWhy(binding.name) ?? "other modules may use it" : "a class attribute";
      const what = newName === binding.imported ? `${binding.imported} imported from ${newModule}` : `${binding.imported} → ${newName}`;
      done.push(`${what}${binding.alias ? "" : ` (kept as ${keepAs}: ${why})`}`);
      continue;
    }

    const refs = ctx.facts.references(binding);
    if (!refs.clean) {
      ctx.report(binding.entry, `${binding.imported} is deprecated (use ${move.to}) but was left alone: ${refs.reason}`);
      continue;
    }
    const argEdits: Edit[] = [];
    let refused: string | undefined;
    for (const ref of refs.refs) {
      const edits = argumentEdits(ctx, ref, move);
      if (typeof edits === "string") {
        refusal(ctx, ref, binding.imported!, move, edits, docs);
        refused = edits;
        break;
      }
      argEdits.push(...edits);
    }
    if (refused !== undefined) continue;
    const renamesUses = spelling(move) !== binding.name;
    let placement: "present" | "import" | "clash" = "import";
    if (newModule === binding.module && move.style !== "attribute" && keptTexts.has(target.name)) placement = "present";
    else if ((renamesUses || newModule !== binding.module) && target.name !== binding.name) {
      placement = placeNewName(ctx, target, binding.scope, refs.refs, statement);
    } else if (importedBefore(ctx, binding.scope, target.name, target.qualified, statement)) {
      placement = "present";
    }
    if (placement === "clash") {
      refusal(ctx, binding.entry, binding.imported!, move, `\`${target.name}\` already means something else here`, docs);
      continue;
    }
    if (move.style !== "attribute" && newModule === binding.module) {
      changes.set(binding.entry.id, placement === "present" ? null : newName);
      keptTexts.add(newName);
    } else {
      changes.set(binding.entry.id, null);
      if (placement === "import") {
        lines.push(plan.request(statement, newModule, move.style === "attribute" ? null : { name: newName }));
        lineOfEntry.set(binding.entry.id, lines[lines.length - 1]!);
      }
    }
    if (renamesUses) {
      for (const ref of refs.refs) useEdits.push({ start: ref.startIndex, end: ref.endIndex, text: spellingAt(move, ref) });
    }
    useEdits.push(...argEdits);
    done.push(
      spelling(move) === binding.imported && newModule !== binding.module
        ? `${binding.imported} imported from ${newModule}`
        : `${binding.imported} → ${spelling(move)}`,
    );
  }
  if (changes.size === 0) return;
  const entries = statement.childrenForFieldName("name").filter((n) => n !== null);
  const removesAll = entries.every((e) => changes.get(e!.id) === null);
  // Replacing the whole statement would lose the comments written between its names; when every
  // name moves to one module, the statement is rewritten in place instead (module and names).
  if (removesAll && statement.descendantsOfType("comment").length > 0) {
    const inPlace = rewriteInPlace(statement, entries as Node[], lineOfEntry, ctx.source);
    if (inPlace) {
      plan.add({ messages: done, edits: [...inPlace, ...useEdits], lines: [] });
      return;
    }
    ctx.report(statement, `deprecated names left alone: replacing this import would drop the comments inside it; import them from their new modules by hand${docs ? `; see ${docs}` : ""}`);
    return;
  }
  const importEdits = removesAll ? [] : rewriteImportEntries(ctx.source, statement, changes);
  if (!importEdits) {
    ctx.report(statement, `deprecated names left alone: comments inside this import make the rewrite ambiguous; import them from their new modules by hand${docs ? `; see ${docs}` : ""}`);
    return;
  }
  plan.add({ messages: done, edits: [...importEdits, ...useEdits], lines, removed: removesAll ? statement : undefined });
}

/**
 * Edits that turn a `from old import (a, b)` whose every name moves to one module into
 * `from new import (a2, b2)` in place, keeping its comments and layout; undefined when the names go
 * to several modules, one is already imported there, or one becomes a module import.
 */
function rewriteInPlace(statement: Node, entries: Node[], lineOfEntry: Map<number, LineRequest>, source: string): Edit[] | undefined {
  const requests = entries.map((e) => lineOfEntry.get(e.id));
  if (requests.some((r) => r === undefined || r.name === null)) return undefined;
  const modules = new Set(requests.map((r) => r!.module));
  const moduleName = statement.childForFieldName("module_name");
  if (modules.size !== 1 || !moduleName || moduleName.type !== "dotted_name") return undefined;
  const texts = requests.map((r) => formatImportName(r!.name!));
  if (new Set(texts).size !== texts.length) return undefined;
  const renamed = rewriteImportEntries(source, statement, new Map(entries.map((e, i) => [e.id, texts[i]!])));
  if (!renamed) return undefined;
  return [{ start: moduleName.startIndex, end: moduleName.endIndex, text: [...modules][0]! }, ...renamed];
}

/** `encoding.force_text(...)`, `django.utils.encoding.force_text(...)`: the module stays, the name moves. */
function planAttributeForms(
  ctx: RuleContext, plan: Plan, moves: Map<string, NameMove>, removedModules: Set<string>, docs?: string,
): void {
  const crossModule: CrossModuleFix[] = [];
  const oldNames = new Set([...moves.keys()].map(lastPart));
  for (const oldName of oldNames) {
    for (const id of ctx.facts.identifiers(oldName)) {
      const attribute = id.parent;
      if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
      const object = attribute.childForFieldName("object")!;
      const qualified = ctx.facts.qualifiedName(attribute);
      const move = qualified === undefined ? undefined : moves.get(qualified);
      if (!move) continue;
      const [newModule, newName] = split(move.to);
      const [oldModule] = split(move.from);
      const args = argumentEdits(ctx, attribute, move);
      if (typeof args === "string") {
        refusal(ctx, attribute, attribute.text, move, args, docs);
        continue;
      }
      if (newModule === oldModule && move.style !== "attribute") {
        ctx.fix(`${oldName} → ${newName}${move.suffix ?? ""}`, [{ start: id.startIndex, end: id.endIndex, text: `${newName}${move.suffix ?? ""}` }, ...args]);
        continue;
      }
      const planned = planCrossModuleAttribute(ctx, plan, attribute, object, move, args, docs);
      if (planned) crossModule.push(planned);
    }
  }
  for (const fix of dropRemovedModuleImports(ctx, crossModule, removedModules)) plan.add(fix);
}

interface CrossModuleFix {
  fix: PlannedFix;
  /** The import the attribute chain starts from, and the identifier at the chain's root. */
  origin: ImportBinding;
  root: Node;
}

/** The module an import binding makes reachable: `import a.b` binds `a` but loads `a.b`. */
function loadedModule(binding: ImportBinding): string {
  return binding.kind === "import" && binding.alias === null ? binding.module : binding.qualified;
}

/**
 * Attribute-form fixes, merged with the removal of imports of removed modules that those fixes
 * leave without any use (`from django.core import urlresolvers` once every
 * `urlresolvers.reverse(...)` is rewritten). An import with uses left, or one other modules may
 * reach (`__all__`, class bodies), stays.
 */
function dropRemovedModuleImports(
  ctx: RuleContext, planned: CrossModuleFix[], removedModules: Set<string>,
): PlannedFix[] {
  if (removedModules.size === 0) return planned.map((p) => p.fix);
  // Fixes grouped by the name (and scope) their chains start from.
  const byName = new Map<string, CrossModuleFix[]>();
  for (const p of planned) {
    const key = `${p.origin.scope.id}|${p.origin.name}`;
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const drops = new Map<number, { statement: Node; entries: Set<number>; modules: Set<string>; fixes: Set<PlannedFix> }>();
  for (const group of byName.values()) {
    const { origin } = group[0]!;
    if (origin.scope.type === "class_definition" || (origin.scope.type === "module" && ctx.facts.isExported(origin.name))) continue;
    const droppable = ctx.facts.imports.filter(
      (b) => b.scope.id === origin.scope.id && b.name === origin.name && removedModules.has(loadedModule(b)),
    );
    if (droppable.length === 0) continue;
    const refs = ctx.facts.references(origin);
    const rewritten = new Set(group.map((p) => p.root.id));
    if (!refs.clean || refs.refs.length === 0 || !refs.refs.every((r) => rewritten.has(r.id))) continue;
    for (const binding of droppable) {
      const drop = drops.get(binding.statement.id) ??
        { statement: binding.statement, entries: new Set(), modules: new Set(), fixes: new Set() };
      drop.entries.add(binding.entry.id);
      drop.modules.add(loadedModule(binding));
      for (const p of group) drop.fixes.add(p.fix);
      drops.set(binding.statement.id, drop);
    }
  }
  const out: PlannedFix[] = [];
  const consumed = new Set<PlannedFix>();
  for (const { statement, entries, modules, fixes } of drops.values()) {
    if ([...fixes].some((f) => consumed.has(f))) continue;
    const changes = new Map<number, string | null>([...entries].map((id) => [id, null]));
    const removesAll = statement.childrenForFieldName("name").every((e) => e === null || entries.has(e.id));
    const importEdits = removesAll ? [] : rewriteImportEntries(ctx.source, statement, changes);
    if (!importEdits) continue;
    for (const f of fixes) consumed.add(f);
    out.push({
      messages: [...[...fixes].flatMap((f) => f.messages), ...[...modules].map((m) => `import of removed ${m} dropped`)],
      edits: [...[...fixes].flatMap((f) => f.edits), ...importEdits],
      lines: [...fixes].flatMap((f) => f.lines),
      removed: removesAll ? statement : undefined,
    });
  }
  return [...planned.map((p) => p.fix).filter((f) => !consumed.has(f)), ...out];
}

/** `http.urlquote(x)` → `quote(x)` with `from urllib.parse import quote` above the `http` import. */
function planCrossModuleAttribute(
  ctx: RuleContext, plan: Plan, attribute: Node, object: Node, move: NameMove, args: Edit[] = [], docs?: string,
): CrossModuleFix | undefined {
  let root: Node = object;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const origin = ctx.facts.importOf(root);
  if (!origin) return undefined;
  const target = newBinding(move);
  const placement = placeNewName(ctx, target, origin.scope, [attribute], origin.statement);
  if (placement === "clash") {
    refusal(ctx, attribute, attribute.text, move, `\`${target.name}\` already means something else here`, docs);
    return undefined;
  }
  const [newModule, newName] = split(move.to);
  const lines =
    placement === "present"
      ? []
      : [plan.request(origin.statement, newModule, move.style === "attribute" ? null : { name: newName })];
  const fix: PlannedFix = {
    messages: [`${attribute.text} → ${spelling(move)}`],
    edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: spellingAt(move, attribute) }, ...args],
    lines,
  };
  return { fix, origin, root };
}
