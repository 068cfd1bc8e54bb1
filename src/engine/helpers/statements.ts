// Statement-level edits that keep the file valid: delete a statement (leaving `pass` when it was
// the only one in its block) and insert new lines directly above a statement at its indentation.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { indentAt, lineEndWithNewline, lineStart, newlineOf } from "../text.js";

const REST_OF_LINE_IS_BLANK = /^[ \t\f]*(?:#[^\r\n]*)?(?:\r\n|\r|\n|$)/;
const SEMICOLON_AFTER = /^[ \t\f]*;[ \t\f]*/;
const SEMICOLON_BEFORE = /[ \t\f]*;[ \t\f]*$/;

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

/**
 * Deletes a whole statement with its line (and trailing comment); a lone statement becomes `pass`.
 * A statement that shares its line through semicolons (`a = 1; old = 2`) goes with its semicolon.
 */
export function removeStatement(source: string, statement: Node): Edit[] {
  const block = statement.parent;
  const only = block?.type === "block" && siblingStatements(statement).length === 1;
  // Comments written inside a multi-line import (`from m import (  # why`) are the user's: they
  // stay, on their own lines where the statement was.
  const kept = innerComments(statement);
  if (only) {
    const indent = kept.length > 0 ? newlineOf(source) + indentAt(source, statement.startIndex) : "";
    return [{ start: statement.startIndex, end: statement.endIndex, text: kept.map((c) => c + indent).join("") + "pass" }];
  }
  if (ownsItsLines(source, statement)) {
    const start = lineStart(source, statement.startIndex);
    const end = lineEndWithNewline(source, statement.endIndex);
    if (kept.length === 0) return [{ start, end, text: "" }];
    const indent = indentAt(source, statement.startIndex);
    const newline = newlineOf(source);
    // The trailing comment on the last line, if any, goes with the lines it ends.
    const trailing = /#[^\r\n]*/.exec(source.slice(statement.endIndex, end));
    const lines = trailing ? [...kept, trailing[0]] : kept;
    const lineEnd = /(?:\r\n|\r|\n)$/.exec(source.slice(start, end))?.[0] ?? "";
    return [{ start, end, text: lines.map((c) => indent + c).join(newline) + lineEnd }];
  }
  const after = SEMICOLON_AFTER.exec(source.slice(statement.endIndex));
  const before = SEMICOLON_BEFORE.exec(source.slice(lineStart(source, statement.startIndex), statement.startIndex));
  if (before) return [{ start: statement.startIndex - before[0].length, end: statement.endIndex, text: "" }];
  if (after) {
    const end = statement.endIndex + after[0].length;
    // `old = 2;` alone on its line: the whole line goes.
    if (startsLine(source, statement) && REST_OF_LINE_IS_BLANK.test(source.slice(end))) {
      return [{ start: lineStart(source, statement.startIndex), end: lineEndWithNewline(source, end), text: "" }];
    }
    return [{ start: statement.startIndex, end, text: "" }];
  }
  return [{ start: statement.startIndex, end: statement.endIndex, text: "pass" }];
}

/**
 * Replaces a statement by `lines`, on its own lines at its indentation (joined with semicolons when
 * it shares its line). Text after the statement on its line, such as a comment, stays.
 */
export function replaceStatement(source: string, statement: Node, lines: string[], newline: string): Edit {
  const separator = startsLine(source, statement) ? newline + indentAt(source, statement.startIndex) : "; ";
  return { start: statement.startIndex, end: statement.endIndex, text: lines.join(separator) };
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

const IMPORTS = new Set(["import_statement", "import_from_statement", "future_import_statement"]);

/**
 * The comments written inside an import statement's own range (never one after it on its line):
 * they describe the code around the import, so they outlive it. Other statements' comments go
 * with them (dead code takes its comments along).
 */
export function innerComments(statement: Node): string[] {
  if (!IMPORTS.has(statement.type) || !statement.text.includes("#")) return [];
  return statement.descendantsOfType("comment").flatMap((c) => (c ? [c.text.replace(/\r$/, "")] : []));
}
