// werkzeug/has-key: Werkzeug's mappings kept a Python 2 style has_key() until 2.0 deprecated it and
// 2.1 removed it. `request.args.has_key("q")` becomes `"q" in request.args`. Only the request's
// own mappings of flask.request are rewritten: has_key on an object of unknown type is left alone.
import type { Node } from "../../src/engine/parser.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";

const REQUESTS = new Set(["flask.request", "flask.globals.request"]);
const MAPPINGS = new Set(["args", "form", "values", "headers", "cookies", "files", "environ"]);

/** Parents under which `k in d` needs no parentheses. */
const LOOSER = new Set([
  "if_statement", "elif_clause", "while_statement", "not_operator", "boolean_operator", "assignment", "return_statement",
  "argument_list", "keyword_argument", "parenthesized_expression", "expression_statement", "conditional_expression",
  "assert_statement",
]);

/** An argument that binds at least as tightly as `in` on its left. */
function tight(node: Node): boolean {
  return !["lambda", "conditional_expression", "boolean_operator", "not_operator", "comparison_operator", "named_expression"].includes(node.type);
}

export default defineRule({
  id: "werkzeug/has-key",
  framework: "werkzeug",
  since: "2.0",
  summary: "request.args/form/headers/... .has_key(k) becomes k in request.args",
  description:
    "Werkzeug 2.0 deprecated `has_key()` on its mappings and 2.1 removed it. On the mappings of `flask.request` " +
    "(`args`, `form`, `values`, `headers`, `cookies`, `files`, `environ`), `request.args.has_key(k)` becomes " +
    "`k in request.args`.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-1-0",
  needles: ["has_key"],
  precheck: (text) => text.includes("request"),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("has_key")) {
          const method = id.parent;
          const call = method?.parent;
          if (method?.type !== "attribute" || method.childForFieldName("attribute")?.id !== id.id) continue;
          if (call?.type !== "call" || call.childForFieldName("function")?.id !== method.id) continue;
          const mapping = method.childForFieldName("object")!;
          if (mapping.type !== "attribute" || !MAPPINGS.has(mapping.childForFieldName("attribute")?.text ?? "")) continue;
          const owner = ctx.facts.qualifiedName(mapping.childForFieldName("object")!);
          if (!owner || !REQUESTS.has(owner)) continue;
          const args = callArgs(call);
          if (!args || args.args.length !== 1 || args.positional.length !== 1 || args.comments.length > 0) continue;
          const key = args.positional[0]!;
          const test = `${tight(key) ? key.text : `(${key.text})`} in ${mapping.text}`;
          const bare = call.parent !== null && LOOSER.has(call.parent.type);
          ctx.fix("has_key(k) → k in mapping", [{ start: call.startIndex, end: call.endIndex, text: bare ? test : `(${test})` }]);
        }
      },
    };
  },
});
