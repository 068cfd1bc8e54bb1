// The "call replacement" kind of rule as data: calls of a deprecated callable become an expression
// built from their arguments with a new name (`string_concat(a, b)` → `format_lazy("{}{}", a, b)`,
// `is_iterable(x)` → `isinstance(x, Iterable)`), and the old import gives way to the new one. All or
// nothing per import: one use that is not a call of a shape the rule can rewrite keeps every use and
// the import as they are, and is reported. The new name must be free where it is used (or already
// that very import). Module forms (`text.string_concat(...)`) get the new import above the import
// their module came from.
import type { Edit } from "../edits.js";
import type { ImportBinding } from "../facts.js";
import type { Node } from "../parser.js";
import { targetReaches } from "../../target.js";
import { defineRule, lineOf, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { callArgs, callOf, importedAt, type CallArgs } from "./calls.js";
import { removeImportStatement, replaceImportStatement } from "./drop-imports.js";
import { importEntries, rewriteImportEntries } from "./imports.js";
import { insertAbove, replaceStatement } from "./statements.js";
import { fitsAt } from "./string-quotes.js";
import { mayReachNames } from "../text-scan.js";
import { insertBelow, moduleOf, starImportIdle, starModuleName, starProvides, starUses } from "./star-uses.js";

export interface CallReplacement {
  /** Qualified old callable: `django.utils.translation.string_concat`. */
  from: string;
  /**
   * Qualified new name the rewritten call uses: `django.utils.text.format_lazy`; "" when the
   * rewrite needs no name at all (an identity such as `upath(p)` → `p`).
   */
  to: string;
  /**
   * The new expression for one call, given how the new name is spelled; a string starting with "!"
   * is why it cannot be. Without it, every use (called or not) is simply renamed: the old name is
   * an alias of the new one.
   */
  rewrite?(args: CallArgs, source: string, name: string, ctx: RuleContext): string;
  /** Applies only when the target reaches this version (default: the rule's `since`). */
  since?: string;
  /**
   * The old callable's module is removed at the target (django.utils.itercompat in 6.0): a module
   * import whose every use is a rewritten call goes with them, as it would fail to import.
   */
  moduleRemoved?: boolean;
  /**
   * Other qualified names the rewritten call spells by their last component
   * (`werkzeug.datastructures.MultiDict` around `parse_qsl(...)`): each is imported like `to`.
   */
  also?: string[];
}

export interface CallReplacementRule extends Omit<RuleMeta, "needles"> {
  replacements: CallReplacement[];
  /** Added to every report after the old name: what changed and what to do by hand (the release note follows). */
  advice: string;
  needles?: string[];
}

/** The qualified names a rewritten call spells, which have to be imported or free. */
const newNames = (replacement: CallReplacement): string[] => [replacement.to, ...(replacement.also ?? [])].filter((q) => q !== "");

const split = (qualified: string): [string, string] => {
  const at = qualified.lastIndexOf(".");
  return [qualified.slice(0, at), qualified.slice(at + 1)];
};

/** The source text of an argument node. */
export const argText = (source: string, node: Node): string => source.slice(node.startIndex, node.endIndex);

/** The new expression for the call around `ref`, or why there is none. */
function rewriteUse(ctx: RuleContext, replacement: CallReplacement, ref: Node, name: string): Edit | string {
  if (!replacement.rewrite) return { start: ref.startIndex, end: ref.endIndex, text: name };
  const call = callOf(ref);
  if (!call) return `${lineOf(ref)} uses it other than as a call`;
  const args = callArgs(call);
  if (!args) return `the call on ${lineOf(ref)} cannot be read`;
  if (args.comments.length > 0) return `the call on ${lineOf(ref)} holds comments`;
  const text = replacement.rewrite(args, ctx.source, name, ctx);
  if (text.startsWith("!")) return `the call on ${lineOf(ref)} ${text.slice(1)}`;
  if (!fitsAt(call, text)) return `the call on ${lineOf(ref)} sits in an f-string whose quotes the new call would need`;
  return { start: call.startIndex, end: call.endIndex, text };
}

/** How the new name gets to the uses: already there, a new import line, or not at all. */
function placement(
  ctx: RuleContext, to: string, scope: Node, sites: Node[], anchor: Node, insertAt = anchor.startIndex,
): "present" | "import" | string {
  const [module, name] = split(to);
  if (module === "builtins") {
    // A builtin needs no import, only that nothing in the file rebinds its name where it is used.
    const free = sites.every((site) => ctx.facts.resolveName(name, site).scope === null);
    return free ? "present" : `the name ${name} is rebound in this file`;
  }
  if (sites.length > 0 && sites.every((site) => importedAt(ctx.facts, name, site, new Set([to])))) return "present";
  if (!ctx.facts.nameIsFree(name, scope, sites, to, insertAt)) return `the name ${name} already means something else here`;
  return "import";
}

function planBinding(ctx: RuleContext, binding: ImportBinding, replacement: CallReplacement): Edit[] | string {
  const exported = ctx.facts.exportedWhy(binding.name);
  if (exported) return exported;
  if (binding.scope.type === "class_definition") return "it is imported in a class body";
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const name = split(replacement.to)[1];
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const edit = rewriteUse(ctx, replacement, ref, name);
    if (typeof edit === "string") return edit;
    edits.push(edit);
  }
  const lines: string[] = [];
  for (const qualified of newNames(replacement)) {
    const [newModule, newName] = split(qualified);
    const how = refs.refs.length === 0 && newModule !== "builtins" ? "present" : placement(ctx, qualified, binding.scope, refs.refs, binding.statement);
    if (how !== "present" && how !== "import") return how;
    if (how === "import" && newModule !== "builtins") lines.push(`from ${newModule} import ${newName}`);
  }
  const statement = binding.statement;
  if (importEntries(statement).length === 1) {
    // The new imports take its place; with none, the whole import goes, with the blank lines it
    // would leave doubled (or leading the file).
    edits.push(...replaceImportStatement(ctx.source, statement, lines, ctx.newline));
    return edits;
  }
  const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
  if (!dropped) return "comments inside its import make the rewrite ambiguous";
  edits.push(...dropped);
  if (lines.length > 0) edits.push(insertAbove(ctx.source, statement, lines, ctx.newline));
  return edits;
}

