// Reading and editing literal settings values: a module-level `NAME = {...}` / `[...]` in a settings
// file, the entries of dict and list literals, and the plain string literals inside them. A value
// that is not a literal (computed, spread with `**`, built from other names) is never guessed at.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { removeArgument, type CallArgs, type ItemList } from "./calls.js";
import { isStringLiteral, settingAssignment, type SettingAssignment } from "./settings.js";
import { unparenthesize } from "./versioned-code.js";

/** The module-level (or settings-class) assignments of a setting, in source order. */
export function settingAssignments(ctx: RuleContext, name: string): SettingAssignment[] {
  return ctx.facts.identifiers(name).map(settingAssignment).filter((a): a is SettingAssignment => a !== undefined);
}

/** Every identifier spelled `name` that is not the target of one of `assignments`. */
export function otherMentions(ctx: RuleContext, name: string, assignments: SettingAssignment[]): Node[] {
  const targets = new Set(assignments.map((a) => a.assignment.childForFieldName("left")!.id));
  return ctx.facts.identifiers(name).filter((id) => !targets.has(id.id));
}

/** The content of a plain string literal (see isStringLiteral), or undefined. */
export function plainString(node: Node | null | undefined): string | undefined {
  if (!node || !isStringLiteral()(node)) return undefined;
  const string = unparenthesize(node);
  return string.children.filter((c) => c?.type === "string_content").map((c) => c!.text).join("");
}

/** An edit replacing the content of a plain string literal, keeping its quotes and prefix. */
export function replaceStringContent(node: Node, text: string): Edit {
  const string = unparenthesize(node);
  const start = string.children[0]!;
  const end = string.children[string.childCount - 1]!;
  return { start: start.endIndex, end: end.startIndex, text };
}

/** The `key: value` entries of a dict literal; undefined when it spreads `**other` or is no dict. */
export function literalPairs(node: Node | null | undefined): Node[] | undefined {
  const dict = node ? unparenthesize(node) : undefined;
  if (dict?.type !== "dictionary") return undefined;
  const entries = dict.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  if (entries.some((e) => e.type !== "pair")) return undefined;
  return entries;
}

/** The pair of a dict literal whose key is the plain string `key`. */
export function pairNamed(pairs: Node[], key: string): Node | undefined {
  return pairs.find((p) => plainString(p.childForFieldName("key")) === key);
}

/** The items of a list or tuple literal; undefined for anything else or when it holds `*spread`. */
export function literalItems(node: Node | null | undefined): { container: Node; items: Node[] } | undefined {
  const container = node ? unparenthesize(node) : undefined;
  if (container?.type !== "list" && container?.type !== "tuple") return undefined;
  const items = container.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  if (items.some((i) => i.type === "list_splat")) return undefined;
  return { container, items };
}

/** A list/tuple/dict literal as the item list the call helpers edit. */
export function itemList(container: Node, items: Node[]): ItemList {
  return { open: container.child(0)!, close: container.child(container.childCount - 1)!, items };
}

/** Removes one entry of a dict (or list) literal with its comma, keeping the layout; undefined if a comment is in the way. */
export function removeEntry(source: string, container: Node, entry: Node): Edit[] | undefined {
  const entries = container.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  const comments = container.namedChildren.filter((c): c is Node => c !== null && c.type === "comment");
  const args: CallArgs = {
    call: container, list: container, args: entries, positional: entries, keywords: new Map(),
    listSplat: false, dictSplat: false, comments,
  };
  return removeArgument(source, args, entry);
}
