// werkzeug/removed-keywords: keyword arguments Werkzeug deprecated and then removed, whose
// removal keeps the call's behaviour (they were ignored, or only ever took the default value):
// url_decode(decode_keys=, return_iterator=), url_encode(encode_keys=), Response.freeze(no_etag=)
// (2.0, removed 2.1); iri_to_uri / uri_to_iri (safe_conversion=, charset="utf-8", errors="strict"),
// dump_header(allow_token=), quote_header_value(extra_chars=), unquote_header_value(is_filename=),
// parse_dict_header(cls=), dump_cookie(charset="utf-8") (2.3, removed 3.0).
import { callArgs, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { targetReaches } from "../../src/target.js";

interface Dropped {
  /** Qualified callables, or `.method` for a method of any object (a name Werkzeug alone uses). */
  callables: string[];
  keyword: string;
  since: string;
  /** The only values that may be dropped (plain literals' text); default: any value. */
  values?: string[];
}

const UTF8 = ['"utf-8"', "'utf-8'", '"utf8"', "'utf8'", '"UTF-8"', "'UTF-8'"];
const TABLE: Dropped[] = [
  { callables: ["werkzeug.urls.url_decode"], keyword: "decode_keys", since: "2.0" },
  { callables: ["werkzeug.urls.url_decode"], keyword: "return_iterator", since: "2.0", values: ["False"] },
  { callables: ["werkzeug.urls.url_encode"], keyword: "encode_keys", since: "2.0" },
  { callables: [".freeze"], keyword: "no_etag", since: "2.0" },
  { callables: ["werkzeug.urls.iri_to_uri"], keyword: "safe_conversion", since: "2.3", values: ["False"] },
  { callables: ["werkzeug.urls.iri_to_uri", "werkzeug.urls.uri_to_iri", "werkzeug.http.dump_cookie"], keyword: "charset", since: "2.3", values: UTF8 },
  { callables: ["werkzeug.urls.iri_to_uri", "werkzeug.urls.uri_to_iri"], keyword: "errors", since: "2.3", values: ['"strict"', "'strict'"] },
  { callables: ["werkzeug.http.dump_header"], keyword: "allow_token", since: "2.3" },
  { callables: ["werkzeug.http.quote_header_value"], keyword: "extra_chars", since: "2.3" },
  { callables: ["werkzeug.http.unquote_header_value"], keyword: "is_filename", since: "2.3" },
  { callables: ["werkzeug.http.parse_dict_header"], keyword: "cls", since: "2.3", values: ["dict"] },
];

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

function callsFor(ctx: RuleContext, entry: Dropped): Node[] {
  const functions = entry.callables.filter((c) => !c.startsWith("."));
  const calls = callsTo(ctx.facts, functions).map((f) => f.call);
  for (const method of entry.callables.filter((c) => c.startsWith("."))) {
    for (const id of ctx.facts.identifiers(method.slice(1))) {
      const attribute = id.parent;
      const call = attribute?.parent;
      if (attribute?.type === "attribute" && attribute.childForFieldName("attribute")?.id === id.id &&
        call?.type === "call" && call.childForFieldName("function")?.id === attribute.id) calls.push(call);
    }
  }
  return calls;
}

export default defineRule({
  id: "werkzeug/removed-keywords",
  framework: "werkzeug",
  since: "2.0",
  summary: "keyword arguments Werkzeug ignored and then removed (no_etag=, safe_conversion=, charset=\"utf-8\", ...) are dropped",
  description:
    "Werkzeug 2.0 deprecated `url_decode(decode_keys=, return_iterator=)`, `url_encode(encode_keys=)` and " +
    "`Response.freeze(no_etag=)` (removed in 2.1); 2.3 deprecated `safe_conversion=`, `charset=` and `errors=` of " +
    "`iri_to_uri` / `uri_to_iri`, `dump_header(allow_token=)`, `quote_header_value(extra_chars=)`, " +
    "`unquote_header_value(is_filename=)`, `parse_dict_header(cls=)` and `dump_cookie(charset=)` (removed in 3.0). " +
    "The keyword is dropped where that keeps the result (a charset only when it is UTF-8); any other value is reported.",
  docs: DOCS,
  needles: ["decode_keys", "return_iterator", "encode_keys", "no_etag", "safe_conversion", "charset", "errors", "allow_token", "extra_chars", "is_filename", "cls"],
  precheck: (text) =>
    /\b(?:url_decode|url_encode|freeze|iri_to_uri|uri_to_iri|dump_cookie|dump_header|quote_header_value|unquote_header_value|parse_dict_header)\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const entry of TABLE) {
          if (!targetReaches(ctx.targets, "werkzeug", entry.since)) continue;
          for (const call of callsFor(ctx, entry)) {
            const args = callArgs(call);
            const keyword = args?.keywords.get(entry.keyword);
            if (!args || !keyword) continue;
            const value = keyword.childForFieldName("value")!;
            const name = call.childForFieldName("function")!.text;
            if (entry.values && !entry.values.includes(value.text)) {
              ctx.report(keyword, `${name}(${entry.keyword}=...) is removed in Werkzeug ${entry.since === "2.0" ? "2.1" : "3.0"} and this value changes the result: adapt the call by hand; see ${DOCS}`);
              continue;
            }
            const edits = removeArgument(ctx.source, args, keyword);
            if (edits) ctx.fix(`${entry.keyword}= dropped from ${name}()`, edits);
          }
        }
      },
    };
  },
});
