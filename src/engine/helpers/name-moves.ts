// The "name move" kind of rule as data: a deprecated importable name becomes another name,
// possibly in another module. Handles `from m import old [as a]` (import rewritten, uses of an
// unaliased name renamed, aliases kept, the new import on its own line above the old one) and
// attribute forms (`m.old` where `m` is the old module, however it was imported). Anything that
// cannot be proven safe is left alone and reported as a finding.
import type { Edit } from "../edits.js";
import type { ImportBinding } from "../facts.js";
import type { Node } from "../parser.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { fromImportLine, rewriteImportEntries, type ImportName } from "./imports.js";
import { insertAbove } from "./statements.js";

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
}

export interface NameMoveRule extends Omit<RuleMeta, "needles"> {
  moves: NameMove[];
  /** Defaults to the old names' last components. */
  needles?: string[];
}

function split(qualified: string): [module: string, name: string] {
  const at = qualified.lastIndexOf(".");
  return [qualified.slice(0, at), qualified.slice(at + 1)];
}

function lastPart(qualified: string): string {
  return split(qualified)[1];
}

export function nameMoves(spec: NameMoveRule): Rule {
  const moves = new Map(spec.moves.map((m) => [m.from, m]));
  const { moves: _moves, needles, ...meta } = spec;
  return defineRule({
    ...meta,
    needles: needles ?? [...new Set(spec.moves.map((m) => lastPart(m.from)))],
    create(ctx) {
      return {
        module() {
          const bindings = ctx.facts.imports.filter((b) => b.kind === "from" && moves.has(b.qualified));
          const byStatement = new Map<number, ImportBinding[]>();
          for (const b of bindings) {
            const list = byStatement.get(b.statement.id) ?? [];
            list.push(b);
            byStatement.set(b.statement.id, list);
          }
          for (const group of byStatement.values()) rewriteStatement(ctx, group, moves);
          rewriteAttributeForms(ctx, moves);
        },
      };
    },
  });
}

/** The name a use is written as after the move: `force_str`, or `html.unescape`. */
function spelling(move: NameMove): string {
  const [module, name] = split(move.to);
  return move.style === "attribute" ? `${module}.${name}` : name;
}

/** The local name the new import binds, and what it stands for. */
function newBinding(move: NameMove): { name: string; qualified: string } {
  const [module, name] = split(move.to);
  if (move.style === "attribute") {
    const top = module.split(".")[0]!;
    return { name: top, qualified: top };
  }
  return { name, qualified: move.to };
}

/** True when `scope` already has an import binding `name` to `qualified`. */
function alreadyImported(ctx: RuleContext, scope: Node, name: string, qualified: string): boolean {
  return ctx.facts.imports.some((b) => b.scope.id === scope.id && b.name === name && b.qualified === qualified);
}

