// Making `name` (from `module`) usable at some sites: nothing to do when it already means that
// import there, else one edit that adds it (to an existing single-line or parenthesised
// `from module import ...` at module level, or as a new line above the first import), or
// undefined when the name means something else somewhere it would be needed.
import type { Edit } from "../edits.js";
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { importedAt } from "./calls.js";
import { importEntries } from "./imports.js";
import { insertAbove } from "./statements.js";
import { indentAt, lineEndWithNewline } from "../text.js";

export function fromImportAt(facts: Facts, source: string, newline: string, module: string, name: string, sites: Node[]): Edit[] | undefined {
  const qualified = `${module}.${name}`;
  if (sites.every((site) => importedAt(facts, name, site, new Set([qualified])))) return [];
  const topLevel = facts.imports
    .filter((b) => b.statement.parent?.type === "module" && b.module !== "__future__")
    .sort((a, b) => a.statement.startIndex - b.statement.startIndex);
  const first = topLevel[0];
  if (!first || sites.some((site) => site.startIndex < first.statement.startIndex)) return undefined;
  const host = topLevel.find((b) => b.kind === "from" && b.module === module && !importEntries(b.statement).some((e) => e.type === "wildcard_import"));
  const insertAt = host ? host.statement.startIndex : first.statement.startIndex;
  if (!facts.nameIsFree(name, facts.root, sites, qualified, insertAt)) return undefined;
  if (host) {
    const entries = importEntries(host.statement);
    const last = entries[entries.length - 1];
    const text = host.statement.text;
    // `from m import a  # comment` and backslash continuations keep their layout: add the entry after the last one.
    if (last && text.includes("(") && /^[ \t]*,[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)/.test(source.slice(last.endIndex))) {
      // One entry a line with a trailing comma: a new line like the last one.
      const at = lineEndWithNewline(source, last.endIndex);
      return [{ start: at, end: at, text: `${indentAt(source, last.startIndex)}${name},${newline}` }];
    }
    if (last && (text.includes("(") || !/[\\\r\n]/.test(text))) return [{ start: last.endIndex, end: last.endIndex, text: `, ${name}` }];
  }
  return [insertAbove(source, first.statement, [`from ${module} import ${name}`], newline)];
}
