// django/permalink: Django 1.11 deprecated the `models.permalink` decorator (removed in 2.1). A
// method it decorates returned `(viewname, args[, kwargs])` for the decorator to pass to reverse();
// the rewrite calls `django.urls.reverse` in the method itself and drops the decorator.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { ownsItsLines, startsLine } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { lineEndWithNewline, lineStart } from "../../src/engine/text.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";

const QUALIFIED = "django.db.models.permalink";
const REVERSE: ReadonlySet<string> = new Set(["django.urls.reverse", "django.core.urlresolvers.reverse"]);
const EMPTY = new Set(["[]", "()", "{}", "None"]);

interface Candidate {
  /** The import that makes the decorator mean models.permalink. */
  binding: ImportBinding;
  /** The `permalink` identifier used directly (direct-import form), if so. */
  direct: Node | null;
  decorator: Node;
  definition: Node;
  value: Node;
  items: Node[];
}

/** Why a decorator use cannot be rewritten, or the pieces of the rewrite. */
function candidate(ctx: RuleContext, id: Node): Candidate | string | undefined {
  const expression = id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id ? id.parent : id;
  if (ctx.facts.qualifiedName(expression) !== QUALIFIED) return undefined;
  let root: Node = expression;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const binding = ctx.facts.importOf(root);
  if (!binding) return undefined;
  const decorator = expression.parent;
  if (decorator?.type !== "decorator") return "it is used other than as a plain decorator";
  const decorated = decorator.parent!;
  const definition = decorated.childForFieldName("definition");
  if (definition?.type !== "function_definition") return "it decorates something other than a def";
  if (definition.children.some((c) => c?.type === "async")) return "the method is async";
  if (decorated.namedChildren.filter((c) => c?.type === "decorator").length !== 1) return "the method has other decorators";
  if (!startsLine(ctx.source, decorator) || ctx.source.slice(decorator.endIndex, definition.startIndex).trim() !== "") {
    return "the decorator does not have its line to itself";
  }
  const body = definition.childForFieldName("body");
  const statements = body?.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment") ?? [];
  if (statements.length !== 1 || statements[0]!.type !== "return_statement") return "the method body is not a single return";
  let value = statements[0]!.namedChildren.find((c) => c !== null && c.type !== "comment") ?? null;
  if (!value || (value.type !== "tuple" && value.type !== "expression_list")) return "the method does not return a literal tuple";
  const items = value.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  if (value.namedChildren.some((c) => c?.type === "comment")) return "comments inside the returned tuple";
  if (items.length < 2 || items.length > 3) return "the returned tuple does not have 2 or 3 items";
  if (items.some((i) => i.type === "list_splat" || i.type === "parenthesized_list_splat")) return "the returned tuple unpacks *values";
  return { binding, direct: expression.type === "identifier" ? expression : null, decorator, definition, value, items };
}

function reverseCall(name: string, items: Node[]): string {
  const parts = [items[0]!.text];
  if (!EMPTY.has(items[1]!.text.replace(/\s+/g, ""))) parts.push(`args=${items[1]!.text}`);
  if (items[2] && !EMPTY.has(items[2].text.replace(/\s+/g, ""))) parts.push(`kwargs=${items[2].text}`);
  return `${name}(${parts.join(", ")})`;
}

export default defineRule({
  id: "django/permalink",
  aliases: ["permalink"],
  framework: "django",
  since: "1.11",
  summary: "@models.permalink methods return reverse(name, args=..., kwargs=...) instead",
  description:
    "Django 1.11 deprecated the `permalink` decorator of `django.db.models` (removed in Django 2.1) in favour of " +
    "calling `django.urls.reverse()` directly. A method whose only decorator is `@models.permalink` (or `@permalink` " +
    "imported from `django.db.models`) and whose body is just `return (name, args[, kwargs])` loses the " +
    "decorator and returns `reverse(name, args=..., kwargs=...)`; empty or None args/kwargs are dropped. " +
    "`from django.urls import reverse` is added after the import the decorator came from unless a `reverse` from " +
    "`django.urls` is already in effect; a directly imported `permalink` is dropped from its import once no use is " +
    "left. Async methods, other decorators, other bodies, and methods where the name `reverse` means something " +
    "else are left alone and reported.",
  docs: DOCS,
  needles: ["permalink"],
  create(ctx) {
    return {
      module() {
        const found: Candidate[] = [];
        const blocked = new Set<number>();
        for (const id of ctx.facts.identifiers("permalink")) {
          const result = candidate(ctx, id);
          if (result === undefined) continue;
          if (typeof result === "string") {
            const binding = ctx.facts.importOf(id);
            if (binding) blocked.add(binding.local.id);
            ctx.report(id, `models.permalink is removed in Django 2.1 but this use was left alone: ${result}; return reverse(...) by hand; see ${DOCS}`);
            continue;
          }
          found.push(result);
        }
        if (found.length === 0) return;
        const anchor = found[0]!.binding.statement;
        const sites = found.map((c) => c.value);
        const existing = sites.every((s) => importedAt(ctx.facts, "reverse", s, REVERSE));
        const edits: Edit[] = [];
        if (!existing) {
          if (anchor.parent?.type !== "module" || !ownsItsLines(ctx.source, anchor)) {
            ctx.report(found[0]!.decorator, `models.permalink is removed in Django 2.1 but was left alone: the import of models is not a plain module-level line; return reverse(...) by hand; see ${DOCS}`);
            return;
          }
          if (!ctx.facts.nameIsFree("reverse", ctx.root, sites, "django.urls.reverse", anchor.endIndex)) {
            ctx.report(found[0]!.decorator, `models.permalink is removed in Django 2.1 but was left alone: the name \`reverse\` means something else here; return reverse(...) by hand; see ${DOCS}`);
            return;
          }
        }
        let importDone = existing;
        // A directly imported permalink goes when every use of it is rewritten.
        const direct = found.filter((c) => c.direct !== null);
        if (direct.length > 0) {
          const binding = direct[0]!.binding;
          const refs = ctx.facts.references(binding);
          const rewritten = new Set(direct.map((c) => c.direct!.id));
          if (refs.clean && !blocked.has(binding.local.id) && refs.refs.every((r) => rewritten.has(r.id)) && direct.every((c) => c.binding === binding)) {
            const entryEdits = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
            if (entryEdits) {
              if (!importDone && binding.statement.id === anchor.id && entryEdits.length === 1 && entryEdits[0]!.text === "" &&
                  entryEdits[0]!.start === lineStart(ctx.source, anchor.startIndex)) {
                // The whole statement goes: the new import takes its place.
                edits.push({ start: anchor.startIndex, end: anchor.endIndex, text: "from django.urls import reverse" });
                importDone = true;
              } else edits.push(...entryEdits);
            }
          }
        }
        if (!importDone) {
          const at = lineEndWithNewline(ctx.source, anchor.endIndex);
          const newline = at === anchor.endIndex || at === ctx.source.length && !/[\r\n]$/.test(ctx.source) ? ctx.newline : "";
          edits.push({ start: at, end: at, text: `${newline}from django.urls import reverse${newline ? "" : ctx.newline}` });
        }
        for (const c of found) {
          edits.push({ start: lineStart(ctx.source, c.decorator.startIndex), end: lineStart(ctx.source, c.definition.startIndex), text: "" });
          edits.push({ start: c.value.startIndex, end: c.value.endIndex, text: reverseCall("reverse", c.items) });
        }
        ctx.fix("@permalink method now returns reverse(...)", edits);
      },
    };
  },
});
