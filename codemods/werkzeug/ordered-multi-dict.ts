// werkzeug/ordered-multi-dict: Werkzeug 3.1 deprecated OrderedMultiDict and
// ImmutableOrderedMultiDict (removed in 3.2) for MultiDict / ImmutableMultiDict. The two keep each
// key's values in the same order, but the ordered class also kept the interleaved order of all
// items (items(multi=True), iteration, popitem, equality, to_dict's key order after a reassignment),
// which MultiDict groups by key. So the class is replaced only where that order cannot show: an
// object built into a local variable of a function and then only read or written key by key
// (`d[k]`, `d[k] = v`, `d.get`, `d.getlist`, `d.add`, `d.setlist`, `k in d`, `len(d)`). Any other use
// (returned, passed on, iterated, a class attribute such as parameter_storage_class) is reported.
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";
import { enclosingScope } from "../../src/engine/scope.js";

const KEYWISE_METHODS = new Set(["get", "getlist", "add", "setlist"]);
const WHY = "its items' interleaved order could show (MultiDict groups the values of each key); keep it, or check that nothing " +
  "reads the order of all items and use MultiDict";

/** A use of the dict that reads or writes one key, so the order of all items cannot show. */
function keywise(use: Node): boolean {
  const parent = use.parent;
  if (!parent) return false;
  if (parent.type === "subscript" && parent.childForFieldName("value")?.id === use.id) {
    const outer = parent.parent;
    // `d[k]`, `d[k] = v`; not `del d[k]` or `d[k] += v` (both fine, but rare; keep the list short).
    return outer?.type !== "delete_statement" && outer?.type !== "augmented_assignment";
  }
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === use.id) {
    const method = parent.childForFieldName("attribute")?.text ?? "";
    const call = parent.parent;
    return KEYWISE_METHODS.has(method) && call?.type === "call" && call.childForFieldName("function")?.id === parent.id;
  }
  if (parent.type === "comparison_operator") {
    const operators = parent.children.filter((c) => c !== null && !c.isNamed).map((c) => c!.type);
    return operators.length === 1 && (operators[0] === "in" || operators[0] === "not in") && parent.namedChildren[1]?.id === use.id;
  }
  if (parent.type === "argument_list" && parent.namedChildCount === 1) {
    const callee = parent.parent?.childForFieldName("function");
    return callee?.type === "identifier" && callee.text === "len";
  }
  return false;
}

/** `d = OrderedMultiDict(...)` in a function, with every later use of `d` key by key. */
function keywiseLocal(args: CallArgs, ctx: RuleContext): [] | string {
  const assignment = args.call.parent;
  const target = assignment?.childForFieldName("left");
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== args.call.id || target?.type !== "identifier") {
    return WHY;
  }
  const scope = enclosingScope(assignment);
  if (scope.type !== "function_definition") return WHY;
  const resolution = ctx.facts.resolveName(target.text, target);
  if (resolution.scope?.id !== scope.id || resolution.bindings.length !== 1) return WHY;
  const uses = ctx.facts.identifiers(target.text).filter((id) => id.id !== target.id && ctx.facts.resolveName(id.text, id).scope?.id === scope.id);
  return uses.every(keywise) ? [] : WHY;
}

export default nameMoves({
  id: "werkzeug/ordered-multi-dict",
  framework: "werkzeug",
  since: "3.1",
  summary: "(Immutable)OrderedMultiDict becomes (Immutable)MultiDict where only key-by-key access follows",
  description:
    "Werkzeug 3.1 deprecated `OrderedMultiDict` and `ImmutableOrderedMultiDict` (removed in 3.2). `MultiDict` keeps the " +
    "values of each key in order but groups them by key, where the ordered class kept the interleaved order of all items. " +
    "The class is replaced where that cannot show: an object built into a function's local variable that is then only " +
    "used key by key (`d[k]`, `d[k] = v`, `get`, `getlist`, `add`, `setlist`, `in`, `len`). Other uses are reported.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-3-1-0",
  moves: [
    { from: "werkzeug.datastructures.OrderedMultiDict", to: "werkzeug.datastructures.MultiDict", arguments: keywiseLocal },
    { from: "werkzeug.datastructures.ImmutableOrderedMultiDict", to: "werkzeug.datastructures.ImmutableMultiDict", arguments: keywiseLocal },
  ],
  needles: ["OrderedMultiDict"],
  precheck: (text) => text.includes("werkzeug"),
});
