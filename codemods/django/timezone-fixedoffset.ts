// django/timezone-fixedoffset: Django 2.2 deprecated django.utils.timezone.FixedOffset (removed in
// 3.0) in favour of the standard library's datetime.timezone. Calls of a directly imported
// FixedOffset become `timezone(timedelta(minutes=offset)[, name])`. All or nothing per file: one use
// that cannot be rewritten keeps every one as it is, so the import never dangles; the names
// `timezone` and `timedelta` must be free (or already the datetime ones) where they are used.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, importedAt } from "../../src/engine/helpers/calls.js";
import { importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

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

function plan(ctx: RuleContext, binding: ImportBinding): Edit[] | string {
  if (binding.alias) return "it is imported under an alias";
  if (ctx.facts.isExported(binding.name)) return "it is listed in __all__";
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const call = callOf(ref);
    if (!call) return `it is used other than as a call (line ${ref.startPosition.row + 1})`;
    const change = callEdits(call, ref);
    if (typeof change === "string") return `a call on line ${ref.startPosition.row + 1} cannot be rewritten: ${change}`;
    edits.push(...change);
  }
  const needed: string[] = [];
  for (const name of NAMES) {
    if (refs.refs.length === 0) break;
    const qualified = `datetime.${name}`;
    if (refs.refs.length > 0 && refs.refs.every((ref) => importedAt(ctx.facts, name, ref, new Set([qualified])))) continue;
    if (!ctx.facts.nameIsFree(name, binding.scope, refs.refs, qualified, binding.statement.startIndex)) {
      return `the name ${name} already means something else here`;
    }
    needed.push(name);
  }
  const line = needed.length > 0 ? `from datetime import ${needed.join(", ")}` : undefined;
  const statement = binding.statement;
  if (importEntries(statement).length === 1) {
    if (line) edits.push(replaceStatement(ctx.source, statement, [line], ctx.newline));
    else edits.push(...rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]))!);
    return edits;
  }
  const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
  if (!dropped) return "comments inside its import make the rewrite ambiguous";
  edits.push(...dropped);
  if (line) edits.push(insertAbove(ctx.source, statement, [line], ctx.newline));
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
    "timezone` takes its place (names already imported from datetime are reused). Nothing in the file changes when " +
    "any use cannot be rewritten (an alias, a use other than a call, a call without an offset or with *args), or when " +
    "`timezone` or `timedelta` already name something else — for instance `from django.utils import timezone`, which " +
    "the new import would shadow. Module forms (`timezone.FixedOffset(...)`) are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2",
  needles: ["FixedOffset"],
  create(ctx) {
    return {
      module() {
        const bindings = ctx.facts.imports.filter((b) => b.kind === "from" && b.qualified === OLD);
        if (bindings.length === 0) return;
        const edits: Edit[] = [];
        const scopes = new Set(bindings.map((b) => b.scope.id));
        if (scopes.size !== bindings.length) {
          ctx.report(bindings[0]!.entry, "FixedOffset is removed in Django 3.0 but was left alone: it is imported more than once in one scope");
          return;
        }
        for (const binding of bindings) {
          const change = plan(ctx, binding);
          if (typeof change === "string") {
            ctx.report(binding.entry, `FixedOffset is removed in Django 3.0 but nothing in this file was rewritten: ${change}; use datetime.timezone(timedelta(minutes=...)) by hand`);
            return;
          }
          edits.push(...change);
        }
        ctx.fix("FixedOffset(...) → timezone(timedelta(minutes=...))", edits);
      },
    };
  },
});
