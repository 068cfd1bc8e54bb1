// werkzeug/headers-to-list: Headers.to_list() was deprecated in Werkzeug 0.9 and removed in 1.0;
// to_wsgi_list() returns the same list of (name, value) pairs. `to_list` is also a method of
// unrelated objects (pandas, numpy-likes), so a call is renamed only when its receiver is provably a
// Werkzeug Headers object in this file (a request's or response's `.headers`, a `Headers(...)` it
// builds, or a local name assigned once from one); a `.headers.to_list()` on anything else is
// reported, and other `to_list()` calls are left alone.
import { callArgs } from "../../src/engine/helpers/calls.js";
import { isWerkzeugHeaders } from "../../src/engine/helpers/werkzeug-objects.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-1-0-0";

export default defineRule({
  id: "werkzeug/headers-to-list",
  framework: "werkzeug",
  since: "0.15",
  summary: "headers.to_list() becomes headers.to_wsgi_list() on provable Werkzeug Headers",
  description:
    "`Headers.to_list()` was deprecated in Werkzeug 0.9 and removed in 1.0; `to_wsgi_list()` returns the same pairs. " +
    "Calls without arguments are renamed where the receiver is provably a Werkzeug `Headers` in the file " +
    "(`request.headers`, `response.headers` of a response the file builds, `Headers(...)`, or a local name assigned once " +
    "from one). A `.headers.to_list()` on another object is reported; other `to_list()` calls (pandas, ...) are not touched.",
  docs: DOCS,
  needles: ["to_list"],
  precheck: (text) => /\bwerkzeug\b|\bflask\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("to_list")) {
          const method = id.parent;
          const call = method?.parent;
          if (method?.type !== "attribute" || method.childForFieldName("attribute")?.id !== id.id) continue;
          if (call?.type !== "call" || call.childForFieldName("function")?.id !== method.id) continue;
          const receiver = method.childForFieldName("object")!;
          const args = callArgs(call);
          const headersLike = receiver.type === "attribute" && receiver.childForFieldName("attribute")?.text === "headers";
          if (!isWerkzeugHeaders(ctx.facts, receiver)) {
            if (headersLike) {
              ctx.report(id, `Headers.to_list() was removed in Werkzeug 1.0: if ${receiver.text} is a Werkzeug Headers, call to_wsgi_list() instead; see ${DOCS}`);
            }
            continue;
          }
          if (!args || args.args.length > 0 || args.comments.length > 0) {
            ctx.report(id, `Headers.to_list(charset) was removed in Werkzeug 1.0: call to_wsgi_list() (values are str) instead; see ${DOCS}`);
            continue;
          }
          ctx.fix("to_list() → to_wsgi_list()", [{ start: id.startIndex, end: id.endIndex, text: "to_wsgi_list" }]);
        }
      },
    };
  },
});
