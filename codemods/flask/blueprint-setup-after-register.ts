// flask/blueprint-setup-after-register: a route, handler or hook added to a blueprint after it
// has been registered never reached the app (registration copies what is there at that moment);
// Flask 2.2 deprecated it and Flask 2.3 raises an error. Reported when one block of a file
// registers a blueprint and a later statement of the same block (a call, or a decorator on a
// definition) calls one of its setup methods.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, lineOf } from "../../src/engine/rule.js";
import { statementOf } from "../../src/engine/facts.js";
import { registrations, soleBinding, type Registration } from "../../src/engine/helpers/blueprints.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";

/** Blueprint methods marked as setup methods (they record something registration copies). */
const SETUP_METHODS = new Set([
  "route", "get", "post", "put", "delete", "patch", "add_url_rule", "endpoint", "register_blueprint", "record", "record_once",
  "before_request", "after_request", "teardown_request", "context_processor", "url_value_preprocessor", "url_defaults",
  "errorhandler", "register_error_handler", "before_app_request", "before_app_first_request", "after_app_request",
  "teardown_app_request", "app_context_processor", "app_errorhandler", "app_url_value_preprocessor", "app_url_defaults",
  "app_template_filter", "add_app_template_filter", "app_template_test", "add_app_template_test", "app_template_global",
  "add_app_template_global",
]);

/** `bp.method` expressions a statement runs as it executes: its call, or the decorators of its definition. */
function setupCallees(statement: Node): Node[] {
  const expressions: Node[] = [];
  if (statement.type === "decorated_definition") {
    for (const decorator of statement.namedChildren) if (decorator?.type === "decorator" && decorator.namedChild(0)) expressions.push(decorator.namedChild(0)!);
  } else if (statement.type === "expression_statement" && statement.namedChild(0)) {
    expressions.push(statement.namedChild(0)!);
  }
  const callees: Node[] = [];
  for (let expression of expressions) {
    if (expression.type === "call") expression = expression.childForFieldName("function")!;
    if (expression.type === "attribute" && expression.childForFieldName("object")?.type === "identifier" && SETUP_METHODS.has(expression.childForFieldName("attribute")!.text)) {
      callees.push(expression);
    }
  }
  return callees;
}

export default defineRule({
  id: "flask/blueprint-setup-after-register",
  kind: "finding",
  framework: "flask",
  since: "2.2",
  summary: "Blueprint setup calls (routes, hooks, handlers) after its registration are reported (an error from Flask 2.3)",
  description:
    "Registering a blueprint copies the routes, hooks and handlers it holds at that moment, so a setup method called " +
    "later (`@bp.route`, `bp.add_url_rule`, `@bp.before_request`, `bp.register_blueprint`, ...) never reached the " +
    "app; Flask 2.2 deprecated such calls and Flask 2.3 raises an error. Reported when a statement calls a setup " +
    "method of a blueprint, as a call or a decorator, after an earlier statement of the same block registered that " +
    "same blueprint object with `register_blueprint`. Move the setup before the registration.",
  docs: DOCS,
  needles: ["register_blueprint"],
  precheck: (text) => text.includes("flask"),
  create(ctx) {
    return {
      module() {
        const byBinding = new Map<number, Registration[]>();
        for (const r of registrations(ctx.facts)) {
          const list = byBinding.get(r.binding.id) ?? [];
          list.push(r);
          byBinding.set(r.binding.id, list);
        }
        if (byBinding.size === 0) return;
        const reported = new Set<number>();
        for (const list of byBinding.values()) {
          for (const r of list) {
            const registered = statementOf(r.call);
            // The registration must be the statement itself (`app.register_blueprint(bp)`), not a branch of one.
            if (registered.type !== "expression_statement") continue;
            for (let next = registered.nextNamedSibling; next; next = next.nextNamedSibling) {
              for (const callee of setupCallees(next)) {
                const object = callee.childForFieldName("object")!;
                if (object.text !== r.blueprint.text || soleBinding(ctx.facts, object)?.id !== r.binding.id || reported.has(callee.id)) continue;
                reported.add(callee.id);
                const method = callee.childForFieldName("attribute")!.text;
                ctx.report(callee, `Flask 2.3 refuses ${object.text}.${method} after ${object.text} is registered (${lineOf(r.call)}), and before that it never reached the app: move it above the register_blueprint call (${DOCS})`);
              }
            }
          }
        }
      },
    };
  },
});
