// Finding-only rules as data: Django changes that need a person (the "review" rows of the
// deprecation list) are pointed at, never edited. Each pattern names what to look for, resolved
// through the module facts where names are involved, and what to tell the user; every message
// ends with the release note's link.
import type { FileRole } from "../../roles.js";
import { targetReaches } from "../../target.js";
import type { Node } from "../parser.js";
import { enclosingScope } from "../scope.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { callArgs, callOf } from "./calls.js";
import { classMethods, derivesFrom, enclosingClass } from "./classes.js";

interface PatternBase {
  /** What changed and what to do. */
  message: string;
  /** Reported only when the target reaches this version (default: the rule's `since`). */
  since?: string;
  /** Link for this pattern when it differs from the rule's `docs`. */
  docs?: string;
}

export type FindingPattern = PatternBase &
  (
    | /** Imports of these names or modules, and attribute reads that resolve to them. */
    { kind: "name"; qualified: string[]; skipRoles?: FileRole[] }
    | /** Module-level assignments in settings files, and `override_settings(NAME=...)` keywords anywhere. */
    { kind: "setting"; names: string[] }
    | /** String literals with exactly this value (a dotted path in settings, LOGGING dicts...). */
    { kind: "string"; values: string[] }
    | /** A keyword argument in calls of these callables. */
    { kind: "keyword"; callables: string[]; keywords: string[] }
    | /** `anything.name(...)` calls in files that import from Django; `when` narrows the call shape. */
    { kind: "method-call"; names: string[]; when?: (call: Node) => boolean }
    | /** `def name` in a class deriving from one of `bases`; not when the class also defines one of `unless`. */
    { kind: "method-def"; names: string[]; bases: Bases; unless?: string[] }
    | /** `name = value` in the body of a class deriving from one of `bases`; `when` narrows the value. */
    { kind: "class-attribute"; names: string[]; bases: Bases; when?: (value: Node) => boolean }
    | /** `anything.name` in files that import from Django; with `assigned`, only as an assignment target. */
    { kind: "attribute"; names: string[]; assigned?: boolean }
  );

/** Qualified base classes, or a test of a qualified name (every `django.db.models.*Field`). */
type Bases = string[] | ((qualified: string) => boolean);

function basesMatcher(bases: Bases): (qualified: string) => boolean {
  if (typeof bases === "function") return bases;
  const set = new Set(bases);
  return (qualified) => set.has(qualified);
}

export interface FindingRuleSpec extends Omit<RuleMeta, "kind" | "docs"> {
  docs: string;
  patterns: FindingPattern[];
}

function importsDjango(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "django" || b.module.startsWith("django."));
}

function matchesQualified(wanted: readonly string[], qualified: string): boolean {
  return wanted.some((w) => qualified === w || qualified.startsWith(`${w}.`));
}

function lastPart(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}

/** The value of a string literal without prefixes or interpolation, or undefined. */
export function stringValue(node: Node): string | undefined {
  if (node.type !== "string" || node.children.some((c) => c?.type === "interpolation")) return undefined;
  return node.children.filter((c) => c?.type === "string_content").map((c) => c!.text).join("");
}

function findName(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "name" }>, say: (n: Node) => void): void {
  if ((pattern.skipRoles ?? []).some((r) => ctx.roles.has(r))) return;
  const reported = new Set<number>();
  for (const binding of ctx.facts.imports) {
    const hit =
      matchesQualified(pattern.qualified, binding.qualified) ||
      (binding.kind === "import" && matchesQualified(pattern.qualified, binding.module)) ||
      (binding.kind === "from" && matchesQualified(pattern.qualified, binding.module));
    if (hit && !reported.has(binding.statement.id)) {
      reported.add(binding.statement.id);
      say(binding.entry);
    }
  }
  // `admin.GeoModelAdmin` after `from django.contrib.gis import admin`: the attribute read.
  for (const word of new Set(pattern.qualified.map(lastPart))) {
    for (const id of ctx.facts.identifiers(word)) {
      const attribute = id.parent;
      if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
      if (attribute.parent?.type === "attribute" && attribute.parent.childForFieldName("object")?.id === attribute.id) continue;
      const qualified = ctx.facts.qualifiedName(attribute);
      if (qualified !== undefined && pattern.qualified.includes(qualified)) say(attribute);
    }
  }
}

function findSetting(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "setting" }>, say: (n: Node) => void): void {
  for (const name of pattern.names) {
    for (const id of ctx.facts.identifiers(name)) {
      const parent = id.parent;
      if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id) {
        // Module scope (top level or inside if/try blocks), or the body of a settings class
        // (django-configurations style) in a settings file.
        const scope = enclosingScope(parent);
        const inClassBody = scope.type === "class_definition" && enclosingScope(scope).type === "module";
        if (ctx.roles.has("settings") && parent.parent?.type === "expression_statement" && (scope.type === "module" || inClassBody)) say(id);
      } else if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) {
        const call = parent.parent?.parent;
        const callee = call?.type === "call" ? call.childForFieldName("function") : null;
        const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
        if (qualified === "django.test.override_settings" || qualified === "django.test.utils.override_settings") say(id);
      }
    }
  }
}

