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

const STAR_IMPORT = /\bimport[\s\\]*\*/;

/**
 * Whether the text might use names of the package `top` (`django`, `flask`): it spells the package,
 * or has a star import, through which a project module may hand on the package's names unspelled.
 * The precheck of rules that act only on names that resolve into one package.
 */
export function mayUsePackage(text: string, top: string): boolean {
  return new RegExp(`(?<![\\w.])${top}(?![\\w])`).test(text) || STAR_IMPORT.test(text);
}

/**
 * A text check that a file might reach one of the dotted names (`flask.helpers.total_seconds`)
 * through an explicit import or an attribute chain, the two ways `facts.imports` and
 * `facts.qualifiedName` see one. Both spell every part somewhere (`from flask import helpers`
 * then `helpers.total_seconds`), so a name with a part missing is out; but a star import may bind
 * the object of a chain unspelled (a project module's `from flask import helpers`), so with one
 * in the file `.total_seconds` is enough. Not for rules that act on a bare name a star import
 * binds. One scan collects the words present.
 */
export function mayReachNames(qualified: readonly string[]): (text: string) => boolean {
  const parts = qualified.map((n) => n.split("."));
  const words = new RegExp(`(?<![\\w])(?:${[...new Set(parts.flat())].join("|")})(?![\\w])`, "g");
  const attribute = new RegExp(`\\.[\\s\\\\]*(?:${[...new Set(parts.map((p) => p.at(-1)!))].join("|")})(?![\\w])`);
  return (text) => {
    const present = new Set(text.match(words));
    if (parts.some((p) => p.every((w) => present.has(w)))) return true;
    return STAR_IMPORT.test(text) && attribute.test(text);
  };
}