/**
 * `module.old(...)` forms, grouped by the import their module came from: each call is rewritten
 * and the new name imported once, above that import.
 */
function planAttributes(ctx: RuleContext, attributes: Node[], replacement: CallReplacement, report: (at: Node, why: string) => void): void {
  const name = split(replacement.to)[1];
  const groups = new Map<number, { origin: ImportBinding; edits: Edit[]; sites: Node[] }>();
  for (const attribute of attributes) {
    let root: Node = attribute.childForFieldName("object")!;
    while (root.type === "attribute") root = root.childForFieldName("object")!;
    const origin = ctx.facts.importOf(root);
    if (!origin) {
      report(attribute, "its module import cannot be found");
      continue;
    }
    const edit = rewriteUse(ctx, replacement, attribute, name);
    if (typeof edit === "string") {
      report(attribute, edit);
      continue;
    }
    const group = groups.get(origin.statement.id) ?? { origin, edits: [], sites: [] };
    group.edits.push(edit);
    group.sites.push(attribute);
    groups.set(origin.statement.id, group);
  }
  // Groups whose imports share a scope get the new import once, above the first of their imports:
  // one line per group would import the same name twice (`import django.utils.itercompat` and
  // `from django.utils import itercompat as ic` both used in one module).
  const byScope = new Map<number, { origin: ImportBinding; edits: Edit[]; sites: Node[] }[]>();
  for (const group of groups.values()) {
    const list = byScope.get(group.origin.scope.id) ?? [];
    list.push(group);
    byScope.set(group.origin.scope.id, list);
  }
  scopes: for (const list of byScope.values()) {
    list.sort((a, b) => a.origin.statement.startIndex - b.origin.statement.startIndex);
    const first = list[0]!.origin;
    const sites = list.flatMap((g) => g.sites);
    const edits = list.flatMap((g) => g.edits);
    const lines: string[] = [];
    for (const qualified of newNames(replacement)) {
      const how = placement(ctx, qualified, first.scope, sites, first.statement);
      if (how !== "present" && how !== "import") {
        for (const site of sites) report(site, how);
        continue scopes;
      }
      const [newModule, newName] = split(qualified);
      if (how === "import" && newModule !== "builtins") lines.push(`from ${newModule} import ${newName}`);
    }
    const dropped = new Set<number>();
    if (replacement.moduleRemoved) {
      const removed = split(replacement.from)[0];
      for (const { origin, sites: groupSites } of list) {
        const drop = dropUnusedModuleImport(ctx, origin, groupSites);
        if (drop) {
          edits.push(...drop);
          dropped.add(origin.statement.id);
        } else if (origin.kind === "import" && origin.alias === null && origin.module === removed) {
          // `import django.utils.itercompat` still binds `django` for other uses: importing the
          // parent package keeps that (and what it loaded) without the removed module.
          edits.push({ start: origin.entry.startIndex, end: origin.entry.endIndex, text: split(removed)[0] });
        }
      }
    }
    if (lines.length > 0) {
      // The new import takes the place of a dropped sole import, or goes above the first one.
      if (dropped.has(first.statement.id) && importEntries(first.statement).length === 1) {
        const at = edits.findIndex((e) => e.start <= first.statement.startIndex && first.statement.endIndex <= e.end);
        edits.splice(at, 1, replaceStatement(ctx.source, first.statement, lines, ctx.newline));
      } else edits.push(insertAbove(ctx.source, first.statement, lines, ctx.newline));
    }
    ctx.fix(`${split(replacement.from)[1]}${replacement.rewrite ? "(...)" : ""} → ${name || "its argument"}`, edits);
  }
}

