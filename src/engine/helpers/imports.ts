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

export function formatImportName(entry: ImportName): string {
  return entry.alias ? `${entry.name} as ${entry.alias}` : entry.name;
}

export function fromImportLine(module: string, names: ImportName[]): string {
  const unique = [...new Set(names.map(formatImportName))].sort();
  return `from ${module} import ${unique.join(", ")}`;
}

/** The `dotted_name` / `aliased_import` entries of an import statement. */
export function importEntries(statement: Node): Node[] {
  return statement.childrenForFieldName("name").filter((n): n is Node => n !== null);
}

const ENTRY_ALONE_AFTER = /^[ \t]*,?[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/;

function entryOwnsLine(source: string, entry: Node): boolean {
  return (
    source.slice(lineStart(source, entry.startIndex), entry.startIndex).trim() === "" &&
    ENTRY_ALONE_AFTER.test(source.slice(entry.endIndex))
  );
}

/**
 * Applies per-entry changes (new text, or null to drop the entry). Returns undefined when the
 * layout cannot be kept safely (comments interleaved with entries that must be rejoined).
 */
export function rewriteImportEntries(source: string, statement: Node, changes: Map<number, string | null>): Edit[] | undefined {
  const entries = importEntries(statement);
  const kept = entries.filter((e) => changes.get(e.id) !== null);
  if (kept.length === 0) return removeStatement(source, statement);
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const region = source.slice(first.startIndex, last.endIndex);
  const rejoin = (): Edit[] | undefined => {
    if (region.includes("#")) return undefined;
    const text = kept.map((e) => changes.get(e.id) ?? e.text).join(", ");
    return [{ start: first.startIndex, end: last.endIndex, text }];
  };
  const multiLine = /[\r\n]/.test(region);
  const parenthesized = statement.children.some((c) => c?.type === "(");
  if (!multiLine || !parenthesized) return rejoin();
  const edits: Edit[] = [];
  for (const entry of entries) {
    const change = changes.get(entry.id);
    if (change === undefined) continue;
    if (change !== null) {
      edits.push({ start: entry.startIndex, end: entry.endIndex, text: change });
    } else if (entryOwnsLine(source, entry)) {
      edits.push({ start: lineStart(source, entry.startIndex), end: lineEndWithNewline(source, entry.endIndex), text: "" });
    } else {
      return rejoin();
    }
  }
  return edits;
}
