// Editing the name list of an import statement in place: rename entries, drop entries, keep
// parentheses, line layout and comments of the entries that stay.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { lineEndWithNewline, lineStart } from "../text.js";
import { removeStatement } from "./statements.js";

export interface ImportName {
  name: string;
  alias?: string | null;
}

/** `name as alias`, or just `name` when there is no alias or it repeats the name. */
export function formatImportName(entry: ImportName): string {
  return entry.alias && entry.alias !== entry.name ? `${entry.name} as ${entry.alias}` : entry.name;
}

export function fromImportLine(module: string, names: ImportName[]): string {
  const unique = [...new Set(names.map(formatImportName))].sort();
  return `from ${module} import ${unique.join(", ")}`;
}

/** The `dotted_name` / `aliased_import` entries of an import statement. */
export function importEntries(statement: Node): Node[] {
  return statement.childrenForFieldName("name").filter((n): n is Node => n !== null);
}

const REST_OF_ENTRY_LINE = /^[ \t]*,?[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/;
const COMMA_AFTER = /^[ \t]*,[ \t]*/;

/** True when the entries `first`..`last` (one line of a parenthesised import) have that line to themselves. */
function entriesOwnLine(source: string, first: Node, last: Node): boolean {
  return (
    source.slice(lineStart(source, first.startIndex), first.startIndex).trim() === "" &&
    REST_OF_ENTRY_LINE.test(source.slice(last.endIndex))
  );
}

/** The entries grouped by the physical line they stand on, in order. */
function entryLines(source: string, entries: Node[]): Node[][] {
  const lines: Node[][] = [];
  for (const entry of entries) {
    const line = lines[lines.length - 1];
    const previous = line?.[line.length - 1];
    if (line && previous && !/[\r\n]/.test(source.slice(previous.endIndex, entry.startIndex))) line.push(entry);
    else lines.push([entry]);
  }
  return lines;
}

/** Sorts edits and fuses deletions that overlap or touch; undefined when other edits collide. */
function mergeDeletions(edits: Edit[]): Edit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && edit.start <= previous.end && !(edit.start === previous.end && (edit.text !== "" || previous.text !== ""))) {
      if (edit.text !== "" || previous.text !== "") return undefined;
      previous.end = Math.max(previous.end, edit.end);
      continue;
    }
    out.push({ ...edit });
  }
  return out;
}

/**
 * Applies per-entry changes (new text, or null to drop the entry). Renames touch only the entry;
 * a dropped entry takes its comma with it, a line of dropped entries in a parenthesised import
 * takes its whole line (and the comment on it). Returns undefined when no layout-keeping edit
 * exists. When every entry goes, the whole statement goes (see removeStatement).
 */
export function rewriteImportEntries(source: string, statement: Node, changes: Map<number, string | null>): Edit[] | undefined {
  const entries = importEntries(statement);
  const kept = entries.filter((e) => changes.get(e.id) !== null);
  if (kept.length === 0) return removeStatement(source, statement);
  const textOf = (entry: Node): string => changes.get(entry.id) ?? entry.text;
  const parenthesized = statement.children.some((c) => c?.type === "(");
  const lines = entryLines(source, entries);
  const edits: Edit[] = [];
  for (const [index, line] of lines.entries()) {
    const first = line[0]!;
    const last = line[line.length - 1]!;
    const staying = line.filter((e) => changes.get(e.id) !== null);
    if (staying.length === line.length) {
      for (const entry of line) {
        const change = changes.get(entry.id);
        if (typeof change === "string" && change !== entry.text) edits.push({ start: entry.startIndex, end: entry.endIndex, text: change });
      }
      continue;
    }
    if (staying.length > 0) {
      // Some entries of this line stay: write the line's entries again (no comment can sit between them).
      edits.push({ start: first.startIndex, end: last.endIndex, text: staying.map(textOf).join(", ") });
      continue;
    }
    // Every entry on this line goes.
    if (parenthesized && entriesOwnLine(source, first, last)) {
      edits.push({ start: lineStart(source, first.startIndex), end: lineEndWithNewline(source, last.endIndex), text: "" });
      continue;
    }
    const before = index > 0 ? lines[index - 1]![lines[index - 1]!.length - 1]! : undefined;
    const after = index + 1 < lines.length ? lines[index + 1]![0]! : undefined;
    if (before && !source.slice(before.endIndex, last.endIndex).includes("#")) {
      // `a, \` + `    old` → `a`; `(a,` + `  old)` → `(a)`
      edits.push({ start: before.endIndex, end: last.endIndex, text: "" });
    } else if (after && !source.slice(first.startIndex, after.startIndex).includes("#")) {
      // `(old,` + `  a)` → `(a)`
      edits.push({ start: first.startIndex, end: after.startIndex, text: "" });
    } else if (parenthesized) {
      // Comments on both sides: drop the entries and their comma, keep the comments where they are.
      const comma = COMMA_AFTER.exec(source.slice(last.endIndex));
      edits.push({ start: first.startIndex, end: last.endIndex + (comma ? comma[0].length : 0), text: "" });
    } else {
      return undefined;
    }
  }
  return mergeDeletions(edits);
}