function findString(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "string" }>, say: (n: Node) => void): void {
  const values = new Set(pattern.values);
  for (const word of new Set(pattern.values.map(lastPart))) {
    // Words inside strings are not identifiers: search the text, then ask the tree.
    let from = 0;
    for (;;) {
      const at = ctx.source.indexOf(word, from);
      if (at < 0) break;
      from = at + word.length;
      let node: Node | null = ctx.root.descendantForIndex(at, from);
      while (node && node.type !== "string" && node.type !== "module") node = node.parent;
      if (node?.type !== "string") continue;
      const value = stringValue(node);
      if (value !== undefined && values.has(value)) say(node);
    }
  }
}

function findKeyword(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "keyword" }>, say: (n: Node) => void): void {
  for (const keyword of pattern.keywords) {
    for (const id of ctx.facts.identifiers(keyword)) {
      const arg = id.parent;
      if (arg?.type !== "keyword_argument" || arg.childForFieldName("name")?.id !== id.id) continue;
      const call = arg.parent?.parent;
      if (arg.parent?.type !== "argument_list" || call?.type !== "call") continue;
      const callee = call.childForFieldName("function");
      const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
      if (qualified !== undefined && pattern.callables.includes(qualified)) say(id);
    }
  }
}

function findMethodCall(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "method-call" }>, say: (n: Node) => void): void {
  if (!importsDjango(ctx)) return;
  for (const name of pattern.names) {
    for (const id of ctx.facts.identifiers(name)) {
      const attribute = id.parent;
      if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
      const call = callOf(attribute);
      if (!call || !callArgs(call)) continue;
      if (pattern.when && !pattern.when(call)) continue;
      say(attribute);
    }
  }
}

function findMethodDef(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "method-def" }>, say: (n: Node) => void): void {
  const matches = basesMatcher(pattern.bases);
  for (const name of pattern.names) {
    for (const id of ctx.facts.identifiers(name)) {
      const fn = id.parent;
      if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.id !== id.id) continue;
      const cls = enclosingClass(fn);
      if (!cls || !derivesFrom(ctx.facts, cls, matches)) continue;
      const methods = pattern.unless ? classMethods(cls) : undefined;
      if (methods && pattern.unless!.some((other) => methods.has(other))) continue;
      say(id);
    }
  }
}

function findClassAttribute(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "class-attribute" }>, say: (n: Node) => void): void {
  const matches = basesMatcher(pattern.bases);
  for (const name of pattern.names) {
    for (const id of ctx.facts.identifiers(name)) {
      const assignment = id.parent;
      if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) continue;
      // Directly in the class body, or in an if/try block there.
      const cls = enclosingScope(assignment);
      if (cls.type !== "class_definition") continue;
      const value = assignment.childForFieldName("right");
      if (!value || (pattern.when && !pattern.when(value))) continue;
      if (derivesFrom(ctx.facts, cls, matches)) say(id);
    }
  }
}

function findAttribute(ctx: RuleContext, pattern: Extract<FindingPattern, { kind: "attribute" }>, say: (n: Node) => void): void {
  if (!importsDjango(ctx)) return;
  for (const name of pattern.names) {
    for (const id of ctx.facts.identifiers(name)) {
      const attribute = id.parent;
      if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
      const parent = attribute.parent;
      const target = (parent?.type === "assignment" || parent?.type === "augmented_assignment") && parent.childForFieldName("left")?.id === attribute.id;
      if (pattern.assigned && !target) continue;
      say(attribute);
    }
  }
}

export function findingRule(spec: FindingRuleSpec): Rule {
  const { patterns, ...meta } = spec;
  return defineRule({
    ...meta,
    kind: "finding",
    create(ctx) {
      return {
        module() {
          const seen = new Set<string>();
          for (const pattern of patterns) {
            if (pattern.since !== undefined && !targetReaches(ctx.targets, spec.framework, pattern.since)) continue;
            const say = (node: Node) => {
              const key = `${node.startIndex}:${pattern.message}`;
              if (seen.has(key)) return;
              seen.add(key);
              ctx.report(node, `${pattern.message}; see ${pattern.docs ?? spec.docs}`);
            };
            if (pattern.kind === "name") findName(ctx, pattern, say);
            else if (pattern.kind === "setting") findSetting(ctx, pattern, say);
            else if (pattern.kind === "string") findString(ctx, pattern, say);
            else if (pattern.kind === "keyword") findKeyword(ctx, pattern, say);
            else if (pattern.kind === "method-call") findMethodCall(ctx, pattern, say);
            else if (pattern.kind === "class-attribute") findClassAttribute(ctx, pattern, say);
            else if (pattern.kind === "attribute") findAttribute(ctx, pattern, say);
            else findMethodDef(ctx, pattern, say);
          }
        },
      };
    },
  });
}
