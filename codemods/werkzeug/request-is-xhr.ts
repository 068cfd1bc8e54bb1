// werkzeug/request-is-xhr: `request.is_xhr` was deprecated in Werkzeug 0.13 and removed in 1.0
// (the X-Requested-With header is not sent by fetch or most libraries). The property is written
// out as the test it made, so behaviour stays the same.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const REQUESTS = new Set(["flask.request", "flask.globals.request"]);

/** Parents under which a comparison needs no parentheses. */
const LOOSER = new Set([
  "if_statement", "elif_clause", "while_statement", "not_operator", "boolean_operator", "assignment", "return_statement",
  "argument_list", "keyword_argument", "parenthesized_expression", "expression_statement", "conditional_expression",
  "assert_statement", "list", "tuple", "set", "expression_list",
]);

function isAssigned(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "augmented_assignment" || parent.type === "delete_statement") return true;
  return parent.type === "assignment" && parent.childForFieldName("left")?.id === node.id;
}

export default defineRule({
  id: "werkzeug/request-is-xhr",
  framework: "werkzeug",
  since: "0.15",
  summary: "request.is_xhr becomes the X-Requested-With test it stood for",
  description:
    "Werkzeug 0.13 deprecated `Request.is_xhr` and 1.0 removed it. `flask.request.is_xhr` becomes " +
    "`request.environ.get(\"HTTP_X_REQUESTED_WITH\", \"\").lower() == \"xmlhttprequest\"`, the same test. Consider checking " +
    "`request.accept_mimetypes` instead: fetch() and most libraries do not send the header.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-1-0-0",
  needles: ["is_xhr"],
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("is_xhr")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          const qualified = ctx.facts.qualifiedName(object);
          if (!qualified || !REQUESTS.has(qualified) || isAssigned(attribute)) continue;
          const test = `${object.text}.environ.get("HTTP_X_REQUESTED_WITH", "").lower() == "xmlhttprequest"`;
          const bare = attribute.parent !== null && LOOSER.has(attribute.parent.type) && attribute.parent.type !== "attribute";
          ctx.fix("request.is_xhr → the X-Requested-With header test", [
            { start: attribute.startIndex, end: attribute.endIndex, text: bare ? test : `(${test})` },
          ]);
        }
      },
    };
  },
});
