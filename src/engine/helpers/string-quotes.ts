// String literals written into code that may sit inside an f-string's `{...}`. Before Python 3.12
// an f-string's expressions cannot use the f-string's own quote character: `f"{h("x")}"` is a
// SyntaxError there, though tree-sitter (and Python 3.12+) accept it. So the quote of a new
// literal is chosen from what the enclosing f-strings leave free.
import type { Node } from "../parser.js";

const QUOTE_AT_END = /(?:"""|'''|"|')$/;

/** The quote characters the f-strings around `node` forbid in code written there, or undefined if unknown. */
function takenQuotes(node: Node): Set<string> | undefined {
  const taken = new Set<string>();
  for (let at: Node | null = node; at; at = at.parent) {
    if (at.type !== "interpolation") continue;
    const start = at.parent?.type === "string" ? at.parent.child(0) : null;
    const quote = QUOTE_AT_END.exec(start?.text ?? "")?.[0];
    if (quote === undefined) return undefined;
    // In a triple-quoted f-string a lone quote character does not end the string.
    if (quote.length === 1) taken.add(quote);
  }
  return taken;
}

/** True when `text` may replace code at `node`: it holds no quote an enclosing f-string forbids. */
export function fitsAt(node: Node, text: string): boolean {
  const taken = takenQuotes(node);
  return taken !== undefined && ![...taken].some((q) => text.includes(q));
}

/**
 * The quote character a new string literal at `node` may use: `"` when it is free, else `'`, or
 * undefined when the enclosing f-strings use both (nested f-strings with both quote kinds).
 */
export function freeQuote(node: Node): '"' | "'" | undefined {
  const taken = takenQuotes(node);
  if (!taken) return undefined;
  if (!taken.has('"')) return '"';
  return taken.has("'") ? undefined : "'";
}

/** `text` as a string literal that may stand at `node`, or undefined (see freeQuote). */
export function quotedAt(node: Node, text: string): string | undefined {
  const quote = freeQuote(node);
  return quote === undefined ? undefined : `${quote}${text}${quote}`;
}
