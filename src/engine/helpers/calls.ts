// Call-shape helpers: find the calls of a known callable (resolved through the module facts), read
// their argument lists, and insert or remove one argument while keeping the call's layout (a
// one-line call stays on one line; in a call with one argument per line the new argument gets its
// own line at the same indentation, with the trailing-comma habit of the call).
import type { Edit } from "../edits.js";
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { indentAt, lineEndWithNewline, lineStart } from "../text.js";

export interface CallArgs {
  call: Node;
  /** The `argument_list` node, parentheses included. */
  list: Node;
  /** Every argument in order (comments excluded). */
  args: Node[];
  /** Plain positional arguments (`*args` excluded). */
  positional: Node[];
  /** `name=value` arguments by name. */
  keywords: Map<string, Node>;
  /** A `*args` argument is present. */
  listSplat: boolean;
  /** A `**kwargs` argument is present. */
  dictSplat: boolean;
  /** Comments inside the parentheses. */
  comments: Node[];
}

/** The arguments of a call, or undefined for `f(x for x in y)` and broken calls. */
export function callArgs(call: Node): CallArgs | undefined {
  const list = call.childForFieldName("arguments");
  if (!list || list.type !== "argument_list") return undefined;
  const out: CallArgs = {
    call, list, args: [], positional: [], keywords: new Map(), listSplat: false, dictSplat: false, comments: [],
  };
  for (const child of list.namedChildren) {
    if (!child || child.type === "line_continuation") continue;
    if (child.type === "comment") {
      out.comments.push(child);
      continue;
    }
    out.args.push(child);
    if (child.type === "keyword_argument") {
      const name = child.childForFieldName("name");
      if (!name) return undefined;
      out.keywords.set(name.text, child);
    } else if (child.type === "list_splat") out.listSplat = true;
    else if (child.type === "dictionary_splat") out.dictSplat = true;
    else out.positional.push(child);
  }
  return out;
}

/** The call whose callee is exactly `expression`, if any. */
export function callOf(expression: Node): Node | undefined {
  const parent = expression.parent;
  return parent?.type === "call" && parent.childForFieldName("function")?.id === expression.id ? parent : undefined;
}

/**
 * The expression an identifier stands for as a callee: the identifier itself (`f`), or the
 * attribute it names (`m.f` for the `f`); undefined when it is not in a callee position.
 */
export function calleeExpression(id: Node): Node | undefined {
  const parent = id.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) {
    return callOf(parent) ? parent : undefined;
  }
  return callOf(id) ? id : undefined;
}

export interface FoundCall {
  call: Node;
  /** `f` or `m.f`. */
  callee: Node;
  /** What the callee resolves to. */
  qualified: string;
}

/**
 * Calls, anywhere in the file, of callables whose qualified names are given
 * (`django.utils.crypto.get_random_string`), however they were imported: directly, under an
 * alias, or as an attribute of an imported module. Found by searching the text for the names
 * they can be written as, so the cost follows the mentions, not the size of the tree.
 */
export function callsTo(facts: Facts, qualifiedNames: Iterable<string>): FoundCall[] {
  const wanted = new Set(qualifiedNames);
  const words = new Set([...wanted].map((q) => q.slice(q.lastIndexOf(".") + 1)));
  for (const binding of facts.imports) if (binding.alias && wanted.has(binding.qualified)) words.add(binding.alias);
  const seen = new Set<number>();
  const found: FoundCall[] = [];
  for (const word of words) {
    for (const id of facts.identifiers(word)) {
      const callee = calleeExpression(id);
      if (!callee) continue;
      const call = callOf(callee)!;
      if (seen.has(call.id)) continue;
      const qualified = facts.qualifiedName(callee);
      if (qualified === undefined || !wanted.has(qualified)) continue;
      seen.add(call.id);
      found.push({ call, callee, qualified });
    }
  }
  return found.sort((a, b) => a.call.startIndex - b.call.startIndex);
}

function sameLine(source: string, a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !/[\r\n]/.test(source.slice(from, to));
}

