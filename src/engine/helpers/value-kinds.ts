// Whether an expression is surely text (str), surely bytes, or unknown, from its spelling alone:
// literals, and calls whose result type does not depend on the receiver (`.encode()` is bytes,
// `.decode()` and `.hexdigest()` are str). Methods that both str and bytes have (`join`, `lower`,
// `strip`, ...) return the receiver's type, so they are known only on a literal receiver:
// `b"".join(parts)` is bytes.
import type { Node } from "../parser.js";

export type ValueKind = "bytes" | "str" | "unknown";

const BYTES_CALLS = new Set(["encode", "digest", "bytes", "b64encode", "urlsafe_b64encode", "b64decode", "urlsafe_b64decode", "to_bytes", "urandom", "token_bytes"]);
const STR_CALLS = new Set(["decode", "hexdigest", "str", "hex", "token_hex", "token_urlsafe"]);
/** Methods of both str and bytes that return the receiver's own type. */
const SAME_AS_RECEIVER = new Set(["format", "join", "lower", "upper", "strip", "lstrip", "rstrip", "replace", "title", "casefold"]);

/** The called function's own name: `f(...)` → f, `a.b.f(...)` → f. */
export function calledName(node: Node): string | undefined {
  if (node.type !== "call") return undefined;
  const callee = node.childForFieldName("function");
  if (callee?.type === "identifier") return callee.text;
  if (callee?.type === "attribute") return callee.childForFieldName("attribute")?.text;
  return undefined;
}

export function kindOf(node: Node): ValueKind {
  if (node.type === "string") return /^[rRuUfF]*[bB]/.test(node.text) ? "bytes" : "str";
  if (node.type === "concatenated_string") return kindOf(node.namedChildren[0]!);
  const called = calledName(node);
  if (!called) return "unknown";
  if (BYTES_CALLS.has(called)) return "bytes";
  if (STR_CALLS.has(called)) return "str";
  if (SAME_AS_RECEIVER.has(called)) {
    const receiver = node.childForFieldName("function")?.childForFieldName("object");
    return receiver && (receiver.type === "string" || receiver.type === "concatenated_string") ? kindOf(receiver) : "unknown";
  }
  return "unknown";
}

/** Reading it twice gives the same value with no side effect worth mentioning (a name, an attribute chain, a literal subscript). */
export function isPlain(node: Node): boolean {
  if (node.type === "identifier") return true;
  if (node.type === "attribute") return isPlain(node.childForFieldName("object")!);
  if (node.type === "subscript") {
    const index = node.childForFieldName("subscript");
    return isPlain(node.childForFieldName("value")!) && (index?.type === "string" || index?.type === "integer");
  }
  return false;
}
