// The block structure of a lexed template, and the checks that make a rewrite safe: the block
// tags must balance (every opener closed by its own end tag, properly nested), and the file must
// not use syntax outside Django's template language. Which tags open blocks is known for
// Django's built-in tags; for other tags, `X` opens a block when the file closes it with
// `endX` as many times as it opens it (a library tag such as django-cms's `placeholder`, which
// takes an end tag only in some forms, is then treated as a plain tag: it cannot be told apart).
// Tags between `{% comment %}` and `{% endcomment %}` are skipped, as Django's parser skips them.
import { tagName, type Token } from "./lexer.js";

/** Django's built-in tags that always take an end tag (`endX`). */
const BUILTIN_BLOCKS = new Set([
  "autoescape", "block", "blocktrans", "blocktranslate", "cache", "comment", "filter", "for", "if", "ifchanged",
  "ifequal", "ifnotequal", "language", "localize", "localtime", "partialdef", "spaceless", "timezone", "verbatim", "with",
]);

export interface StructureError {
  line: number;
  message: string;
}

export interface Structure {
  /** Index (into the token list) of each structural block tag's partner: opener ↔ closer. */
  partner: Map<number, number>;
  /** Indices of block tokens skipped because they sit inside `{% comment %}…{% endcomment %}`. */
  commented: Set<number>;
  /** Opener and closer tag names in order, e.g. `if(` `)if`: compared before and after a rewrite. */
  signature: string[];
}

function isCommentOpener(token: Token): boolean {
  return token.kind === "block" && tagName(token) === "comment";
}

/** Finds tags Django's language does not have: Jinja's whitespace control, tags split over lines. */
function unknownSyntax(tokens: readonly Token[], commented: ReadonlySet<number>): StructureError | undefined {
  for (const [index, token] of tokens.entries()) {
    if (commented.has(index)) continue;
    if (token.kind === "text") {
      // A `{%` left in text could not be closed on its line: a block tag written over several
      // lines, which Django prints as text but the author meant as a tag (Jinja allows it). A
      // stray `{{` is let through: Django prints it, and front-end code in templates has them.
      const at = /\{%/.exec(token.contents);
      if (at && !token.verbatim) {
        const line = token.line + (token.contents.slice(0, at.index).match(/\r\n|\r|\n/g)?.length ?? 0);
        return { line, message: `"${at[0]}" is not closed on its line (a tag over several lines is not Django template syntax)` };
      }
      continue;
    }
    if (token.kind === "comment") continue;
    if (token.contents === "" || /^[-+]|[-+]$/.test(token.contents)) {
      return { line: token.line, message: `"${token.kind === "block" ? "{%" : "{{"} ${token.contents} ${token.kind === "block" ? "%}" : "}}"}" is not Django template syntax (Jinja whitespace control or an empty tag)` };
    }
  }
  return undefined;
}

export function analyse(tokens: readonly Token[]): Structure | StructureError {
  const opens = new Map<string, number>();
  const closes = new Map<string, number>();
  const commented = new Set<number>();
  // First pass: comment blocks, and how often each name opens and closes.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "block") continue;
    if (isCommentOpener(token)) {
      let j = i + 1;
      while (j < tokens.length && !(tokens[j]!.kind === "block" && tokens[j]!.contents === "endcomment")) commented.add(j++);
      if (j === tokens.length) return { line: token.line, message: "{% comment %} is never closed by {% endcomment %}" };
      opens.set("comment", (opens.get("comment") ?? 0) + 1);
      closes.set("comment", (closes.get("comment") ?? 0) + 1);
      i = j;
      continue;
    }
    const name = tagName(token);
    if (name.startsWith("end") && name.length > 3) closes.set(name.slice(3), (closes.get(name.slice(3)) ?? 0) + 1);
    opens.set(name, (opens.get(name) ?? 0) + 1);
  }
  const unknown = unknownSyntax(tokens, commented);
  if (unknown) return unknown;
  const isBlock = (name: string) => BUILTIN_BLOCKS.has(name) || (closes.has(name) && closes.get(name) === opens.get(name));
  const partner = new Map<number, number>();
  const signature: string[] = [];
  const stack: { name: string; index: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "block" || commented.has(i)) continue;
    const name = tagName(token);
    if (name.startsWith("end") && isBlock(name.slice(3))) {
      const open = stack.pop();
      if (!open || open.name !== name.slice(3)) {
        return {
          line: token.line,
          message: open ? `{% ${name} %} closes {% ${open.name} %} from line ${tokens[open.index]!.line}` : `{% ${name} %} has no opening {% ${name.slice(3)} %}`,
        };
      }
      partner.set(open.index, i);
      partner.set(i, open.index);
      signature.push(`)${name.slice(3)}`);
    } else if (isBlock(name)) {
      stack.push({ name, index: i });
      signature.push(`${name}(`);
    }
  }
  const open = stack.pop();
  if (open) return { line: tokens[open.index]!.line, message: `{% ${open.name} %} is never closed by {% end${open.name} %}` };
  return { partner, commented, signature };
}

export function isStructureError(value: Structure | StructureError): value is StructureError {
  return "message" in value;
}
