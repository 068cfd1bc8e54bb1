// Helpers about methods and functions: is this name the `self` of a method, does the module define a function of this name.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { classifyIdentifier } from "../scope.js";

/** The function_definition a decorated or plain definition stands for, and the statement holding it. */
function definitionStatement(fn: Node): Node {
  return fn.parent?.type === "decorated_definition" ? fn.parent : fn;
}

/**
 * True when the identifier `id` (a use) reads the first parameter of an instance method: a `def`
 * written directly in a class body, not a staticmethod/classmethod, whose first parameter binds the
 * name and nothing else in the method rebinds it. Nested functions inside the method count too.
 */
export function isMethodSelf(facts: Facts, id: Node): boolean {
  if (id.type !== "identifier" || classifyIdentifier(id) !== "use") return false;
  const resolution = facts.resolveName(id.text, id);
  const fn = resolution.scope;
  if (!fn || fn.type !== "function_definition" || resolution.bindings.length !== 1) return false;
  const params = fn.childForFieldName("parameters");
  const first = params?.namedChildren.find((c) => c !== null && c.type !== "comment");
  const firstName = first?.type === "identifier" ? first : first?.type === "typed_parameter" ? first.namedChild(0) : null;
  if (!firstName || firstName.type !== "identifier" || firstName.id !== resolution.bindings[0]!.node.id) return false;
  const statement = definitionStatement(fn);
  if (statement.parent?.type !== "block" || statement.parent.parent?.type !== "class_definition") return false;
  if (statement.type === "decorated_definition") {
    for (const decorator of statement.namedChildren) {
      if (decorator?.type === "decorator" && /\b(?:staticmethod|classmethod)\b/.test(decorator.text)) return false;
    }
  }
  return true;
}

/** True when the file defines a function or method called `name` anywhere (a local helper of that name). */
export function definesFunction(facts: Facts, name: string): boolean {
  return facts.identifiers(name).some((id) => id.parent?.type === "function_definition" && id.parent.childForFieldName("name")?.id === id.id);
}
