// werkzeug/urls-to-urllib: Werkzeug 2.3 deprecated its own URL helpers in favour of the standard
// library and 3.0 removed them. Each call is rewritten only when urllib.parse gives the same result:
// Werkzeug's url_quote never quoted `$!'()*+,;` (nor `/:` by default), so those characters join
// `safe=`; charset= becomes encoding=; a call using a parameter urllib lacks (unsafe=, scheme=) or
// a url_parse result read through a Werkzeug-only attribute is left alone and reported.
import type { Edit } from "../../src/engine/edits.js";
import { insertArgument, type CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";
import { isTextLiteral } from "../../src/engine/helpers/surely-str.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";

/** Characters Werkzeug's url_quote left unquoted on top of `safe=` (urllib keeps only `_.-~`). */
const WERKZEUG_ALWAYS_SAFE = "$!'()*+,;";
/** url_quote_plus also forced `+` to be quoted. */
const WERKZEUG_PLUS_ALWAYS_SAFE = "$!'()*,;";

/** The text of a plain string literal (no prefix, interpolation or escapes), else undefined. */
function plainString(node: Node): string | undefined {
  if (node.type !== "string") return undefined;
  const text = node.text;
  const match = /^(["'])([^"'\\\r\n]*)\1$/.exec(text);
  return match ? match[2] : undefined;
}

function isBytesOrNumber(node: Node): boolean {
  if (node.type === "integer" || node.type === "float") return true;
  // rb"..." and b"..." "..." are bytes too.
  return (node.type === "string" || node.type === "concatenated_string") && !isTextLiteral(node);
}

/** Renames `charset=` to `encoding=`; refuses keywords outside `allowed`. */
function keywordEdits(args: CallArgs, allowed: string[]): Edit[] | string {
  const edits: Edit[] = [];
  for (const [name, node] of args.keywords) {
    if (!allowed.includes(name)) return `urllib.parse has no ${name}= parameter`;
    if (name === "charset") {
      const id = node.childForFieldName("name")!;
      edits.push({ start: id.startIndex, end: id.endIndex, text: "encoding" });
    }
  }
  return edits;
}

function plainCall(args: CallArgs): string | undefined {
  if (args.listSplat || args.dictSplat) return "*args/**kwargs may carry parameters urllib.parse does not take";
  if (args.comments.length > 0) return "comments inside the call";
  const first = args.positional[0];
  if (first && isBytesOrNumber(first)) return "urllib.parse treats bytes and numbers differently";
  return undefined;
}

/** url_quote / url_quote_plus → quote / quote_plus with Werkzeug's always-safe characters in safe=. */
function quoteArguments(alwaysSafe: string, defaultSafe: string) {
  return (args: CallArgs, ctx: RuleContext): Edit[] | string => {
    const plain = plainCall(args);
    if (plain) return plain;
    if (args.positional.length !== 1) return "only the string is passed positionally in calls that can be rewritten";
    const keywords = keywordEdits(args, ["charset", "errors", "safe"]);
    if (typeof keywords === "string") return keywords;
    const safeArg = args.keywords.get("safe");
    if (!safeArg) {
      const text = `safe=${JSON.stringify(defaultSafe + alwaysSafe)}`;
      return [...keywords, ...insertArgument(ctx.source, args, args.args.length, text, ctx.newline)];
    }
    const value = safeArg.childForFieldName("value")!;
    const given = plainString(value);
    if (given === undefined) return "safe= is not a plain string literal";
    if (alwaysSafe === WERKZEUG_PLUS_ALWAYS_SAFE && given.includes("+")) return "Werkzeug quoted + even when safe= listed it";
    const merged = given + [...alwaysSafe].filter((c) => !given.includes(c)).join("");
    return [...keywords, { start: value.startIndex, end: value.endIndex, text: JSON.stringify(merged) }];
  };
}

/** url_unquote(s, charset, errors) → unquote(s, encoding, errors): same order, charset= renamed. */
function unquoteArguments(args: CallArgs): Edit[] | string {
  return plainCall(args) ?? (args.positional.length > 3 ? "too many positional arguments" : keywordEdits(args, ["charset", "errors"]));
}

function sameArguments(allowedKeywords: string[], maxPositional: number) {
  return (args: CallArgs): Edit[] | string =>
    plainCall(args) ?? (args.positional.length > maxPositional ? "too many positional arguments" : keywordEdits(args, allowedKeywords));
}

/** The attributes url_parse's result shares with urlsplit's, with the same meaning. */
const SPLIT_FIELDS = new Set(["scheme", "netloc", "path", "query", "fragment"]);

/** True when `node` (a url_parse(...) call, or a name holding one) is only read through SPLIT_FIELDS. */
function readsOnlySplitFields(ctx: RuleContext, call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === "attribute") return SPLIT_FIELDS.has(parent.childForFieldName("attribute")?.text ?? "");
  // `scheme, netloc, path, query, fragment = url_parse(u)`: both are 5-tuples.
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === call.id) {
    const left = parent.childForFieldName("left")!;
    if (left.type === "pattern_list" || left.type === "tuple_pattern") return left.namedChildren.length === 5;
    if (left.type !== "identifier" || parent.parent?.type !== "expression_statement") return false;
    // `parts = url_parse(u)`: every other mention of `parts` in the file reads one of the fields.
    const others = ctx.facts.identifiers(left.text).filter((id) => id.id !== left.id);
    return others.length > 0 && others.every((id) => {
      const use = id.parent;
      return use?.type === "attribute" && use.childForFieldName("object")?.id === id.id &&
        SPLIT_FIELDS.has(use.childForFieldName("attribute")?.text ?? "") && !isAssignedTo(use);
    });
  }
  return false;
}

function isAssignedTo(node: Node): boolean {
  const parent = node.parent;
  return (parent?.type === "assignment" || parent?.type === "augmented_assignment") && parent.childForFieldName("left")?.id === node.id;
}

function parseArguments(args: CallArgs, ctx: RuleContext): Edit[] | string {
  const plain = plainCall(args);
  if (plain) return plain;
  if (args.positional.length !== 1) return "Werkzeug's scheme argument defaults to None, urlsplit's to \"\"";
  const keywords = keywordEdits(args, ["allow_fragments"]);
  if (typeof keywords === "string") return keywords;
  if (!readsOnlySplitFields(ctx, args.call)) {
    return "its result may be read through Werkzeug-only attributes (.host, .port, .replace(), .to_url(), ...); use urllib.parse.urlsplit and adapt those reads";
  }
  return keywords;
}

const URLS = "werkzeug.urls";
const moves: NameMove[] = [
  { from: `${URLS}.url_quote`, to: "urllib.parse.quote", arguments: quoteArguments(WERKZEUG_ALWAYS_SAFE, "/:") },
  { from: `${URLS}.url_quote_plus`, to: "urllib.parse.quote_plus", arguments: quoteArguments(WERKZEUG_PLUS_ALWAYS_SAFE, "") },
  { from: `${URLS}.url_unquote`, to: "urllib.parse.unquote", arguments: unquoteArguments },
  { from: `${URLS}.url_unquote_plus`, to: "urllib.parse.unquote_plus", arguments: unquoteArguments },
  { from: `${URLS}.url_join`, to: "urllib.parse.urljoin", arguments: sameArguments(["allow_fragments"], 3) },
  { from: `${URLS}.url_unparse`, to: "urllib.parse.urlunsplit", arguments: sameArguments([], 1) },
  { from: `${URLS}.url_parse`, to: "urllib.parse.urlsplit", arguments: parseArguments },
];

const NAMES = /\burl_(?:quote|unquote|join|unparse|parse)/;

export default nameMoves({
  id: "werkzeug/urls-to-urllib",
  framework: "werkzeug",
  since: "2.3",
  summary: "werkzeug.urls url_quote, url_unquote, url_join, url_parse, ... become their urllib.parse counterparts",
  description:
    "Werkzeug 2.3 deprecated the URL helpers of `werkzeug.urls` and 3.0 removed them. `url_quote` → `quote` and " +
    "`url_quote_plus` → `quote_plus` keep Werkzeug's result by listing the characters it never quoted in `safe=`; " +
    "`url_unquote(_plus)` → `unquote(_plus)`, `url_join` → `urljoin`, `url_unparse` → `urlunsplit`, and `url_parse` → " +
    "`urlsplit` when its result is only read through `.scheme`, `.netloc`, `.path`, `.query`, `.fragment`. " +
    "`charset=` becomes `encoding=`. Calls with `unsafe=`, bytes, a scheme argument or other Werkzeug-only uses are " +
    "reported instead.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0",
  moves,
  needles: ["url_quote", "url_unquote", "url_join", "url_unparse", "url_parse"],
  precheck: (text) => NAMES.test(text) && text.includes("werkzeug"),
});
