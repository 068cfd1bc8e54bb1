// Blueprint registrations seen in one file: `receiver.register_blueprint(bp, ...)` calls with the
// blueprint given as a plain name, and what that name is bound to, so that two registrations (or
// a registration and a later setup call) can be told to concern the same blueprint object.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { stringValue } from "./findings.js";
import { callArgs, type CallArgs } from "./calls.js";

const BLUEPRINT = new Set(["flask.Blueprint", "flask.blueprints.Blueprint"]);

export interface Registration {
  call: Node;
  args: CallArgs;
  /** `app` in `app.register_blueprint(bp)`. */
  receiver: Node;
  /** The blueprint argument (a plain name). */
  blueprint: Node;
  /** The node that binds the blueprint name (the only binding it resolves to). */
  binding: Node;
}

/** The only node binding `name` where it is used, or undefined when that is not certain. */
export function soleBinding(facts: Facts, name: Node): Node | undefined {
  const resolution = facts.resolveName(name.text, name);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star) return undefined;
  return resolution.bindings[0]!.node;
}

export function registrations(facts: Facts): Registration[] {
  const out: Registration[] = [];
  for (const id of facts.identifiers("register_blueprint")) {
    const method = id.parent;
    if (method?.type !== "attribute" || method.childForFieldName("attribute")?.id !== id.id) continue;
    const call = method.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== method.id) continue;
    const args = callArgs(call);
    const blueprint = args?.positional[0];
    if (!args || args.listSplat || args.dictSplat || blueprint?.type !== "identifier" || args.args[0]?.id !== blueprint.id) continue;
    const binding = soleBinding(facts, blueprint);
    if (!binding) continue;
    out.push({ call, args, receiver: method.childForFieldName("object")!, blueprint, binding });
  }
  return out;
}

/** `Blueprint("name", ...)` bound to `binding` by a plain assignment: the literal name, when there is one. */
export function blueprintName(facts: Facts, binding: Node): string | undefined {
  const assignment = binding.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding.id) return undefined;
  const right = assignment.childForFieldName("right");
  if (right?.type !== "call" || !BLUEPRINT.has(facts.qualifiedName(right.childForFieldName("function")!) ?? "")) return undefined;
  const args = callArgs(right);
  const first = args?.keywords.get("name")?.childForFieldName("value") ?? args?.positional[0];
  return first ? stringValue(first) : undefined;
}