/** True when nothing but indentation precedes the node on its line. */
function startsLine(source: string, node: Node): boolean {
  return source.slice(lineStart(source, node.startIndex), node.startIndex).trim() === "";
}

/** The `,` token directly after an argument (comments may sit between), if any. */
function commaAfter(arg: Node): Node | undefined {
  for (let next = arg.nextSibling; next; next = next.nextSibling) {
    if (next.type === ",") return next;
    if (next.type !== "comment" && next.type !== "line_continuation") return undefined;
  }
  return undefined;
}

/** Index of the end of the line holding `index`, before its newline. */
function lineEnd(source: string, index: number): number {
  let i = index;
  while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
  return i;
}

const ONLY_COMMENT_TO_EOL = /^[ \t\f]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/;

/** A comma-separated list of items between two tokens: a call's arguments, an import's names. */
export interface ItemList {
  /** The token before the first item: `(`, or `import` in an import without parentheses. */
  open: Node;
  /** The closing `)`, or null when the list is not parenthesised (no new lines may be started). */
  close: Node | null;
  items: Node[];
}

/**
 * Inserts the item `text` so that it becomes item number `index` (0: first; items.length: last).
 * Layout is kept: in a parenthesised list with one item per line the new one gets its own line,
 * with the indentation and the trailing-comma habit of its neighbours; otherwise `, ` joins it.
 */
export function insertItem(source: string, list: ItemList, index: number, text: string, newline: string): Edit[] {
  const { open, close, items } = list;
  const before = index > 0 ? items[index - 1] : undefined;
  const after = items[index];
  if (after) {
    // `(\n    a,\n    b,\n)`: a line of its own above the item that follows.
    const previousEnd = before ? before.endIndex : open.endIndex;
    if (close && startsLine(source, after) && !sameLine(source, previousEnd, after.startIndex)) {
      const at = lineStart(source, after.startIndex);
      return [{ start: at, end: at, text: `${indentAt(source, after.startIndex)}${text},${newline}` }];
    }
    if (before) return [{ start: before.endIndex, end: before.endIndex, text: `, ${text}` }];
    return [{ start: after.startIndex, end: after.startIndex, text: `${text}, ` }];
  }
  if (!before) return [{ start: open.endIndex, end: open.endIndex, text }];
  // Appending after the last item.
  if (close && startsLine(source, before) && !sameLine(source, before.endIndex, close.startIndex)) {
    const comma = commaAfter(before);
    const indent = indentAt(source, before.startIndex);
    const from = comma ? comma.endIndex : before.endIndex;
    // The rest of that line may only hold a comment: the new line goes after it.
    if (ONLY_COMMENT_TO_EOL.test(source.slice(from))) {
      const eol = lineEnd(source, from);
      if (comma) return [{ start: eol, end: eol, text: `${newline}${indent}${text},` }];
      return [
        { start: before.endIndex, end: before.endIndex, text: "," },
        { start: eol, end: eol, text: `${newline}${indent}${text}` },
      ];
    }
  }
  return [{ start: before.endIndex, end: before.endIndex, text: `, ${text}` }];
}

/** The argument list of a call as an ItemList. */
export function argumentItems(args: CallArgs): ItemList {
  const { list } = args;
  return { open: list.child(0)!, close: list.child(list.childCount - 1)!, items: args.args };
}

/**
 * Inserts the argument `text` (`name=value`) so that it becomes argument number `index`
 * (0: first; args.args.length: last), keeping the call's layout (see insertItem).
 */
export function insertArgument(source: string, args: CallArgs, index: number, text: string, newline: string): Edit[] {
  return insertItem(source, argumentItems(args), index, text, newline);
}

/**
 * Removes one argument with its comma (and the comment on its line). Returns undefined when that
 * would also delete a comment that belongs to something else.
 */
