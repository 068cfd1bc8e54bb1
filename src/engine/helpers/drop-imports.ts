// Dropping import names that a rewrite left without uses, without leaving a doubled blank line
// where a whole import statement was: the blank lines before it go with it when there are some
// (the spacing after it stays), the blank lines after it when it was the first line of the file.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { lineEndWithNewline, lineStart } from "../text.js";
import { importEntries, rewriteImportEntries } from "./imports.js";
import { innerComments, ownsItsLines, removeStatement, replaceStatement } from "./statements.js";
import { removeStatementAndSpacing } from "./versioned-code.js";

/** Deletes a whole import statement and the blank lines it would leave doubled. */
export function removeImportStatement(source: string, statement: Node): Edit[] {
  // An import with comments inside: removeStatement keeps those comments (the spacing stays).
  if (!ownsItsLines(source, statement) || innerComments(statement).length > 0) return removeStatement(source, statement);
  const own = lineStart(source, statement.startIndex);
  let start = own;
  while (start > 0) {
    const previous = lineStart(source, start - 1);
    if (source.slice(previous, start).trim() !== "") break;
    start = previous;
  }
  if (start === 0) return removeStatementAndSpacing(source, statement);
  if (start === own) return removeStatement(source, statement);
  return [{ start, end: lineEndWithNewline(source, statement.endIndex), text: "" }];
}

/** Puts `lines` (new imports, maybe none) in place of a whole import statement; with none, removes it as removeImportStatement does. */
export function replaceImportStatement(source: string, statement: Node, lines: readonly string[], newline: string): Edit[] {
  return lines.length > 0 ? [replaceStatement(source, statement, [...lines], newline)] : removeImportStatement(source, statement);
}

/** Drops some names of an import statement; the whole statement (with its spacing) when none is left. */
export function dropImportEntries(source: string, statement: Node, dropped: ReadonlyMap<number, null>): Edit[] | undefined {
  if (importEntries(statement).every((e) => dropped.has(e.id))) return removeImportStatement(source, statement);
  return rewriteImportEntries(source, statement, new Map(dropped));
}
