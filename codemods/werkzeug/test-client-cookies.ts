// werkzeug/test-client-cookies: Werkzeug 2.3 deprecated the server_name first argument of the test
// client's set_cookie / delete_cookie and 3.0 removed it; the domain is a keyword that defaults to
// "localhost". `client.set_cookie("localhost", "sid", "x")` becomes `client.set_cookie("sid", "x")`,
// another host moves to `domain=`. Only calls on a test client (a name or attribute spelled with
// "client", or `app.test_client()`) whose first two arguments are a host name ("localhost" or
// dotted) and a literal key are touched: a cookie key is not spelled like a host.
import { callArgs, insertArgument, removeArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

/** `client`, `self.client`, `test_client`, `app.test_client()`. */
function isTestClient(node: Node): boolean {
  if (node.type === "identifier") return /client/i.test(node.text);
  if (node.type === "attribute") return /client/i.test(node.childForFieldName("attribute")?.text ?? "");
  if (node.type === "call") {
    const callee = node.childForFieldName("function");
    return callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "test_client";
  }
  return false;
}

/** "localhost" or a dotted host name: what a server_name looks like and a cookie key does not. */
const HOST = /^(["'])(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?\1$/;
const STRING = /^(["'])[^"'\\]*\1$/;

export default defineRule({
  id: "werkzeug/test-client-cookies",
  framework: "werkzeug",
  since: "2.3",
  summary: "test client set_cookie / delete_cookie lose the server_name argument (a non-localhost one becomes domain=)",
  description:
    "Werkzeug 2.3 deprecated passing the server name first to the test client's `set_cookie` and `delete_cookie`, " +
    "and 3.0 removed it: the key comes first and `domain=` (default `\"localhost\"`) names the host. A literal " +
    "`\"localhost\"` first argument is dropped; another literal host moves to `domain=`. Only calls on a test client " +
    "with the host and the key given positionally are rewritten.",
  docs: DOCS,
  needles: ["set_cookie", "delete_cookie"],
  precheck: (text) => /client/i.test(text),
  create(ctx) {
    return {
      module() {
        for (const method of ["set_cookie", "delete_cookie"]) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            const call = attribute?.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id) continue;
            if (!isTestClient(attribute.childForFieldName("object")!)) continue;
            const args = callArgs(call);
            if (!args || args.listSplat || args.dictSplat || args.positional.length < 2) continue;
            const host = args.positional[0]!;
            // The old shape: a host, then a literal key. `set_cookie("session", "abc")` is already new.
            if (host !== args.args[0] || !HOST.test(host.text) || !STRING.test(args.positional[1]!.text)) continue;
            const removal = removeArgument(ctx.source, args, host);
            if (!removal) continue;
            if (host.text.slice(1, -1) === "localhost") {
              ctx.fix(`${method}("localhost", ...) → ${method}(...)`, removal);
              continue;
            }
            if (args.keywords.has("domain")) {
              ctx.report(host, `${method}(server_name, key, ...) is removed in Werkzeug 3.0 and this call also passes domain=: drop the first argument by hand; see ${DOCS}`);
              continue;
            }
            ctx.fix(`${method}(server_name, ...) → ${method}(..., domain=)`, [
              ...removal, ...insertArgument(ctx.source, args, args.args.length, `domain=${host.text}`, ctx.newline),
            ]);
          }
        }
      },
    };
  },
});
