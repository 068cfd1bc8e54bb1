// Cheap textual scans that run before parsing, for rule prechecks: a Python-aware enough scanner
// that skips strings and comments, so a precheck can look at call arguments without a tree.
// Any surprise makes these functions answer "maybe", never "no", so a precheck can only save
// work, not hide it.

/** Index just past the string literal starting at `at` (quote or prefix), or -1 if unterminated. */
function skipString(text: string, at: number): number {
  let i = at;
  while (i < text.length && /[rRbBuUfF]/.test(text[i]!)) i++;
  const quote = text[i];
  if (quote !== '"' && quote !== "'") return -1;
  const triple = text.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  i += close.length;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
    if (!triple && (c === "\n" || c === "\r")) return -1;
    i++;
  }
  return -1;
}

/**
 * The top-level text between the parentheses of the call whose `(` is at `open`: strings, comments
 * and anything inside nested brackets are blanked out, so a keyword found in it is one of this
 * call's own arguments. Undefined when the parentheses cannot be matched with confidence.
 */
export function callArgumentsText(text: string, open: number): string | undefined {
  let depth = 0;
  let out = "";
  let i = open;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "#") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (c === '"' || c === "'" || (/[rRbBuUfF]/.test(c) && /^[rRbBuUfF]{1,2}["']/.test(text.slice(i, i + 3)) && !/[\w]/.test(text[i - 1] ?? ""))) {
      const end = skipString(text, i);
      if (end < 0) return undefined;
      out += " ";
      i = end;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return out.slice(1);
    }
    out += depth === 1 ? c : " ";
    i++;
  }
  return undefined;
}

/**
 * True when some call `name(` (any of `names`) in the text might lack the keyword argument
 * `keyword`: the precheck of rules that add a missing argument.
 */
export function someCallLacksKeyword(text: string, names: readonly string[], keyword: string): boolean {
  // `from m import ForeignKey as FK`: calls are spelled differently, so look no further.
  if (new RegExp(`(?<![\\w])(?:${names.join("|")})\\s+as\\s`).test(text)) return true;
  const call = new RegExp(`(?<![\\w])(?:${names.join("|")})\\s*\\(`, "g");
  const has = new RegExp(`(?<![\\w])${keyword}\\s*=`);
  for (let m = call.exec(text); m !== null; m = call.exec(text)) {
    const args = callArgumentsText(text, m.index + m[0].length - 1);
    if (args === undefined || !has.test(args)) return true;
  }
  return false;
}

/**
 * True when some call `name(` (any of `names`, also as `obj.name(`) in the text might have
 * arguments that pass `test` (their top-level text, nested brackets and strings blanked): the
 * precheck of rules that rewrite one argument shape. An `import name as alias` answers true,
 * since the calls are then spelled differently.
 */
export function someCallArguments(text: string, names: readonly string[], test: (args: string) => boolean): boolean {
  if (new RegExp(`(?<![\\w])(?:${names.join("|")})\\s+as\\s`).test(text)) return true;
  const call = new RegExp(`(?<![\\w])(?:${names.join("|")})\\s*\\(`, "g");
  for (let m = call.exec(text); m !== null; m = call.exec(text)) {
    const args = callArgumentsText(text, m.index + m[0].length - 1);
    if (args === undefined || test(args)) return true;
  }
  return false;
}
