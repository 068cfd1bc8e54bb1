// django/null-boolean-field: Django 3.1 deprecated NullBooleanField in favour of
// BooleanField(null=True); Django 4.0 removed it except for historical migrations. Calls in models
// files become BooleanField calls that say null=True. A direct import is renamed only when every
// use of it is such a call (a subclass or any other use blocks it), so nothing is left dangling.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, callsTo, importedAt, insertArgument, realignArguments } from "../../src/engine/helpers/calls.js";
import { formatImportName, importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";

const MODULES = ["django.db.models", "django.db.models.fields", "django.contrib.gis.db.models"];
const OLD = "NullBooleanField";
const NEW = "BooleanField";
const QUALIFIED = new Set(MODULES.map((m) => `${m}.${OLD}`));

/**
 * Edits that make a call say null=True (and keep arguments aligned with the parenthesis when the
 * callee shrinks by `delta` characters), or a reason why it cannot.
 */
function nullTrue(ctx: RuleContext, call: Node, delta: number): Edit[] | string {
  const args = callArgs(call);
  if (!args) return "its arguments cannot be read";
  if (args.dictSplat) return "**kwargs might carry null= as well";
  const realign = realignArguments(ctx.source, args, delta);
  const given = args.keywords.get("null");
  if (given) {
    // NullBooleanField ignored null=: it was always nullable.
    const value = given.childForFieldName("value")!;
    return value.type === "true" ? realign : [...realign, { start: value.startIndex, end: value.endIndex, text: "True" }];
  }
  return [...realign, ...insertArgument(ctx.source, args, args.args.length, "null=True", ctx.newline)];
}

export default defineRule({
  id: "django/null-boolean-field",
  aliases: ["null_boolean_field"],
  framework: "django",
  since: "3.1",
  summary: "NullBooleanField(...) becomes BooleanField(..., null=True) in models files",
  description:
    "Django 3.1 deprecated `NullBooleanField` in favour of `BooleanField(null=True)`; Django 4.0 removed it " +
    "except for historical migrations, which are left alone (only models files are rewritten). " +
    "`models.NullBooleanField(...)` becomes `models.BooleanField(..., null=True)`; an explicit `null=` other than True " +
    "is set to True, as NullBooleanField always was nullable. A directly imported `NullBooleanField` is renamed in its " +
    "import (dropped when `BooleanField` is imported already) only when every use of it is such a call; calls with " +
    "`**kwargs` and other uses (subclasses) are reported instead. Run makemigrations afterwards. NullBooleanField also " +
    "implied `blank=True`, which only matters to explicit `full_clean()` calls on `None` values.",
  docs: DOCS,
  needles: [OLD],
  files: "models",
  create(ctx) {
    return {
      module() {
        // Module forms: `models.NullBooleanField(...)`.
        for (const { call, callee } of callsTo(ctx.facts, QUALIFIED)) {
          if (callee.type !== "attribute") continue;
          const name = callee.childForFieldName("attribute")!;
          const edits = nullTrue(ctx, call, NEW.length - OLD.length);
          if (typeof edits === "string") {
            ctx.report(call, `${OLD} is removed in Django 4.0 but this call was left alone: ${edits}; use ${NEW}(null=True) by hand; see ${DOCS}`);
            continue;
          }
          ctx.fix(`${callee.text}() → ${NEW}(null=True)`, [{ start: name.startIndex, end: name.endIndex, text: NEW }, ...edits]);
        }
        reportOtherModuleUses(ctx);
        // Direct imports, all uses at once.
        for (const binding of ctx.facts.imports) {
          if (binding.kind === "from" && QUALIFIED.has(binding.qualified)) rewriteBinding(ctx, binding);
        }
      },
    };
  },
});

function rewriteBinding(ctx: RuleContext, binding: ImportBinding): void {
  const { facts } = ctx;
  const refs = facts.references(binding);
  const leave = (why: string) => ctx.report(binding.entry, `${OLD} is removed in Django 4.0 but was left alone: ${why}; use ${NEW}(null=True) by hand; see ${DOCS}`);
  if (!refs.clean) return leave(refs.reason ?? "its uses cannot be told apart");
  if (refs.refs.length === 0) return leave("it is imported but never called here");
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const call = callOf(ref);
    if (!call) return leave(`it is used other than as a call (${lineOf(ref)}); use ${NEW}(null=True) by hand`);
    const change = nullTrue(ctx, call, binding.alias ? 0 : NEW.length - OLD.length);
    if (typeof change === "string") return leave(`a call on ${lineOf(ref)} cannot be rewritten: ${change}`);
    edits.push(...change);
    if (!binding.alias) edits.push({ start: ref.startIndex, end: ref.endIndex, text: NEW });
  }
  const qualifiedNew = `${binding.module}.${NEW}`;
  let entry: string | null = formatImportName({ name: NEW, alias: binding.alias });
  if (!binding.alias) {
    const siblings = importEntries(binding.statement).filter((e) => e.id !== binding.entry.id).map((e) => e.text);
    if (siblings.includes(NEW) || refs.refs.every((ref) => importedAt(facts, NEW, ref, new Set([qualifiedNew])))) entry = null;
    else if (!facts.nameIsFree(NEW, binding.scope, refs.refs, qualifiedNew, binding.statement.startIndex)) {
      return leave(`the name ${NEW} already means something else here`);
    }
  }
  const importEdits = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, entry]]));
  if (!importEdits) return leave("comments inside its import make the rewrite ambiguous");
  ctx.fix(`${binding.name}() → ${binding.alias ?? NEW}(null=True), import ${entry === null ? "dropped" : "renamed"}`, [...importEdits, ...edits]);
}

/** `models.NullBooleanField` used other than as a call (a base class, an isinstance check). */
function reportOtherModuleUses(ctx: RuleContext): void {
  for (const id of ctx.facts.identifiers(OLD)) {
    const attribute = id.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
    if (callOf(attribute)) continue;
    const qualified = ctx.facts.qualifiedName(attribute);
    if (qualified && QUALIFIED.has(qualified)) {
      ctx.report(attribute, `${OLD} is removed in Django 4.0; this use is not a call and was left alone: switch to ${NEW} with null=True by hand; see ${DOCS}`);
    }
  }
}
