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

/** `a.b.c` as a pattern that allows what Python allows between the parts (`a . b`, a line continuation). */
function dottedPattern(dotted: string): string {
  return dotted.split(".").join("[\\s\\\\]*\\.[\\s\\\\]*");
}

/**
 * A text check that a file might reach one of the dotted names (`flask.helpers.total_seconds`)
 * the two ways `facts.imports` and `facts.qualifiedName` see one: `from flask.helpers import
 * total_seconds` (the name inside a `from` statement of its module), or an attribute chain:
 * `helpers.total_seconds` in a file that spells the package, or `.total_seconds` where the module
 * got an alias (`import flask.helpers as h`), or in any file with a star import, which may bind
 * the chain's object unspelled. With `bare`, for rules that also act on a name a star import binds (callsTo()
 * finds such calls), a star import and the plain word suffice. A name may be a module
 * (`werkzeug.contrib.atom`: `import werkzeug.contrib.atom` holds `.atom`). Anything unclear
 * (a comment inside a parenthesised import) answers yes.
 */
export function mayReachNames(qualified: readonly string[], options: { bare?: boolean } = {}): (text: string) => boolean {
  if (qualified.some((q) => !q.includes("."))) return () => true;
  // Built on the first question: a hundred rules define their precheck with this at start-up, and
  // a run asks only the few whose needles a file holds.
  let check: ((text: string) => boolean) | undefined;
  return (text) => (check ??= reachCheck(qualified, options))(text);
}

function reachCheck(qualified: readonly string[], options: { bare?: boolean }): (text: string) => boolean {
  const byModule = new Map<string, Set<string>>();
  for (const name of qualified) {
    const at = name.lastIndexOf(".");
    const module = name.slice(0, at);
    const set = byModule.get(module) ?? new Set<string>();
    set.add(name.slice(at + 1));
    byModule.set(module, set);
  }
  const fromImports = [...byModule].map(([module, names]) => ({
    statement: new RegExp(`(?<![\\w.])from[\\s\\\\]+${dottedPattern(module)}[\\s\\\\]+import(?![\\w])[\\s\\\\]*(\\([^)]*\\)?|(?:[^\\n\\r\\\\]|\\\\(?:\\r\\n|[^]))*)`, "g"),
    names,
  }));
  const lastNames = [...new Set(qualified.map((q) => q.slice(q.lastIndexOf(".") + 1)))].join("|");
  const attribute = new RegExp(`\\.[\\s\\\\]*(${lastNames})(?![\\w])`, "g");
  const bareWord = new RegExp(`(?<![\\w])(?:${lastNames})(?![\\w])`);
  // An attribute chain reaches the module through `module.name`, or through an alias the
  // module got in an import (`import flask.helpers as h`, `from flask import helpers as hp`);
  // either way the package is spelled in some import.
  const spelled = (w: string) => new RegExp(`(?<![\\w])${w}(?![\\w])`);
  const parents = [...byModule].map(([module, names]) => {
    const last = module.slice(module.lastIndexOf(".") + 1);
    return {
      package: spelled(module.split(".")[0]!),
      direct: new RegExp(`(?<![\\w])${last}[\\s\\\\]*\\.[\\s\\\\]*(?:${[...names].join("|")})(?![\\w])`),
      aliased: new RegExp(`(?<![\\w])${last}[\\s\\\\]+as(?![\\w])`),
      names,
    };
  });
  const word = /[\p{L}\p{N}_]+/gu;
  return (text) => {
    for (const { statement, names } of fromImports) {
      for (const m of text.matchAll(statement)) {
        const list = m[1]!;
        if (list.includes("#") || (list.startsWith("(") && !list.endsWith(")"))) return true;
        for (const w of list.match(word) ?? []) if (names.has(w)) return true;
      }
    }
    const star = STAR_IMPORT.test(text);
    if (star && options.bare && bareWord.test(text)) return true;
    const attributes = new Set([...text.matchAll(attribute)].map((m) => m[1]!));
    if (attributes.size === 0) return false;
    if (star) return true;
    return parents.some((p) =>
      [...p.names].some((n) => attributes.has(n)) && p.package.test(text) && (p.direct.test(text) || p.aliased.test(text)));
  };
}