function rewriteStatement(ctx: RuleContext, group: ImportBinding[], moves: Map<string, NameMove>): void {
  const statement = group[0]!.statement;
  const changes = new Map<number, string | null>();
  const fromLines = new Map<string, ImportName[]>();
  const moduleLines = new Set<string>();
  const useEdits: Edit[] = [];
  const done: string[] = [];
  const keptTexts = new Set(
    group.length === 0 ? [] : statement.childrenForFieldName("name").filter((n) => n && !group.some((b) => b.entry.id === n.id)).map((n) => n!.text),
  );

  for (const binding of group) {
    const move = moves.get(binding.qualified)!;
    const [newModule, newName] = split(move.to);
    const target = newBinding(move);

    if (binding.alias && move.style !== "attribute") {
      // Uses keep the alias, so only the import changes.
      const entry = `${newName} as ${binding.alias}`;
      if (newModule === binding.module) {
        changes.set(binding.entry.id, keptTexts.has(entry) ? null : entry);
        keptTexts.add(entry);
      } else {
        changes.set(binding.entry.id, null);
        pushName(fromLines, newModule, { name: newName, alias: binding.alias });
      }
      done.push(`${binding.imported} → ${newName}`);
      continue;
    }

    const refs = ctx.facts.references(binding);
    if (!refs.clean) {
      ctx.report(binding.entry, `${binding.imported} is deprecated (use ${move.to}) but was left alone: ${refs.reason}`);
      continue;
    }
    const renamesUses = spelling(move) !== binding.name;
    if (
      (renamesUses || newModule !== binding.module) &&
      target.name !== binding.name &&
      !ctx.facts.nameIsFree(target.name, binding.scope, refs.refs, target.qualified, binding.statement.startIndex)
    ) {
      ctx.report(binding.entry, `${binding.imported} is deprecated (use ${move.to}) but was left alone: \`${target.name}\` already means something else here`);
      continue;
    }
    const present = alreadyImported(ctx, binding.scope, target.name, target.qualified) || keptTexts.has(target.name);
    if (move.style === "attribute") {
      changes.set(binding.entry.id, null);
      if (!present) moduleLines.add(newModule);
    } else if (newModule === binding.module) {
      changes.set(binding.entry.id, present ? null : newName);
      keptTexts.add(newName);
    } else {
      changes.set(binding.entry.id, null);
      if (!present) pushName(fromLines, newModule, { name: newName });
    }
    if (renamesUses) {
      for (const ref of refs.refs) useEdits.push({ start: ref.startIndex, end: ref.endIndex, text: spelling(move) });
    }
    done.push(`${binding.imported} → ${spelling(move)}`);
  }
  if (changes.size === 0) return;
  const importEdits = rewriteImportEntries(ctx.source, statement, changes);
  if (!importEdits) {
    ctx.report(statement, "deprecated names left alone: comments inside this import make the rewrite ambiguous");
    return;
  }
  const lines = [
    ...[...moduleLines].sort().map((m) => `import ${m}`),
    ...[...fromLines.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, names]) => fromImportLine(m, names)),
  ];
  const edits = [...importEdits, ...useEdits];
  if (lines.length > 0) edits.push(insertAbove(ctx.source, statement, lines, ctx.newline));
  ctx.fix(done.join(", "), edits);
}

function pushName(lines: Map<string, ImportName[]>, module: string, name: ImportName): void {
  const list = lines.get(module) ?? [];
  list.push(name);
  lines.set(module, list);
}

/** `encoding.force_text(...)`, `django.utils.encoding.force_text(...)`: the module stays, the name moves. */
function rewriteAttributeForms(ctx: RuleContext, moves: Map<string, NameMove>): void {
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
      if (newModule === oldModule && move.style !== "attribute") {
        ctx.fix(`${oldName} → ${newName}`, [{ start: id.startIndex, end: id.endIndex, text: newName }]);
        continue;
      }
      rewriteCrossModuleAttribute(ctx, attribute, object, move);
    }
  }
}

/** `http.urlquote(x)` → `quote(x)` with `from urllib.parse import quote` above the `http` import. */
function rewriteCrossModuleAttribute(ctx: RuleContext, attribute: Node, object: Node, move: NameMove): void {
  let root: Node = object;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const origin = ctx.facts.importOf(root);
  if (!origin) return;
  const target = newBinding(move);
  if (!ctx.facts.nameIsFree(target.name, origin.scope, [attribute], target.qualified, origin.statement.startIndex)) {
    ctx.report(attribute, `${attribute.text} is deprecated (use ${move.to}) but was left alone: \`${target.name}\` already means something else here`);
    return;
  }
  const [newModule, newName] = split(move.to);
  const edits: Edit[] = [{ start: attribute.startIndex, end: attribute.endIndex, text: spelling(move) }];
  if (!alreadyImported(ctx, origin.scope, target.name, target.qualified)) {
    const line = move.style === "attribute" ? `import ${newModule}` : fromImportLine(newModule, [{ name: newName }]);
    edits.push(insertAbove(ctx.source, origin.statement, [line], ctx.newline));
  }
  ctx.fix(`${attribute.text} → ${spelling(move)}`, edits);
}
