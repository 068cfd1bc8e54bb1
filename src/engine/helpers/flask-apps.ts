// Is this expression a Flask application? Rules that rewrite app attributes and config need to
// know the receiver, not guess from its spelling: a name bound only by `name = Flask(...)` (or a
// class of the same file deriving from Flask), the `current_app` proxy, or `self` in a method of a
// Flask subclass.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { derivesFrom, enclosingClass } from "./classes.js";
import { isMethodSelf } from "./methods.js";

const FLASK = new Set(["flask.Flask", "flask.app.Flask"]);
const CURRENT_APP = new Set(["flask.current_app", "flask.globals.current_app"]);

export const isFlaskClass = (qualified: string): boolean => FLASK.has(qualified);

/** The class_definition `name` means at its use, when a single top-level class binds it. */
function classOf(facts: Facts, name: Node): Node | undefined {
  const resolution = facts.resolveName(name.text, name);
  if (resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star) return undefined;
  const cls = resolution.bindings[0]!.node.parent;
  return cls?.type === "class_definition" && cls.childForFieldName("name")?.id === resolution.bindings[0]!.node.id ? cls : undefined;
}

/** True when calling `callee` creates a Flask application. */
export function createsFlaskApp(facts: Facts, callee: Node): boolean {
  const qualified = facts.qualifiedName(callee);
  if (qualified !== undefined && FLASK.has(qualified)) return true;
  if (callee.type !== "identifier") return false;
  const cls = classOf(facts, callee);
  return cls !== undefined && derivesFrom(facts, cls, isFlaskClass);
}

/** True when the expression is known to be a Flask application object. */
export function isFlaskApp(facts: Facts, node: Node): boolean {
  if (node.type === "attribute") {
    const qualified = facts.qualifiedName(node);
    return qualified !== undefined && CURRENT_APP.has(qualified);
  }
  if (node.type !== "identifier") return false;
  const qualified = facts.qualifiedName(node);
  if (qualified !== undefined) return CURRENT_APP.has(qualified);
  if (isMethodSelf(facts, node)) {
    let fn: Node | null = node.parent;
    while (fn && fn.type !== "function_definition") fn = fn.parent;
    const cls = fn ? enclosingClass(fn) : undefined;
    return cls !== undefined && derivesFrom(facts, cls, isFlaskClass);
  }
  const resolution = facts.resolveName(node.text, node);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length === 0) return false;
  return resolution.bindings.every((binding) => {
    if (binding.star || binding.kind !== "bind") return false;
    const assignment = binding.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding.node.id) return false;
    const right = assignment.childForFieldName("right");
    const callee = right?.type === "call" ? right.childForFieldName("function") : null;
    return !!callee && createsFlaskApp(facts, callee);
  });
}
