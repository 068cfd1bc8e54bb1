// django/timezone-fixedoffset: Django 2.2 deprecated django.utils.timezone.FixedOffset (removed in
// 3.0) in favour of the standard library's datetime.timezone. Calls of a directly imported
// FixedOffset become `timezone(timedelta(minutes=offset)[, name])`. All or nothing per file: one use
// that cannot be rewritten keeps every one as it is, so the import never dangles; the names
// `timezone` and `timedelta` must be free (or already the datetime ones) where they are used.
// FixedOffset imported more than once (all the same object, under its name or an alias) has each
// import rewritten in place.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, importedAt } from "../../src/engine/helpers/calls.js";
import { importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2";

const OLD = "django.utils.timezone.FixedOffset";
const NAMES = ["timedelta", "timezone"] as const;

/** Edits for one call, or a reason it cannot be rewritten. */
function callEdits(call: Node, ref: Node): Edit[] | string {
  const args = callArgs(call);
  if (!args) return "its arguments cannot be read";
  if (args.listSplat || args.dictSplat) return "*args/**kwargs hide the offset";
  if (args.comments.length > 0) return "comments inside the call";
  const known = new Set(["offset", "name"]);
  for (const k of args.keywords.keys()) if (!known.has(k)) return `unknown keyword ${k}=`;
  if (args.positional.length > 2) return "too many arguments";
  let offset: Node | undefined;
  if (args.positional.length > 0) {
    if (args.keywords.has("offset")) return "offset given twice";
    offset = args.positional[0];
  } else offset = args.keywords.get("offset")?.childForFieldName("value") ?? undefined;
  if (args.positional.length === 2 && args.keywords.has("name")) return "name given twice";
  if (!offset) return "it has no offset";
  if (offset.type === "none") return "its offset is None";
  if (offset.type === "named_expression") return "its offset is an assignment expression";
  return [
    { start: ref.startIndex, end: ref.endIndex, text: "timezone" },
    { start: offset.startIndex, end: offset.startIndex, text: "timedelta(minutes=" },
    { start: offset.endIndex, end: offset.endIndex, text: ")" },
  ];
}

/**
 * Edits for every import of FixedOffset in one scope (`group`, in source order) and every use, or
 * why not. Each import means the same object, so every use is rewritten and each import statement
 * is rewritten in place: its FixedOffset entry goes, and the datetime import the uses need takes
 * its place (so whichever import a use reads, the names it now needs are bound the same way),
 * once per block.
 */
function plan(ctx: RuleContext, group: ImportBinding[]): Edit[] | string {
  const first = group[0]!;
  // Each local name (FixedOffset, or an alias such as FO) is followed on its own: every call is
  // rewritten to `timezone(...)` whatever name it was written with, so the alias simply goes.
  const uses: Node[] = [];
  for (const name of new Set(group.map((b) => b.name))) {
    const exported = ctx.facts.exportedWhy(name);
    if (exported) return `${name}: ${exported}`;
    // Other imports of the same object under this name are not conflicts: the uses of every one of them come back.
    const refs = ctx.facts.references(group.find((b) => b.name === name)!);
    if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
    uses.push(...refs.refs);
  }
  const refs = { refs: uses };
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const call = callOf(ref);
    if (!call) return `it is used other than as a call (${lineOf(ref)})`;
    const change = callEdits(call, ref);
    if (typeof change === "string") return `a call on ${lineOf(ref)} cannot be rewritten: ${change}`;
    edits.push(...change);
  }
  const needed: string[] = [];
  for (const name of NAMES) {
    if (refs.refs.length === 0) break;
    const qualified = `datetime.${name}`;
    if (refs.refs.every((ref) => importedAt(ctx.facts, name, ref, new Set([qualified])))) continue;
    if (!ctx.facts.nameIsFree(name, first.scope, refs.refs, qualified, first.statement.startIndex)) {
      return `the name ${name} already means something else here`;
    }
    needed.push(name);
  }
  const datetimeLine = needed.length > 0 ? `from datetime import ${needed.join(", ")}` : undefined;
  const statements = new Map<number, { statement: Node; entries: Node[] }>();
  for (const binding of group) {
    const at = statements.get(binding.statement.id) ?? { statement: binding.statement, entries: [] };
    at.entries.push(binding.entry);
    statements.set(binding.statement.id, at);
  }
  // A later import in a block that already got the datetime line needs none of its own.
  const blocksWithLine = new Set<number>();
  for (const { statement, entries } of statements.values()) {
    const drop = new Map(entries.map((entry) => [entry.id, null]));
    const block = statement.parent?.id ?? -1;
    const line = blocksWithLine.has(block) ? undefined : datetimeLine;
    if (datetimeLine) blocksWithLine.add(block);
    if (importEntries(statement).length === entries.length) {
      if (line) edits.push(replaceStatement(ctx.source, statement, [line], ctx.newline));
      else edits.push(...rewriteImportEntries(ctx.source, statement, drop)!);
      continue;
    }
    const dropped = rewriteImportEntries(ctx.source, statement, drop);
    if (!dropped) return "comments inside its import make the rewrite ambiguous";
    edits.push(...dropped);
    if (line) edits.push(insertAbove(ctx.source, statement, [line], ctx.newline));
  }
  return edits;
}

export default defineRule({
  id: "django/timezone-fixedoffset",
  aliases: ["timezone_fixedoffset"],
  framework: "django",
  since: "2.2",
  summary: "FixedOffset(offset, name) becomes datetime.timezone(timedelta(minutes=offset), name)",
  description:
    "Django 2.2 deprecated `django.utils.timezone.FixedOffset` (removed in Django 3.0); the standard library's " +
    "`datetime.timezone` does the same with a `timedelta`. Calls of a directly imported `FixedOffset` become " +
    "`timezone(timedelta(minutes=offset)[, name])`, its import entry is dropped and `from datetime import timedelta, " +
    "timezone` takes its place (names already imported from datetime are reused; an alias such as `FixedOffset as FO` goes " +
    "too, its calls becoming `timezone(...)`). Nothing in the file changes when " +
    "any use cannot be rewritten (a name listed in `__all__`, a use other than a call, a call without an offset or with *args), or when " +
    "`timezone` or `timedelta` already name something else — for instance `from django.utils import timezone`, which " +
    "the new import would shadow. Module forms (`timezone.FixedOffset(...)`) are left alone.",
  docs: DOCS,
  needles: ["FixedOffset"],
  create(ctx) {
    return {
      module() {
        const bindings = ctx.facts.imports.filter((b) => b.kind === "from" && b.qualified === OLD);
        if (bindings.length === 0) return;
        const edits: Edit[] = [];
        const scopes = new Map<number, ImportBinding[]>();
        for (const binding of bindings) scopes.set(binding.scope.id, [...(scopes.get(binding.scope.id) ?? []), binding]);
        for (const group of scopes.values()) {
          group.sort((a, b) => a.statement.startIndex - b.statement.startIndex);
          const change = plan(ctx, group);
          if (typeof change === "string") {
            ctx.report(group[0]!.entry, `FixedOffset is removed in Django 3.0 but nothing in this file was rewritten: ${change}; use datetime.timezone(timedelta(minutes=...)) by hand; see ${DOCS}`);
            return;
          }
          edits.push(...change);
        }
        ctx.fix("FixedOffset(...) → timezone(timedelta(minutes=...))", edits);
      },
    };
  },
});
