// A Django template lexer with exact offsets. It splits text the way Django's own Lexer does
// (django/template/base.py): one regular expression finds `{% … %}`, `{{ … }}` and `{# … #}`,
// non-greedy and never across a line break, and between `{% verbatim %}` and its `{% endverbatim %}` (or `{% verbatim name %}` …
// `{% endverbatim name %}`) every tag is plain text. Offsets are UTF-16 indices into the decoded
// text, the unit String#slice uses, so a rewrite is a splice at known positions and every byte
// outside the edited tags is kept. Django's loaders read template files with universal newlines
// ("\r\n" and a lone "\r" become "\n" before its lexer runs), so a line break here is any of the
// three, for where tags may end and for line numbers alike; the text itself is left as it is.

export type TokenKind = "text" | "variable" | "block" | "comment";

export interface Token {
  kind: TokenKind;
  /** Offsets of the whole token, delimiters included (`{%` … `%}`). */
  start: number;
  end: number;
  /** The stripped text between the delimiters (tags), or the raw text (text tokens). */
  contents: string;
  /** Offsets of `contents` in the file. */
  contentStart: number;
  contentEnd: number;
  /** 1-based line of the token's first character. */
  line: number;
  /** Text inside a verbatim block (tags there are text, and never interpreted). */
  verbatim?: true;
}

const TAG = /\{%[^\n\r]*?%\}|\{\{[^\n\r]*?\}\}|\{#[^\n\r]*?#\}/g;
/** Python's str.strip() default: whitespace as str.isspace() sees it (enough for template tags). */
const SPACE = /\s/;

function stripped(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Line breaks in text[start, end): "\n", "\r\n" and a lone "\r" count once each. */
function countNewlines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The tag name of a block token: the first word of its contents. */
export function tagName(token: Token): string {
  const space = token.contents.search(/\s/);
  return space < 0 ? token.contents : token.contents.slice(0, space);
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let last = 0;
  /** While inside a verbatim block: the block tag contents that end it. */
  let verbatimEnd: string | undefined;
  const pushText = (start: number, end: number) => {
    if (end <= start) return;
    tokens.push({
      kind: "text", start, end, contents: text.slice(start, end), contentStart: start, contentEnd: end, line,
      ...(verbatimEnd !== undefined ? { verbatim: true as const } : {}),
    });
    line += countNewlines(text, start, end);
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    pushText(last, start);
    last = end;
    const [cs, ce] = stripped(text, start + 2, end - 2);
    const contents = text.slice(cs, ce);
    const opener = m[0][1];
    let kind: TokenKind;
    if (opener === "%") {
      kind = "block";
      if (verbatimEnd !== undefined) {
        if (contents !== verbatimEnd) kind = "text";
        else verbatimEnd = undefined;
      } else if (contents.slice(0, 9) === "verbatim" || contents.slice(0, 9) === "verbatim ") {
        verbatimEnd = `end${contents}`;
      }
    } else if (verbatimEnd !== undefined) {
      kind = "text";
    } else {
      kind = opener === "{" ? "variable" : "comment";
    }
    if (kind === "text") {
      tokens.push({ kind, start, end, contents: m[0], contentStart: start, contentEnd: end, line, verbatim: true });
    } else {
      tokens.push({ kind, start, end, contents, contentStart: cs, contentEnd: ce, line });
    }
    line += countNewlines(text, start, end);
  }
  pushText(last, text.length);
  return tokens;
}
