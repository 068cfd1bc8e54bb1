// Whether an expression is surely text (str), surely bytes, or unknown, from its spelling and the
// file's bindings. A wrong "str" makes a rule add `.encode()` to something that has no such method,
// and a wrong "bytes" leaves a str where bytes are needed, so a guess is always "unknown":
// - literals say what they are;
// - the builtins `str(...)` / `bytes(...)` (unless the file rebinds them) and a few standard-library
//   functions reached through their imports (`base64.b64encode`, `os.urandom`, `secrets.token_hex`);
// - str and bytes methods whose result type does not depend on the receiver (`.encode()` is
//   bytes, `.decode()` and `.hexdigest()` are str), called with the literal arguments those methods
//   take, on a receiver that is not itself an imported name: `codecs.decode(x, "hex")` gives bytes
//   and `jwt.decode(token)` a dict, while `settings.SECRET_KEY.encode()` is bytes;
// - methods both str and bytes have (`join`, `lower`, `strip`, ...) return the receiver's own type,
//   so they are known only on a literal receiver: `b"".join(parts)` is bytes.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { isTextLiteral } from "./surely-str.js";

export type ValueKind = "bytes" | "str" | "unknown";

/** Standard-library functions by qualified name, whatever name the file imports them under. */
const FUNCTIONS = new Map<string, ValueKind>([
  ...["b64encode", "b64decode", "urlsafe_b64encode", "urlsafe_b64decode", "b32encode", "b32decode", "b16encode", "b16decode"].map(
    (name) => [`base64.${name}`, "bytes"] as const,
  ),
  ["os.urandom", "bytes"],
  ["secrets.token_bytes", "bytes"],
  ["secrets.token_hex", "str"],
  ["secrets.token_urlsafe", "str"],
  ["binascii.hexlify", "bytes"],
  ["binascii.unhexlify", "bytes"],
]);

/** Methods of str, bytes and hash objects, with the most arguments each accepts. */
const METHODS: ReadonlyMap<string, { kind: ValueKind; maxArgs: number }> = new Map([
  ["encode", { kind: "bytes", maxArgs: 2 }], // str.encode(encoding, errors)
  ["decode", { kind: "str", maxArgs: 2 }], // bytes.decode(encoding, errors)
  ["digest", { kind: "bytes", maxArgs: 0 }], // hash.digest(); shake's digest(length) too, but then 1
  ["hexdigest", { kind: "str", maxArgs: 0 }],
  ["hex", { kind: "str", maxArgs: 2 }], // bytes.hex(sep, bytes_per_sep), float.hex()
  ["to_bytes", { kind: "bytes", maxArgs: 3 }], // int.to_bytes(length, byteorder, signed=)
]);

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

function isLiteral(node: Node): boolean {
  return node.type === "string" || node.type === "concatenated_string";
}

/** The call's arguments when they are all positional string literals (what str/bytes methods take), else undefined. */
function literalArguments(call: Node): Node[] | undefined {
  const args = call.childForFieldName("arguments")?.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment") ?? [];
  return args.every((a) => isTextLiteral(a) || a.type === "integer" || a.type === "keyword_argument") ? args : undefined;
}

/** True when the receiver is a name the file imports (a module such as `codecs`, or an imported object). */
function isImportedName(facts: Facts, receiver: Node): boolean {
  if (receiver.type !== "identifier") return false;
  const resolution = facts.resolveName(receiver.text, receiver);
  return resolution.bindings.some((b) => b.star || facts.importForLocal(b.node) !== undefined);
}

function isBuiltin(facts: Facts, callee: Node, name: string): boolean {
  return callee.type === "identifier" && callee.text === name && facts.resolveName(name, callee).scope === null;
}

export function kindOf(facts: Facts, node: Node): ValueKind {
  if (node.type === "string") return isTextLiteral(node) ? "str" : "bytes";
  if (node.type === "concatenated_string") return kindOf(facts, node.namedChildren[0]!);
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
    return inner.length === 1 ? kindOf(facts, inner[0]!) : "unknown";
  }
  if (node.type !== "call") return "unknown";
  const callee = node.childForFieldName("function")!;
  if (isBuiltin(facts, callee, "str")) return "str";
  if (isBuiltin(facts, callee, "bytes")) return "bytes";
  const qualified = callee.type === "identifier" || callee.type === "attribute" ? facts.qualifiedName(callee) : undefined;
  const known = qualified === undefined ? undefined : FUNCTIONS.get(qualified);
  if (known) return known;
  if (callee.type !== "attribute") return "unknown";
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  if (SAME_AS_RECEIVER.has(method)) return isLiteral(receiver) ? kindOf(facts, receiver) : "unknown";
  const signature = METHODS.get(method);
  if (!signature || isImportedName(facts, receiver)) return "unknown";
  const args = literalArguments(node);
  return args !== undefined && args.length <= signature.maxArgs ? signature.kind : "unknown";
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
