// Receivers that surely are a Django QuerySet or manager. Method names such as `latest` are common
// (feeds, caches, API clients), so a rule that rewrites a QuerySet method's arguments needs more
// than "the file imports Django": the receiver must be reached through a manager.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { statementOf } from "../facts.js";

/** Attributes that are managers: `Model.objects`, `Model._default_manager`, `author.book_set`. */
const MANAGER_ATTRIBUTE = /^(?:objects|_default_manager|_base_manager|[A-Za-z]\w*_set)$/;

/** QuerySet (and manager) methods that return a QuerySet of the same model. */
const QUERYSET_METHODS = new Set([
  "all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "annotate", "alias", "using",
  "only", "defer", "distinct", "reverse", "extra", "none", "select_for_update", "complex_filter", "union",
  "intersection", "difference",
]);

/** How many `name = value` steps are followed back from a name. */
const MAX_DEPTH = 4;

/**
 * True when `node` is surely a QuerySet or manager: a manager attribute (`Entry.objects`,
 * `author.entry_set`), a QuerySet method called on one (`Entry.objects.filter(...)`), any
 * `get_queryset()` call, or a name assigned once in its scope from one of these.
 */
export function isSurelyQuerySet(facts: Facts, node: Node | null, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  switch (node.type) {
    case "parenthesized_expression":
      return isSurelyQuerySet(facts, node.namedChild(0), depth);
    case "attribute":
      return MANAGER_ATTRIBUTE.test(node.childForFieldName("attribute")?.text ?? "");
    case "call": {
      const callee = node.childForFieldName("function");
      if (callee?.type !== "attribute") return false;
      const method = callee.childForFieldName("attribute")?.text ?? "";
      if (method === "get_queryset") return true;
      return QUERYSET_METHODS.has(method) && isSurelyQuerySet(facts, callee.childForFieldName("object"), depth);
    }
    case "identifier":
      return isSurelyQuerySet(facts, soleAssignedValue(facts, node), depth + 1);
    default:
      return false;
  }
}

/** The value of the one plain assignment (`name = value`) that binds `use`'s name in its scope. */
function soleAssignedValue(facts: Facts, use: Node): Node | null {
  const resolution = facts.resolveName(use.text, use);
  if (resolution.scope === null || resolution.uncertain || resolution.bindings.length !== 1) return null;
  const binding = resolution.bindings[0]!;
  if (binding.kind !== "bind" || binding.star) return null;
  const assignment = binding.node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding.node.id) return null;
  // The assignment must run before the use: in the same scope, earlier in the text.
  if (statementOf(assignment).endIndex > use.startIndex && resolution.immediate) return null;
  return assignment.childForFieldName("right");
}
