// django/mail-get-connection: Django 6.1 deprecated `django.core.mail.get_connection()` for the
// default connection in favour of `mailers.default`. No-argument calls are rewritten; a
// `connection=get_connection()` argument of a send function is simply dropped (it restates the
// default).
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, removeArgument } from "../../src/engine/helpers/calls.js";
import { importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const MODULE = "django.core.mail";
const QUALIFIED = `${MODULE}.get_connection`;
const SENDERS = new Set(["send_mail", "send_mass_mail", "mail_admins", "mail_managers"].map((n) => `${MODULE}.${n}`));

/** A call with nothing at all between its parentheses. */
function isBareCall(call: Node | undefined): call is Node {
  const args = call ? callArgs(call) : undefined;
  return args !== undefined && args.args.length === 0 && args.comments.length === 0;
}

/** The edits dropping `connection=<call>` when `call` is that argument of a send function. */
function connectionArgument(ctx: RuleContext, call: Node): Edit[] | undefined | null {
  const keyword = call.parent;
  if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.text !== "connection") return null;
  if (keyword.childForFieldName("value")?.id !== call.id) return null;
  const outer = keyword.parent?.parent;
  if (outer?.type !== "call") return null;
  const callee = outer.childForFieldName("function");
  const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
  if (qualified === undefined || !SENDERS.has(qualified)) return null;
  const args = callArgs(outer);
  return args ? removeArgument(ctx.source, args, keyword) : undefined;
}

export default defineRule({
  id: "django/mail-get-connection",
  aliases: ["mail_get_connection"],
  framework: "django",
  since: "6.1",
  summary: "get_connection() for the default connection becomes mailers.default",
  description:
    "Django 6.1 deprecated `django.core.mail.get_connection()` for obtaining the default email connection in favour " +
    "of `mailers.default`. `mail.get_connection()` without arguments (any name bound to `django.core.mail`) becomes " +
    "`mail.mailers.default`. For `get_connection` imported directly (not aliased) the file changes only when every " +
    "use is a call without arguments: calls become `mailers.default` and the imported name becomes `mailers`. In both " +
    "forms `connection=get_connection()` passed to `send_mail()`, `send_mass_mail()`, `mail_admins()` or " +
    "`mail_managers()` is removed, as it restates the default (and the import goes when nothing else uses it). Calls " +
    "with arguments, other references, aliased imports, a `mailers` name already taken and names exported through " +
    "`__all__` are left alone.",
  docs: "https://docs.djangoproject.com/en/dev/releases/6.1/#features-deprecated-in-6-1",
  needles: ["get_connection"],
  precheck: (text) => /get_connection[\s\\]*\([\s\\]*\)/.test(text),
  create(ctx) {
    const direct = (binding: ImportBinding): void => {
      if (binding.alias || ctx.facts.isExported(binding.name)) return;
      const { refs, clean } = ctx.facts.references(binding);
      if (!clean || refs.length === 0) return;
      const edits: Edit[] = [];
      const sites: Node[] = [];
      for (const ref of refs) {
        const call = callOf(ref);
        if (!isBareCall(call)) return;
        const removal = connectionArgument(ctx, call);
        if (removal === undefined) return;
        if (removal) edits.push(...removal);
        else {
          edits.push({ start: call.startIndex, end: call.endIndex, text: "mailers.default" });
          sites.push(call);
        }
      }
      const changes = new Map<number, string | null>();
      if (sites.length > 0) {
        if (!ctx.facts.nameIsFree("mailers", binding.scope, sites, `${MODULE}.mailers`, binding.statement.startIndex)) return;
        const already = importEntries(binding.statement).some((e) => e.type === "dotted_name" && e.text === "mailers");
        changes.set(binding.entry.id, already ? null : "mailers");
      } else changes.set(binding.entry.id, null);
      const importEdits = rewriteImportEntries(ctx.source, binding.statement, changes);
      if (!importEdits) return;
      ctx.fix("get_connection() → mailers.default", [...edits, ...importEdits]);
    };
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          if (binding.kind === "from" && binding.qualified === QUALIFIED) direct(binding);
        }
        for (const id of ctx.facts.identifiers("get_connection")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callOf(attribute);
          if (!isBareCall(call) || ctx.facts.qualifiedName(attribute) !== QUALIFIED) continue;
          const removal = connectionArgument(ctx, call);
          if (removal === undefined) continue;
          const object = attribute.childForFieldName("object")!;
          const edits = removal ?? [{ start: call.startIndex, end: call.endIndex, text: `${object.text}.mailers.default` }];
          ctx.fix(removal ? "connection=get_connection() removed (the default)" : "get_connection() → mailers.default", edits);
        }
      },
    };
  },
});
