// django/assert-form-error: Django 4.1 changed assertFormError() and assertFormsetError() to take
// the form or formset itself instead of a response and the name of a context variable (the old
// signature went in Django 5.0). Because both signatures accept the same number of arguments in
// some shapes, only calls whose first argument is recognisably a response are rewritten.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, type CallArgs } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { enclosingScope } from "../../src/engine/scope.js";

/** Method → positional arguments before `errors` in the old signature (response, name, [index,] field). */
const METHODS = new Map([["assertFormError", 3], ["assertFormsetError", 4]]);
const CLIENT_METHODS = new Set(["request", "get", "post", "head", "options", "put", "patch", "delete", "trace"]);
const RESPONSE_NAMES = new Set(["resp", "res", "r"]);

/** True when `value` is `self.client.<method>(...)` or `await self.async_client.<method>(...)`. */
function isClientCall(value: Node | null): boolean {
  let call = value;
  let client = "client";
  if (call?.type === "await") {
    call = call.namedChild(0);
    client = "async_client";
  }
  if (call?.type !== "call") return false;
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute" || !CLIENT_METHODS.has(fn.childForFieldName("attribute")?.text ?? "")) return false;
  const owner = fn.childForFieldName("object");
  if (owner?.type !== "attribute" || owner.childForFieldName("attribute")?.text !== client) return false;
  const self = owner.childForFieldName("object");
  return self?.type === "identifier" && self.text === "self";
}

/** The `errors` argument's edit (None → []), or a reason the arguments do not have the old shape. */
function oldShape(args: CallArgs, before: number): Node | string {
  if (args.listSplat || args.dictSplat) return "splat";
  if (args.comments.length > 0) return "comments";
  for (const k of args.keywords.keys()) if (k !== "errors" && k !== "msg_prefix") return `keyword ${k}`;
  const positional = args.positional.length;
  // Positional arguments must come first: keywords after them only.
  if (args.args.slice(0, positional).some((a) => a.type === "keyword_argument")) return "order";
  let errors: Node | undefined | null;
  if (args.keywords.has("errors")) {
    if (positional !== before) return "count";
    errors = args.keywords.get("errors")!.childForFieldName("value");
  } else {
    if (args.keywords.has("msg_prefix") ? positional !== before + 1 : positional !== before + 1 && positional !== before + 2) return "count";
    errors = args.positional[before];
  }
  if (!errors) return "count";
  return errors;
}

export default defineRule({
  id: "django/assert-form-error",
  aliases: ["assert_form_error"],
  framework: "django",
  since: "4.1",
  summary: 'self.assertFormError(response, "form", ...) becomes self.assertFormError(response.context["form"], ...) in tests',
  description:
    "Django 4.1 changed `assertFormError()` and `assertFormsetError()` to take the form or formset instead of a " +
    "response and a context name, and Django 5.0 removed the old signature. In test files, " +
    "`self.assertFormError(response, \"form\", field, errors[, msg_prefix])` becomes " +
    "`self.assertFormError(response.context[\"form\"], field, errors[, msg_prefix])` (and likewise for " +
    "`assertFormsetError` with its index); `errors=None` becomes `[]`, as the new signature requires a list. " +
    "Since the two signatures overlap, a call is rewritten only when its argument count is exactly the old one, its " +
    "context name is a string or a name, and its first argument is a name containing `response` (or `resp`, `res`, " +
    "`r`), or a name assigned earlier in the same function from `self.client.<method>(...)` or " +
    "`await self.async_client.<method>(...)`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
  needles: [...METHODS.keys()],
  files: "tests",
  create(ctx) {
    /** True when `name` is assigned a test client response earlier in the function holding `call`. */
    const assignedResponse = (name: Node, call: Node): boolean => {
      const fn = enclosingScope(call);
      if (fn.type !== "function_definition") return false;
      return ctx.facts.identifiers(name.text).some((id) => {
        if (id.startIndex < fn.startIndex || id.endIndex > call.startIndex || enclosingScope(id).id !== fn.id) return false;
        const assignment = id.parent;
        if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return false;
        return isClientCall(assignment.childForFieldName("right"));
      });
    };
    return {
      module() {
        for (const [method, before] of METHODS) {
          for (const id of ctx.facts.identifiers(method)) {
            const callee = id.parent;
            if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.id !== id.id) continue;
            const self = callee.childForFieldName("object");
            if (self?.type !== "identifier" || self.text !== "self") continue;
            const call = callee.parent;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id) continue;
            const args = callArgs(call);
            if (!args) continue;
            const errors = oldShape(args, before);
            if (typeof errors === "string") continue;
            const [response, context] = args.positional;
            if (response?.type !== "identifier" || (context?.type !== "string" && context?.type !== "identifier")) continue;
            if (context.type === "string" && context.children.some((c) => c?.type === "interpolation")) continue;
            const known = response.text.includes("response") || RESPONSE_NAMES.has(response.text) || assignedResponse(response, call);
            if (!known) continue;
            const edits: Edit[] = [{ start: response.startIndex, end: context.endIndex, text: `${response.text}.context[${context.text}]` }];
            if (errors.type === "none") edits.push({ start: errors.startIndex, end: errors.endIndex, text: "[]" });
            ctx.fix(`${method}(response, name, ...) → ${method}(response.context[name], ...)`, edits);
          }
        }
      },
    };
  },
});
