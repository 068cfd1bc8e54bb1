// django/request-is-ajax: Django 3.1 deprecated HttpRequest.is_ajax() (removed in 4.0). The release
// note gives its exact equivalent, which is what the call becomes:
// `request.headers.get("x-requested-with") == "XMLHttpRequest"`. Only receivers that surely are the
// request (`request`, `self.request`) are rewritten, and parentheses are added where the comparison
// would otherwise bind differently.
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { isRequestExpression } from "../../src/engine/helpers/django-names.js";
import { definesFunction } from "../../src/engine/helpers/methods.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { freeQuote } from "../../src/engine/helpers/string-quotes.js";

/** Parents in which `a == b` needs no parentheses where `f()` stood. */
const LOOSE_PARENTS = new Set([
  "if_statement", "elif_clause", "while_statement", "boolean_operator", "not_operator", "return_statement",
  "argument_list", "keyword_argument", "parenthesized_expression", "expression_statement", "assert_statement",
  "conditional_expression", "list", "tuple", "set", "pair", "expression_list", "lambda",
]);

function needsParentheses(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return true;
  if (parent.type === "assignment" || parent.type === "augmented_assignment") return parent.childForFieldName("right")?.id !== call.id;
  return !LOOSE_PARENTS.has(parent.type);
}

export default defineRule({
  id: "django/request-is-ajax",
  framework: "django",
  since: "3.1",
  summary: 'request.is_ajax() becomes request.headers.get("x-requested-with") == "XMLHttpRequest"',
  description:
    "Django 3.1 deprecated `HttpRequest.is_ajax()` and Django 4.0 removed it; the release note names " +
    "`request.headers.get(\"x-requested-with\") == \"XMLHttpRequest\"` as the exact equivalent. `request.is_ajax()` and " +
    "`self.request.is_ajax()` become that comparison (in parentheses where an operator around the call would bind " +
    "differently). Other receivers, calls with arguments, and files that define their own `is_ajax` are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1",
  needles: ["is_ajax"],
  create(ctx) {
    return {
      module() {
        if (definesFunction(ctx.facts, "is_ajax")) return;
        for (const id of ctx.facts.identifiers("is_ajax")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const receiver = attribute.childForFieldName("object");
          if (!isRequestExpression(receiver)) continue;
          const call = callOf(attribute);
          const args = call && callArgs(call);
          if (!call || !args || args.args.length > 0 || args.comments.length > 0) continue;
          // Inside an f-string's braces the quote must differ from the f-string's (before 3.12).
          const q = freeQuote(call);
          if (!q) continue;
          const comparison = `${receiver!.text}.headers.get(${q}x-requested-with${q}) == ${q}XMLHttpRequest${q}`;
          const text = needsParentheses(call) ? `(${comparison})` : comparison;
          ctx.fix("is_ajax() → headers comparison", [{ start: call.startIndex, end: call.endIndex, text }]);
        }
      },
    };
  },
});
