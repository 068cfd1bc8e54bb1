// f-string replacement fields that only Python 3.12 and later parse (PEP 701): the enclosing
// string's own quote, a backslash or a comment inside `{...}`. tree-sitter-python accepts them
// all, so the re-parse check of transform.ts cannot see them; a rule that writes a quoted string
// into an f-string's `{...}` (`f"{request.is_ajax()}"` → `...headers.get("x-requested-with")`)
// would hand a SyntaxError to a project that still runs 3.11. The engine counts these fields
// before and after a pass and refuses a pass that adds one, whichever rule wrote it.
import type { Fix } from "./edits.js";
import type { Node } from "./parser.js";

/** A cheap first test: can this pass's edits have put such a field into the new text at all? */
export function mayAddNewerFStringFields(newText: string, fixes: readonly Fix[]): boolean {
  if (!/[fF][rR]?["']|[rR][fF]["']/.test(newText)) return false;
  for (const fix of fixes) for (const edit of fix.edits) if (/["'\\#]/.test(edit.text)) return true;
  return false;
}

/** How many replacement fields under `root` only Python 3.12+ parses. */
export function newerFStringFields(root: Node): number {
  let count = 0;
  for (const field of root.descendantsOfType("interpolation")) {
    const quote = enclosingQuote(field);
    if (quote && needsNewerPython(field, quote)) count++;
  }
  return count;
}

/** The closing quote of the f-string a replacement field sits in (`"`, `'''`, ...). */
function enclosingQuote(field: Node): string | undefined {
  let node = field.parent;
  while (node && node.type !== "string") node = node.parent;
  const start = node?.firstChild;
  if (!start || start.type !== "string_start" || !/[fF]/.test(start.text)) return undefined;
  return start.text.replace(/^[A-Za-z]+/, "");
}

function needsNewerPython(field: Node, quote: string): boolean {
  // The quote anywhere in the field (format spec included) ended the string before 3.12.
  if (field.text.includes(quote)) return true;
  // A backslash or `#` only in the expression: a format spec may hold both (`{n:#x}`).
  const spec = field.children.find((c) => c.type === "format_specifier" || c.type === "type_conversion");
  const expressionEnd = (spec ?? field.lastChild!).startIndex - field.startIndex;
  const expression = field.text.slice(1, expressionEnd);
  return expression.includes("\\") || expression.includes("#");
}
