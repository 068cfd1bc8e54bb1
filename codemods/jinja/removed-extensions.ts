// jinja/removed-extensions: the `with` statement and autoescape blocks are built into Jinja since
// 2.9; Jinja 3.0 deprecated the extensions that used to enable them and Jinja 3.1 removed them, so
// naming one in an extension list fails when the environment is created. Each is dropped from the
// lists that configure extensions.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { callArgs, removeArgument, type CallArgs } from "../../src/engine/helpers/calls.js";
import { isStringLiteral } from "../../src/engine/helpers/settings.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { removeStatement } from "../../src/engine/helpers/statements.js";
import { mayReachNames } from "../../src/engine/text-scan.js";

const DOCS = "https://jinja.palletsprojects.com/en/stable/changes/#version-3-0-0";

/** The import paths of the two extensions and of their classes. */
const REMOVED = new Set([
  "jinja2.ext.with_", "jinja2.ext.autoescape", "jinja2.ext.WithExtension", "jinja2.ext.AutoEscapeExtension",
]);
const mayReachRemoved = mayReachNames([...REMOVED], { bare: true });
const REMOVED_STRINGS = ["jinja2.ext.with_", "jinja2.ext.autoescape", "jinja2.ext.WithExtension", "jinja2.ext.AutoEscapeExtension"];

/** A list/tuple's items as a CallArgs-shaped record, so removeArgument keeps its layout. */
function listItems(list: Node): CallArgs {
  const items = list.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  const comments = list.namedChildren.filter((c): c is Node => c !== null && c.type === "comment");
  return {
    call: list, list, args: items, positional: items, keywords: new Map(), listSplat: false, dictSplat: false, comments,
  };
}

/**
 * True when the list configures Jinja extensions: the value of `extensions=` in a call, of an
 * "extensions" dict key, of an assignment to a name ending in `extensions`, the argument of
 * `add_extension`-style calls, or what a function whose name mentions extensions returns.
 */
function isExtensionList(list: Node): boolean {
  let node = list;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "keyword_argument") return parent.childForFieldName("name")?.text === "extensions";
  if (parent.type === "pair") {
    const key = parent.childForFieldName("key");
    return parent.childForFieldName("value")?.id === node.id && !!key && isStringLiteral("extensions")(key);
  }
  if (parent.type === "assignment" || parent.type === "augmented_assignment") {
    const left = parent.childForFieldName("left");
    const name = left?.type === "identifier" ? left.text : left?.type === "attribute" ? left.childForFieldName("attribute")?.text : undefined;
    return parent.childForFieldName("right")?.id === node.id && !!name && /extensions$/i.test(name);
  }
  if (parent.type === "return_statement") {
    let fn: Node | null = parent.parent;
    while (fn && fn.type !== "function_definition") fn = fn.parent;
    return !!fn && /extension/i.test(fn.childForFieldName("name")?.text ?? "");
  }
  return false;
}

/** The removed extension an item names: a string literal, or a name/attribute resolving to one. */
function removedItem(ctx: RuleContext, item: Node): string | undefined {
  if (item.type === "string") return REMOVED_STRINGS.find((s) => isStringLiteral(s)(item));
  if (item.type === "identifier" || item.type === "attribute") {
    const qualified = ctx.facts.qualifiedName(item);
    return qualified && REMOVED.has(qualified) ? qualified : undefined;
  }
  return undefined;
}

/**
 * Edits that drop the import of a name whose only use is `item` (`from jinja2.ext import with_`),
 * so the file stops importing what 3.1 removed; [] when the item is not such a name; undefined
 * when the name has other uses.
 */
function importDrop(ctx: RuleContext, item: Node): Edit[] | undefined {
  if (item.type !== "identifier") return [];
  const binding = ctx.facts.importOf(item);
  if (!binding || binding.kind !== "from") return [];
  const refs = ctx.facts.references(binding);
  if (!refs.clean || refs.refs.some((r) => r.id !== item.id)) return undefined;
  return rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
}

export default defineRule({
  id: "jinja/removed-extensions",
  framework: "jinja",
  since: "3.0",
  summary: 'the built-in "jinja2.ext.with_" / "jinja2.ext.autoescape" extensions are dropped from extension lists',
  description:
    "`with` and `autoescape` blocks are part of Jinja since 2.9. Jinja 3.0 deprecated the extensions that enabled them " +
    "(`jinja2.ext.with_`, `jinja2.ext.autoescape`, the classes `WithExtension` and `AutoEscapeExtension`) and Jinja 3.1 " +
    "removed them. They are removed from lists given as `extensions=` (Environment, Flask's `jinja_options`), as an " +
    '`"extensions"` dict value, assigned to a name ending in `extensions`, or returned by a function whose name mentions ' +
    "extensions, and `env.add_extension(...)` statements that add one are deleted (with the import of the class when " +
    "that was its only use).",
  docs: DOCS,
  needles: ["with_", "autoescape", "WithExtension", "AutoEscapeExtension"],
  // The dotted path in a string, or a name that resolves to an extension (a star import may bind it).
  precheck: (text) => REMOVED_STRINGS.some((s) => text.includes(s)) || mayReachRemoved(text),
  create(ctx) {
    return {
      module() {
        const seen = new Set<number>();
        for (const word of ["with_", "autoescape", "WithExtension", "AutoEscapeExtension"]) {
          for (const node of wordSites(ctx, word)) {
            // The list item holding the mention: the string, or the name/attribute chain.
            let item = node;
            while (item.parent && (item.parent.type === "attribute" || item.parent.type === "string")) item = item.parent;
            if (seen.has(item.id)) continue;
            seen.add(item.id);
            const removed = removedItem(ctx, item);
            if (!removed) continue;
            const container = item.parent;
            if ((container?.type === "list" || container?.type === "tuple") && isExtensionList(container)) {
              const drop = importDrop(ctx, item);
              const edits = removeArgument(ctx.source, listItems(container), item);
              if (!drop || !edits || (container.type === "tuple" && listItems(container).args.length === 2)) {
                ctx.report(item, `${removed} was removed in Jinja 3.1 (with and autoescape are built in): remove it from this list (${DOCS})`);
                continue;
              }
              ctx.fix(`${removed} removed from the extensions`, [...edits, ...drop]);
              continue;
            }
            if (container?.type === "argument_list") {
              // env.add_extension("jinja2.ext.with_") as a statement of its own.
              const call = container.parent!;
              const callee = call.childForFieldName("function");
              const args = callArgs(call);
              const statement = call.parent;
              if (
                callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "add_extension" &&
                args?.args.length === 1 && statement?.type === "expression_statement" && statement.namedChildCount === 1
              ) {
                const drop = importDrop(ctx, item);
                if (drop) {
                  ctx.fix(`add_extension(${removed}) removed`, [...removeStatement(ctx.source, statement), ...drop]);
                  continue;
                }
              }
            }
            ctx.report(item, `${removed} was removed in Jinja 3.1 (with and autoescape are built in): stop enabling it (${DOCS})`);
          }
        }
      },
    };
  },
});

/** Identifier nodes and string contents that spell `word`. */
function wordSites(ctx: RuleContext, word: string): Node[] {
  const out: Node[] = [];
  let from = 0;
  for (;;) {
    const at = ctx.source.indexOf(word, from);
    if (at < 0) break;
    from = at + word.length;
    const node = ctx.root.descendantForIndex(at, from);
    if (node && (node.type === "identifier" || node.type === "string_content")) out.push(node);
  }
  return out;
}