/**
 * Bare calls a star import of the old name's module binds (`from django.utils.itercompat import *`
 * then `is_iterable(x)`, see star-uses.ts): each is rewritten, and the new name comes from the same
 * star import when it binds it, else from an import written right after the star import (which
 * stays: other names come from it), or in its place when the old module is gone at the target and
 * the star import gave the file nothing else (starImportIdle).
 */
function planStarCalls(ctx: RuleContext, replacement: CallReplacement, report: (at: Node, why: string) => void): void {
  const { groups, refusals } = starUses(ctx, replacement.from);
  for (const { use, reason } of refusals) report(use, reason);
  const name = split(replacement.to)[1];
  groups: for (const { statement, uses } of groups) {
    const edits: Edit[] = [];
    for (const use of uses) {
      const edit = rewriteUse(ctx, replacement, use, name);
      if (typeof edit === "string") {
        report(use, edit);
        continue groups;
      }
      edits.push(edit);
    }
    const lines: string[] = [];
    for (const qualified of newNames(replacement)) {
      const [newModule, newName] = split(qualified);
      if (newModule !== "builtins" && uses.every((use) => starProvides(ctx, newName, qualified, statement, use))) continue;
      const how = placement(ctx, qualified, moduleOf(statement), uses, statement, statement.endIndex);
      if (how !== "present" && how !== "import") {
        report(uses[0]!, how);
        continue groups;
      }
      if (how === "import" && newModule !== "builtins") lines.push(`from ${newModule} import ${newName}`);
    }
    const message = `${split(replacement.from)[1]}${replacement.rewrite ? "(...)" : ""} → ${name || "its argument"}`;
    // A star import of a module the target removes fails at import time: once these uses were all
    // it gave the file, the new import takes its place.
    const removed = split(replacement.from)[0];
    if (replacement.moduleRemoved && starModuleName(statement) === removed && starImportIdle(ctx, statement, removed, new Set(uses))) {
      edits.push(...replaceImportStatement(ctx.source, statement, lines, ctx.newline));
      ctx.fix(`${message}, star import of removed ${removed} dropped`, edits);
      continue;
    }
    if (lines.length > 0) edits.push(insertBelow(ctx, statement, lines));
    ctx.fix(message, edits);
  }
}

/**
 * Edits dropping the module import `origin` when every use of it is one of `sites` (calls being
 * rewritten), or undefined when something else still uses it.
 */
function dropUnusedModuleImport(ctx: RuleContext, origin: ImportBinding, sites: Node[]): Edit[] | undefined {
  if (ctx.facts.exportedWhy(origin.name)) return undefined;
  const refs = ctx.facts.references(origin);
  if (!refs.clean) return undefined;
  const inSites = (ref: Node) => sites.some((site) => site.startIndex <= ref.startIndex && ref.endIndex <= site.endIndex);
  if (!refs.refs.every(inSites)) return undefined;
  if (importEntries(origin.statement).length === 1) return removeImportStatement(ctx.source, origin.statement);
  return rewriteImportEntries(ctx.source, origin.statement, new Map([[origin.entry.id, null]]));
}

export function callReplacements(spec: CallReplacementRule): Rule {
  const { replacements, advice, needles, ...meta } = spec;
  return defineRule({
    ...meta,
    needles: needles ?? [...new Set(replacements.map((r) => split(r.from)[1]))],
    // Old names are reached through `from` imports, attribute chains and bare uses a star import
    // binds (see mayReachNames).
    precheck: meta.precheck ?? mayReachNames(replacements.map((r) => r.from), { bare: true }),
    create(ctx) {
      const active = replacements.filter((r) => targetReaches(ctx.targets, spec.framework, r.since ?? spec.since));
      if (active.length === 0) return {};
      return {
        module() {
          for (const replacement of active) {
            const [, oldName] = split(replacement.from);
            for (const binding of ctx.facts.imports) {
              if (binding.kind !== "from" || binding.qualified !== replacement.from) continue;
              const plan = planBinding(ctx, binding, replacement);
              if (typeof plan === "string") ctx.report(binding.entry, `${oldName} ${advice}; left alone because ${plan}; see ${spec.docs}`);
              else ctx.fix(`${oldName}${replacement.rewrite ? "(...)" : ""} → ${split(replacement.to)[1] || "its argument"}`, plan);
            }
            const attributes = ctx.facts.identifiers(oldName).flatMap((id) => {
              const attribute = id.parent;
              if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) return [];
              return ctx.facts.qualifiedName(attribute) === replacement.from ? [attribute] : [];
            });
            const report = (at: Node, why: string) => ctx.report(at, `${oldName} ${advice}; left alone because ${why}; see ${spec.docs}`);
            planAttributes(ctx, attributes, replacement, report);
            planStarCalls(ctx, replacement, report);
          }
        },
      };
    },
  });
}
