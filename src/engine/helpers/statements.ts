// Statement-level edits that keep the file valid: delete a statement (leaving `pass` when it was
// the only one in its block) and insert new lines directly above a statement at its indentation.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { indentAt, lineEndWithNewline, lineStart } from "../text.js";

const REST_OF_LINE_IS_BLANK = /^[ \t\f]*(?:#[^\r\n]*)?(?:\r\n|\r|\n|$)/;

/** True when nothing but indentation precedes the node on its first line. */
export function startsLine(source: string, node: Node): boolean {
  return source.slice(lineStart(source, node.startIndex), node.startIndex).trim() === "";
}

/** True when the node has its lines to itself (a trailing comment is allowed). */
export function ownsItsLines(source: string, node: Node): boolean {
  return startsLine(source, node) && REST_OF_LINE_IS_BLANK.test(source.slice(node.endIndex));
}

/** The statements of the block holding `statement`, comments excluded. */
function siblingStatements(statement: Node): Node[] {
  const block = statement.parent;
  if (!block) return [statement];
  return block.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
}

/** Deletes a whole statement with its line (and trailing comment); a lone statement becomes `pass`. */
export function removeStatement(source: string, statement: Node): Edit[] {
  const block = statement.parent;
  const only = block?.type === "block" && siblingStatements(statement).length === 1;
  if (only || !ownsItsLines(source, statement)) {
    return [{ start: statement.startIndex, end: statement.endIndex, text: "pass" }];
  }
  return [{ start: lineStart(source, statement.startIndex), end: lineEndWithNewline(source, statement.endIndex), text: "" }];
}

/** Inserts `lines` above `statement`, each on its own line at the statement's indentation. */
export function insertAbove(source: string, statement: Node, lines: string[], newline: string): Edit {
  if (startsLine(source, statement)) {
    const indent = indentAt(source, statement.startIndex);
    const at = lineStart(source, statement.startIndex);
    return { start: at, end: at, text: lines.map((line) => indent + line + newline).join("") };
  }
  // `if x: import y` — the statement shares its line, so join the new ones with semicolons.
  return { start: statement.startIndex, end: statement.startIndex, text: lines.map((l) => `${l}; `).join("") };
}
