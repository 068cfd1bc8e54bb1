// The entries of a dotenv file (`.env`, `.flaskenv`), read the way python-dotenv reads them, which
// is what Flask's load_dotenv() uses: `[export ]KEY=value` per line, `#` comments, values
// unquoted (to the end of the line, a ` #` comment cut off), 'single-quoted' (literal) or
// "double-quoted" (escapes), and quoted values may run over several lines. A line python-dotenv
// cannot parse is skipped by it, and is kept here as an entry without a key. Only offsets are
// recorded: rules edit the text in place.

export interface DotenvEntry {
  /** The key as python-dotenv sees it (quotes of a quoted key removed); undefined for a line it skips. */
  key?: string;
  /** Offsets of the key as written (quotes included), of the whole entry, and of the value as written. */
  keyStart: number;
  keyEnd: number;
  start: number;
  /** Just after the entry's last line, its newline included. */
  end: number;
  valueStart: number;
  valueEnd: number;
  /** The value after unquoting; undefined for `KEY` without `=`. */
  value?: string;
  quote?: "'" | '"';
  /** True when python-dotenv may expand `${NAME}` inside the value (it does in every value form). */
  expands: boolean;
  /** 1-based line of the entry's start. */
  line: number;
}

// python-dotenv's own patterns (dotenv/parser.py), in sticky form.
const SPACES = /[^\S\r\n]*/y;
const EXPORT = /export[^\S\r\n]+/y;
const UNQUOTED_KEY = /[^=#\s]+/y;
const QUOTED_KEY = /'[^']+'/y;
const REST_OF_LINE = /[^\r\n]*(?:\r\n|\r|\n)?/y;
const END_OF_ENTRY = /[^\S\r\n]*(?:#[^\r\n]*)?[^\S\r\n]*(?:\r\n|\n|\r|$)/y;
const SINGLE_ESCAPES = /\\[\\']/g;
const DOUBLE_ESCAPES = /\\[\\'"abfnrtv]/g;
const ESCAPED: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

function linesBefore(text: string, index: number, from: { index: number; line: number }): number {
  let line = from.line;
  for (let i = from.index; i < index; i++) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) line++;
  }
  from.index = index;
  from.line = line;
  return line;
}

/**
 * A quoted value starting at `index` (on its quote): its end (after the closing quote) and its
 * text. As python-dotenv reads it, only a backslash before the quote character hides that quote;
 * the escapes are decoded afterwards.
 */
function quoted(text: string, index: number): { end: number; value: string } | undefined {
  const quote = text[index]!;
  let raw = "";
  for (let i = index + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && text[i + 1] === quote) {
      raw += c + quote;
      i++;
    } else if (c === quote) {
      return { end: i + 1, value: raw.replace(quote === "'" ? SINGLE_ESCAPES : DOUBLE_ESCAPES, (e) => ESCAPED[e[1]!]!) };
    } else raw += c;
  }
  return undefined;
}

export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  const counter = { index: 0, line: 1 };
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    // Whitespace, blank lines included, leads into the next entry.
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    if (pos >= text.length) break;
    const start = pos;
    const line = linesBefore(text, start, counter);
    // python-dotenv skips the rest of the line where it fails, and records nothing usable.
    const failAt = (index: number): void => {
      pos = index + at(REST_OF_LINE, text, index)![0].length;
      if (pos <= start) pos = start + 1;
      entries.push({ keyStart: start, keyEnd: start, start, end: pos, valueStart: pos, valueEnd: pos, expands: false, line });
    };
    let i = start;
    const exported = at(EXPORT, text, i);
    if (exported) i += exported[0].length;
    const keyStart = i;
    let name: string | undefined;
    if (text[i] === "#") {
      name = undefined; // a comment (after `export ` too)
    } else {
      const key = at(text[i] === "'" ? QUOTED_KEY : UNQUOTED_KEY, text, i);
      if (!key) {
        failAt(i);
        continue;
      }
      name = text[i] === "'" ? key[0].slice(1, -1) : key[0];
      i += key[0].length;
    }
    const keyEnd = i;
    i += at(SPACES, text, i)![0].length;
    let value: string | undefined;
    let quote: "'" | '"' | undefined;
    let valueStart = i;
    let valueEnd = i;
    let expands = false;
    if (text[i] === "=") {
      i++;
      i += at(SPACES, text, i)![0].length;
      valueStart = i;
      if (text[i] === "'" || text[i] === '"') {
        quote = text[i] as "'" | '"';
        const q = quoted(text, i);
        if (!q) {
          failAt(i);
          continue;
        }
        value = q.value;
        valueEnd = q.end;
        expands = value.includes("${");
      } else {
        const rest = at(REST_OF_LINE, text, i)![0].replace(/[\r\n]+$/, "");
        const cut = /\s+#/.exec(rest);
        value = (cut ? rest.slice(0, cut.index) : rest).trimEnd();
        valueEnd = i + value.length;
        expands = value.includes("${");
        i = i + rest.length;
      }
      if (quote) i = valueEnd;
    }
    const tail = at(END_OF_ENTRY, text, i);
    if (!tail) {
      failAt(i);
      continue;
    }
    pos = i + tail[0].length;
    if (pos <= start) pos = start + 1;
    if (name === undefined) continue;
    entries.push({ key: name, keyStart, keyEnd, start, end: pos, valueStart, valueEnd, ...(value !== undefined ? { value } : {}), ...(quote ? { quote } : {}), expands, line });
  }
  return entries;
}
