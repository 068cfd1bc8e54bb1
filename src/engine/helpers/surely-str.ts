// Whether an expression surely evaluates to a plain `str` (never None, bytes, a number or a
// Markup), judged from its shape alone: rules that swap a helper which accepted anything for one
// that needs a str (html.escape, parse_qsl) rewrite only such arguments.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";

/** A string literal or f-string that is not bytes (implicit concatenation included). */
export function isTextLiteral(node: Node): boolean {
  if (node.type === "concatenated_string") return node.namedChildren.every((c) => c !== null && (c.type !== "string" || isTextLiteral(c)));
  return node.type === "string" && !/^[rRuUfF]*[bB]/.test(node.text);
}

const REQUESTS = new Set(["flask.request", "flask.globals.request"]);
const TEXT_MAPPINGS = new Set(["args", "form", "values", "cookies", "headers"]);

/** `request.args` (form, values, cookies, headers) of flask's request: its values are plain str. */
function requestTextMapping(facts: Facts, node: Node | null): boolean {
  if (node?.type !== "attribute" || !TEXT_MAPPINGS.has(node.childForFieldName("attribute")?.text ?? "")) return false;
  const owner = facts.qualifiedName(node.childForFieldName("object")!);
  return owner !== undefined && REQUESTS.has(owner);
}

function plainArguments(call: Node): Node[] | undefined {
  const args = call.childForFieldName("arguments")?.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
  return args?.every((a) => a.type !== "keyword_argument" && a.type !== "list_splat" && a.type !== "dictionary_splat") ? args : undefined;
}

/**
 * A text literal, an f-string, `"..." % x`, `str(x)` (the builtin), `b.decode()` or
 * `b.decode("encoding")`, `"...".format(...)`, `"...".join(...)`, and flask's `request.args["k"]`
 * or `request.args.get("k", "literal")` (form, values, cookies, headers too).
 */
export function surelyStr(facts: Facts, node: Node): boolean {
  if (isTextLiteral(node)) return true;
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.filter((c) => c !== null && c.type !== "comment");
    return inner.length === 1 && surelyStr(facts, inner[0]!);
  }
  // str.__mod__ returns a plain str, whatever the right side is (a Markup included).
  if (node.type === "binary_operator") {
    return node.childForFieldName("operator")?.type === "%" && isTextLiteral(node.childForFieldName("left")!);
  }
  if (node.type === "subscript") return requestTextMapping(facts, node.childForFieldName("value"));
  if (node.type !== "call") return false;
  const callee = node.childForFieldName("function")!;
  const args = plainArguments(node);
  if (!args) return false;
  // str(x) is a plain str even for a Markup x, unless `str` is rebound in this file.
  if (callee.type === "identifier") return callee.text === "str" && facts.resolveName("str", callee).scope === null;
  if (callee.type !== "attribute") return false;
  const method = callee.childForFieldName("attribute")?.text;
  const receiver = callee.childForFieldName("object")!;
  // bytes.decode takes the encoding (and errors) as literals; codecs.decode takes the object first.
  if (method === "decode") return !(receiver.type === "identifier" && receiver.text === "codecs") && args.length <= 2 && args.every(isTextLiteral);
  if (method === "format" || method === "join") return isTextLiteral(receiver);
  if (method === "get" && requestTextMapping(facts, receiver)) return args.length === 2 && isTextLiteral(args[1]!);
  return false;
}
