// Method overrides in subclasses of framework classes: find `def name(...)` written directly in a
// class that derives (through the imports, or through classes of the same file) from one of the
// framework's classes, and the `super().name(...)` calls inside it, so a signature change can be
// made on both together.
import type { Edit } from "../edits.js";
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { callArgs, callOf, insertItem, type CallArgs } from "./calls.js";
import { derivesFrom, enclosingClass } from "./classes.js";

export interface Override {
  fn: Node;
  cls: Node;
  /** The parameters node `( ... )`. */
  parameters: Node;
  /** Parameters in order, comments left out. */
  params: Node[];
}

/** `def name` methods in classes deriving from a class `matches` accepts. */
export function overridesOf(facts: Facts, name: string, matches: (qualified: string) => boolean): Override[] {
  const found: Override[] = [];
  for (const id of facts.identifiers(name)) {
    const fn = id.parent;
    if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.id !== id.id) continue;
    const cls = enclosingClass(fn);
    if (!cls || !derivesFrom(facts, cls, matches)) continue;
    const parameters = fn.childForFieldName("parameters");
    if (!parameters) continue;
    const params = parameters.namedChildren.filter((p): p is Node => p !== null && p.type !== "comment");
    found.push({ fn, cls, parameters, params });
  }
  return found;
}

/** The name a parameter binds (`x`, `x=1`, `x: int`), or undefined for `*`, `*args`, `**kw`, `/`. */
export function parameterName(param: Node): string | undefined {
  if (param.type === "identifier") return param.text;
  if (param.type === "default_parameter" || param.type === "typed_default_parameter") return param.childForFieldName("name")?.text;
  if (param.type === "typed_parameter") {
    const first = param.namedChild(0);
    return first?.type === "identifier" ? first.text : undefined;
  }
  return undefined;
}

/** True when every parameter is a plain, unannotated name without a default. */
export function allPlain(params: Node[]): boolean {
  return params.every((p) => p.type === "identifier");
}

/** True when the function's body (or its decorators/defaults) writes the identifier `name` anywhere. */
export function mentions(facts: Facts, fn: Node, name: string): boolean {
  const body = fn.childForFieldName("body");
  if (!body) return true;
  return facts.identifiers(name).some((id) => id.startIndex >= body.startIndex && id.endIndex <= body.endIndex);
}

/** `super().name(...)` / `super(Cls, self).name(...)` calls inside the function's body, with their arguments. */
export function superCalls(facts: Facts, fn: Node, name: string): { call: Node; args: CallArgs | undefined }[] {
  const body = fn.childForFieldName("body");
  if (!body) return [];
  const out: { call: Node; args: CallArgs | undefined }[] = [];
  for (const id of facts.identifiers(name)) {
    if (id.startIndex < body.startIndex || id.endIndex > body.endIndex) continue;
    const attribute = id.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
    const object = attribute.childForFieldName("object");
    if (object?.type !== "call" || object.childForFieldName("function")?.text !== "super") continue;
    const call = callOf(attribute);
    if (!call) continue;
    out.push({ call, args: callArgs(call) });
  }
  return out;
}

/** An insertion of `text` right after `node`. */
export function insertAfter(node: Node, text: string): Edit {
  return { start: node.endIndex, end: node.endIndex, text };
}

/** An insertion of `text` right before `node`. */
export function insertBefore(node: Node, text: string): Edit {
  return { start: node.startIndex, end: node.startIndex, text };
}

/**
 * Inserts the parameter `text` so that it becomes parameter number `index`, keeping the layout
 * (one parameter per line stays so).
 */
export function insertParameter(source: string, o: Override, index: number, text: string, newline: string): Edit[] {
  const open = o.parameters.child(0)!;
  const close = o.parameters.child(o.parameters.childCount - 1)!;
  return insertItem(source, { open, close, items: o.params }, index, text, newline);
}
