// Small helpers shared by the version-check rules: deciding `django.VERSION <op> (X, Y)` for a
// target, and re-indenting a block's text when it moves out of the compound statement holding it.
import type { Edit } from "../edits.js";
import type { Facts } from "../facts.js";
import { innerComments, ownsItsLines, removeStatement } from "./statements.js";
import type { Node } from "../parser.js";
import { indentAt, lineEndWithNewline, lineStart } from "../text.js";

const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** The expression inside any number of parentheses. */
export function unparenthesize(node: Node): Node {
  let current = node;
  while (current.type === "parenthesized_expression" && current.namedChildCount === 1) {
    const inner = current.namedChild(0)!;
    if (inner.type === "comment") break;
    current = inner;
  }
  return current;
}

/**
 * The truth of `condition` for every Django release at or after `target` ("4.2"), when it is
 * `<module>.VERSION <op> (X,)` / `(X, Y)` with `<module>` resolving to `import django` (any alias),
 * `<op>` one of `<`, `<=`, `>`, `>=` and X, Y plain decimal integers. Undefined when the condition
 * has another shape or depends on a release newer than the target.
 */
export function djangoVersionCheck(facts: Facts, source: string, condition: Node, target: string): boolean | undefined {
  const comparison = unparenthesize(condition);
  if (comparison.type !== "comparison_operator") return undefined;
  const operands = comparison.namedChildren.filter((c): c is Node => c !== null && c.type !== "line_continuation");
  if (operands.length !== 2) return undefined;
  const operators = comparison.childrenForFieldName("operators").filter((o): o is Node => o !== null);
  if (operators.length !== 1) return undefined;
  const op = operators[0]!.type;
  if (op !== "<" && op !== "<=" && op !== ">" && op !== ">=") return undefined;
  const left = operands[0]!;
  const right = unparenthesize(operands[1]!);
  if (left.type !== "attribute" || left.childForFieldName("attribute")?.text !== "VERSION") return undefined;
  if (left.childForFieldName("object")?.type !== "identifier") return undefined;
  if (facts.qualifiedName(left) !== "django.VERSION") return undefined;
  // Nothing but spaces and line continuations around the operator: comments would be lost.
  if (!/^[\s\\]*$/.test(source.slice(left.endIndex, operators[0]!.startIndex))) return undefined;
  if (right.type !== "tuple") return undefined;
  const items = right.namedChildren.filter((c): c is Node => c !== null);
  if (items.length < 1 || items.length > 2 || items.some((i) => i.type !== "integer" || !DECIMAL.test(i.text))) return undefined;
  const wanted = items.map((i) => Number(i.text));
  const [major, minor] = target.split(".").map(Number) as [number, number];
  // Every release from the target on has VERSION = (major, minor, micro, level, serial), a longer
  // tuple than (X, Y): when (major, minor) >= (X, Y) it compares greater than (X, Y).
  const reached = wanted.length === 1 ? major >= wanted[0]! : major > wanted[0]! || (major === wanted[0]! && minor >= wanted[1]!);
  if (!reached) return undefined;
  return op === ">" || op === ">=";
}

/** True when a string in `node` spans more than one line (its text must not be re-indented). */
export function hasMultilineString(node: Node, source: string): boolean {
  const text = source.slice(node.startIndex, node.endIndex);
  if (!/["']/.test(text) || !/[\r\n]/.test(text)) return false;
  for (const s of node.descendantsOfType(["string", "concatenated_string"])) {
    if (s && /[\r\n]/.test(s.text) && s.type === "string") return true;
  }
  return false;
}

/**
 * The text of `block` (a statement block), re-indented so that its first line starts at the
 * position of `replaced` (which begins its line) instead. Lines that are blank stay blank; lines
 * indented less than the block (inside brackets, comments) lose what leading space they have, up
 * to the difference. Undefined when the block's indentation does not extend `replaced`'s.
 */
export function dedentBlock(source: string, block: Node, replaced: Node): string | undefined {
  // Comments on their own lines between the clause's `:` and its first statement belong to it.
  let start = block.startIndex;
  for (let prev = block.previousSibling; prev && prev.type === "comment"; prev = prev.previousSibling) {
    if (source.slice(lineStart(source, prev.startIndex), prev.startIndex).trim() !== "") break;
    start = prev.startIndex;
  }
  const outer = indentAt(source, replaced.startIndex);
  const inner = indentAt(source, start);
  const sameLine = lineStart(source, start) === lineStart(source, replaced.startIndex);
  // In a CRLF file a trailing comment's node ends with the "\r" of its line ending: leave that to
  // the text after the replaced statement, or the line would end in "\r\r\n".
  const text = source.slice(start, block.endIndex).replace(/\r$/, "");
  if (sameLine) {
    // `if c: a(); b()`: a single line, nothing to re-indent.
    return /[\r\n]/.test(text) ? undefined : text;
  }
  if (!inner.startsWith(outer) || inner.length === outer.length) return undefined;
  const extra = inner.slice(outer.length);
  const lines = text.split(/(\r\n|\r|\n)/);
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i += 2) {
    const newline = lines[i]!;
    let line = lines[i + 1]!;
    if (line.startsWith(inner)) line = outer + line.slice(inner.length);
    else if (line.trim() === "") line = "";
    else {
      let strip = 0;
      while (strip < extra.length && (line[strip] === " " || line[strip] === "\t")) strip++;
      line = line.slice(strip);
    }
    out += newline + line;
  }
  return out;
}

/**
 * Deletes a statement that has its lines to itself together with the blank lines that separated
 * it from its neighbours: those after it, or, when it is the last of its block, those before it.
 * Falls back to removeStatement (which leaves `pass` in an emptied block) otherwise.
 */
export function removeStatementAndSpacing(source: string, statement: Node): Edit[] {
  const block = statement.parent;
  const siblings = block ? block.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment") : [];
  // An import with comments inside: removeStatement keeps those comments (the spacing stays).
  if (siblings.length <= 1 || !ownsItsLines(source, statement) || innerComments(statement).length > 0) return removeStatement(source, statement);
  let start = lineStart(source, statement.startIndex);
  let end = lineEndWithNewline(source, statement.endIndex);
  const blank = /^[ \t\f]*(?:\r\n|\r|\n)/;
  const last = siblings[siblings.length - 1]!.id === statement.id;
  if (!last) {
    for (let m = blank.exec(source.slice(end)); m; m = blank.exec(source.slice(end))) end += m[0].length;
  } else {
    while (start > 0) {
      const previous = lineStart(source, start - 1);
      if (source.slice(previous, start).trim() !== "") break;
      start = previous;
    }
  }
  return [{ start, end, text: "" }];
}
