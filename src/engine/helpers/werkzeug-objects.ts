// Whether an expression is provably a Werkzeug object the file itself shows: a request (flask's
// `request`, a `Request(...)` it builds), a response (`Response(...)`, `make_response(...)`,
// `jsonify(...)`), their `.headers`, or a `Headers(...)` it builds, directly or through a local name
// assigned exactly once from one of those. Rules that rewrite a method only Werkzeug's classes have
// (`headers.to_list()`) rewrite it only on such receivers, since a same-named method of another
// object (pandas' `to_list()`) must keep working.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";

const REQUEST_GLOBALS = new Set(["flask.request", "flask.globals.request"]);
const RESPONSE_FACTORIES = new Set([
  "flask.make_response", "flask.helpers.make_response", "flask.jsonify", "flask.json.jsonify",
  "flask.Response", "flask.wrappers.Response", "werkzeug.Response", "werkzeug.wrappers.Response",
  "werkzeug.wrappers.response.Response", "werkzeug.wrappers.BaseResponse", "werkzeug.wrappers.base_response.BaseResponse",
]);
const REQUEST_CLASSES = new Set([
  "flask.Request", "flask.wrappers.Request", "werkzeug.Request", "werkzeug.wrappers.Request",
  "werkzeug.wrappers.request.Request", "werkzeug.wrappers.BaseRequest", "werkzeug.wrappers.base_request.BaseRequest",
]);
const HEADERS_CLASSES = new Set([
  "werkzeug.datastructures.Headers", "werkzeug.datastructures.EnvironHeaders", "werkzeug.datastructures.headers.Headers",
  "werkzeug.datastructures.headers.EnvironHeaders", "werkzeug.Headers", "werkzeug.EnvironHeaders",
]);

const MAX_DEPTH = 4;

function calls(facts: Facts, node: Node, names: ReadonlySet<string>): boolean {
  if (node.type !== "call") return false;
  const callee = node.childForFieldName("function")!;
  const qualified = callee.type === "identifier" || callee.type === "attribute" ? facts.qualifiedName(callee) : undefined;
  return qualified !== undefined && names.has(qualified);
}

/**
 * The value a plain local name surely holds: the right side of its only binding, an assignment
 * `name = value` in the scope it resolves in; undefined for parameters, loops, rebinding, ....
 */
function soleAssignedValue(facts: Facts, id: Node): Node | undefined {
  const resolution = facts.resolveName(id.text, id);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length !== 1) return undefined;
  const [binding] = resolution.bindings;
  if (binding!.star || binding!.kind !== "bind") return undefined;
  const assignment = binding!.node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding!.node.id) return undefined;
  if (binding!.node.endIndex > id.startIndex && binding!.node.id !== id.id && resolution.immediate) return undefined;
  return assignment.childForFieldName("right") ?? undefined;
}

function isRequest(facts: Facts, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === "identifier" || node.type === "attribute") {
    const qualified = facts.qualifiedName(node);
    if (qualified !== undefined && REQUEST_GLOBALS.has(qualified)) return true;
  }
  if (calls(facts, node, REQUEST_CLASSES)) return true;
  if (node.type !== "identifier") return false;
  const value = soleAssignedValue(facts, node);
  return value !== undefined && isRequest(facts, value, depth + 1);
}

function isResponse(facts: Facts, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (calls(facts, node, RESPONSE_FACTORIES)) return true;
  if (node.type !== "identifier") return false;
  const value = soleAssignedValue(facts, node);
  return value !== undefined && isResponse(facts, value, depth + 1);
}

/** A Werkzeug request or response object, provably. */
export function isWerkzeugMessage(facts: Facts, node: Node): boolean {
  return isRequest(facts, node, 0) || isResponse(facts, node, 0);
}

/** A Werkzeug `Headers` (or `EnvironHeaders`) object, provably. */
export function isWerkzeugHeaders(facts: Facts, node: Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (calls(facts, node, HEADERS_CLASSES)) return true;
  if (node.type === "attribute" && node.childForFieldName("attribute")?.text === "headers") {
    const owner = node.childForFieldName("object")!;
    return isRequest(facts, owner, depth + 1) || isResponse(facts, owner, depth + 1);
  }
  if (node.type !== "identifier") return false;
  const value = soleAssignedValue(facts, node);
  return value !== undefined && isWerkzeugHeaders(facts, value, depth + 1);
}

const CLIENT_CLASSES = new Set(["werkzeug.test.Client", "werkzeug.Client"]);

/**
 * A Werkzeug test `Client(app)` built without a response wrapper, through a local name assigned
 * once: before Werkzeug 2.0 its requests returned the tuple `(app_iter, status, headers)`.
 */
export function isBareWerkzeugClient(facts: Facts, node: Node): boolean {
  if (node.type !== "identifier") return false;
  const value = soleAssignedValue(facts, node);
  if (!value || !calls(facts, value, CLIENT_CLASSES)) return false;
  const list = value.childForFieldName("arguments");
  const args = list?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
  return args.length === 1 && args[0]!.type !== "keyword_argument" && args[0]!.type !== "list_splat" && args[0]!.type !== "dictionary_splat";
}

/** A Werkzeug (or Flask) response object the file builds, provably. */
export function isWerkzeugResponse(facts: Facts, node: Node): boolean {
  return isResponse(facts, node, 0);
}
