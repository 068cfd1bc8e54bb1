// werkzeug/headers-as-bytes: Werkzeug 2.3 deprecated the as_bytes= argument of Headers.get and
// Headers.getlist and 3.0 removed it (values are str; encode them as latin-1 for the old bytes).
// `as_bytes=False` is the default and is dropped. `getlist(key, as_bytes=True)` without type=
// becomes `[v.encode("latin1") for v in h.getlist(key)]`, what getlist did item by item.
// `get(key, as_bytes=True)` returns its default for a missing header, which has no one-expression
// spelling, so it is reported. Only calls on a provable Werkzeug Headers are rewritten; the keyword
// on another receiver is reported.
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import { isWerkzeugHeaders } from "../../src/engine/helpers/werkzeug-objects.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

export default defineRule({
  id: "werkzeug/headers-as-bytes",
  framework: "werkzeug",
  since: "2.3",
  summary: "headers.get/getlist(..., as_bytes=) loses the argument (getlist's bytes via .encode(\"latin1\"))",
  description:
    "Werkzeug 2.3 deprecated `as_bytes=` of `Headers.get` and `Headers.getlist` and 3.0 removed it. On a provable " +
    "Werkzeug `Headers` (`request.headers`, a `Headers(...)`, ...), `as_bytes=False` is dropped and " +
    "`getlist(key, as_bytes=True)` becomes `[v.encode(\"latin1\") for v in headers.getlist(key)]`. `get(key, as_bytes=True)` " +
    "and calls on other receivers are reported: encode the str value as latin-1 where bytes are needed.",
  docs: DOCS,
  needles: ["as_bytes"],
  precheck: (text) => /\.get(?:list)?\(/.test(text),
  create(ctx) {
    return {
      module() {
        for (const method of ["get", "getlist"]) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            const call = attribute?.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id) continue;
            const args = callArgs(call);
            const keyword = args?.keywords.get("as_bytes");
            if (!args || !keyword) continue;
            const receiver = attribute.childForFieldName("object")!;
            const value = keyword.childForFieldName("value")!.text;
            const say = (why: string) =>
              ctx.report(keyword, `Headers.${method}(as_bytes=) was removed in Werkzeug 3.0 (values are str; .encode("latin1") them for bytes): ${why}; see ${DOCS}`);
            if (!isWerkzeugHeaders(ctx.facts, receiver)) {
              say(`left alone because ${receiver.text} is not provably a Werkzeug Headers here`);
              continue;
            }
            if (args.listSplat || args.dictSplat || args.comments.length > 0) {
              say("left alone because the call passes *args, **kwargs or comments");
              continue;
            }
            const removal = removeArgument(ctx.source, args, keyword);
            if (!removal) continue;
            if (value === "False") {
              ctx.fix(`${method}(as_bytes=False) → ${method}()`, removal);
              continue;
            }
            if (value === "True" && method === "getlist" && !args.keywords.has("type") && args.positional.length === 1) {
              const key = args.positional[0]!.text;
              ctx.fix("getlist(k, as_bytes=True) → [v.encode(\"latin1\") for v in getlist(k)]", [
                { start: call.startIndex, end: call.endIndex, text: `[v.encode("latin1") for v in ${receiver.text}.getlist(${key})]` },
              ]);
              continue;
            }
            say("left alone because a missing header gives the default, which has no one-expression spelling; write it by hand");
          }
        }
      },
    };
  },
});
