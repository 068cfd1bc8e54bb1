// What a plain local name surely holds, when the file shows it: the right side of the name's only
// binding, an assignment `name = value` in the scope the use resolves in. Parameters, loop
// variables, names bound twice, globals and uses that run before the assignment give undefined:
// the rules that ask want to know, not guess.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";

export function soleAssignedValue(facts: Facts, id: Node): Node | undefined {
  if (id.type !== "identifier") return undefined;
  const resolution = facts.resolveName(id.text, id);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length !== 1) return undefined;
  const [binding] = resolution.bindings;
  if (binding!.star || binding!.kind !== "bind") return undefined;
  const assignment = binding!.node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding!.node.id) return undefined;
  // In straight-line code (module, class body) a use before the assignment reads something else.
  if (binding!.node.endIndex > id.startIndex && binding!.node.id !== id.id && resolution.immediate) return undefined;
  return assignment.childForFieldName("right") ?? undefined;
}

/** The qualified name of the callable a call expression calls (`EmailMessage(...)` → `django.core.mail.EmailMessage`). */
export function calledQualified(facts: Facts, node: Node): string | undefined {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  return callee && (callee.type === "identifier" || callee.type === "attribute") ? facts.qualifiedName(callee) : undefined;
}