export function removeArgument(source: string, args: CallArgs, arg: Node): Edit[] | undefined {
  const index = args.args.findIndex((a) => a.id === arg.id);
  if (index < 0) return undefined;
  const { list } = args;
  const open = list.child(0)!;
  const close = list.child(list.childCount - 1)!;
  const comma = commaAfter(arg);
  const end = comma ? comma.endIndex : arg.endIndex;
  if (args.args.length === 1 && args.comments.every((c) => c.startIndex > arg.startIndex && sameLine(source, arg.endIndex, c.startIndex))) {
    // The only argument (and its own comment): `f(\n    x=1,  # c\n)` → `f()`.
    return [{ start: open.endIndex, end: close.startIndex, text: "" }];
  }
  if (startsLine(source, arg) && ONLY_COMMENT_TO_EOL.test(source.slice(end))) {
    // The argument has its lines to itself: they go, with the comment that ends them.
    const at = lineStart(source, arg.startIndex);
    const stop = lineEndWithNewline(source, end);
    if (source.slice(arg.endIndex, end).includes("#")) return undefined;
    // Never leave the closing parenthesis alone on the line of an argument that had a trailing comma.
    if (stop <= close.startIndex) return [{ start: at, end: stop, text: "" }];
  }
  const next = args.args[index + 1];
  if (next) {
    const removed = source.slice(arg.startIndex, next.startIndex);
    if (removed.slice(end - arg.startIndex).includes("#") && !sameLine(source, end, next.startIndex)) {
      // `x=1,  # about x` + newline + `next`: the comment goes with x.
      return [{ start: arg.startIndex, end: next.startIndex, text: "" }];
    }
    if (source.slice(arg.endIndex, end).includes("#")) return undefined;
    return [{ start: arg.startIndex, end: next.startIndex, text: "" }];
  }
  const previous = args.args[index - 1];
  if (previous) {
    if (source.slice(previous.endIndex, arg.endIndex).includes("#")) return undefined;
    return [{ start: previous.endIndex, end: arg.endIndex, text: "" }];
  }
  if (source.slice(arg.endIndex, end).includes("#")) return undefined;
  return [{ start: arg.startIndex, end, text: "" }];
}

/** True when `ancestor` is `node` or contains it. */
function encloses(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n.id === ancestor.id) return true;
  return false;
}

/**
 * True when `name`, written at `site`, would mean an import of one of `qualified` that has surely
 * run by then: every binding it resolves to is such an import, and one of them stands in a block
 * enclosing the site (before it, when the site runs in order with that block).
 */
export function importedAt(facts: Facts, name: string, site: Node, qualified: ReadonlySet<string>): boolean {
  const resolution = facts.resolveName(name, site);
  if (!resolution.scope || resolution.uncertain) return false;
  const imports = resolution.bindings.map((b) => (b.star ? undefined : facts.importForLocal(b.node)));
  if (imports.length === 0 || imports.some((i) => !i || !qualified.has(i.qualified))) return false;
  return imports.some(
    (i) =>
      i!.statement.parent !== null && encloses(i!.statement.parent, site) &&
      (!resolution.immediate || i!.statement.endIndex <= site.startIndex),
  );
}

/**
 * After the callee of a call changes length by `delta` characters, arguments aligned with the
 * opening parenthesis on continuation lines (`f(a,\n  b)` with b under a) move along, so the
 * alignment survives. Other layouts (hanging indents) are not touched.
 */
export function realignArguments(source: string, args: CallArgs, delta: number): Edit[] {
  if (delta === 0) return [];
  const open = args.list.child(0)!;
  const column = open.endIndex - lineStart(source, open.endIndex);
  const edits: Edit[] = [];
  const children = args.list.namedChildren.filter((c): c is Node => c !== null);
  for (const child of children) {
    const start = lineStart(source, child.startIndex);
    if (start <= open.endIndex || child.startIndex - start !== column) continue;
    if (!/^[ ]*$/.test(source.slice(start, child.startIndex))) continue;
    if (delta > 0) edits.push({ start, end: start, text: " ".repeat(delta) });
    else if (column + delta >= 0) edits.push({ start, end: start - delta, text: "" });
  }
  return edits;
}
