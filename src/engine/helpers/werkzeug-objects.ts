// Whether an expression is provably a Werkzeug object the file itself shows: a request (flask's
// `request`, a `Request(...)` it builds), a response (`Response(...)`, `make_response(...)`,
// `jsonify(...)`), their `.headers`, or a `Headers(...)` it builds, directly or through a local name
// assigned exactly once from one of those. Rules that rewrite a method only Werkzeug's classes have
// (`headers.to_list()`) rewrite it only on such receivers, since a same-named method of another
// object (pandas' `to_list()`) must keep working.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";
import { soleAssignedValue } from "./bound-value.js";

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

/** Fixture methods of unittest and pytest classes: they run before every test method. */
const SETUP_METHODS = new Set(["setUp", "setup_method"]);
/** Parents under which an attribute is assigned or deleted rather than read. */
const STORES = new Set(["augmented_assignment", "pattern_list", "tuple_pattern", "list_pattern", "for_statement", "for_in_clause", "delete_statement", "as_pattern_target", "with_item", "list_splat_pattern"]);

/** The method (a `def` directly in a class body) a node is in, with its class and first parameter. */
function methodOf(node: Node): { fn: Node; cls: Node; self: string } | undefined {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  if (!fn) return undefined;
  const statement = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
  const cls = statement.parent?.type === "block" ? statement.parent.parent : undefined;
  const first = fn.childForFieldName("parameters")?.namedChildren[0];
  if (cls?.type !== "class_definition" || first?.type !== "identifier") return undefined;
  return { fn, cls, self: first.text };
}

/** True when `name` at `id` is the method's own first parameter (not rebound in it). */
function isOwnSelf(facts: Facts, id: Node, fn: Node): boolean {
  const resolution = facts.resolveName(id.text, id);
  if (resolution.scope?.id !== fn.id || resolution.uncertain || resolution.bindings.length !== 1) return false;
  return resolution.bindings[0]!.node.id === fn.childForFieldName("parameters")?.namedChildren[0]?.id;
}

/**
 * `self.client` in a test method, where the class's `setUp` (or pytest's `setup_method`) is the one
 * place in the file that sets `<anything>.client`, assigning it once from a call: that call's node.
 * Other assignments anywhere in the file (a subclass's own setUp, a test that swaps the client)
 * make the value unknown.
 */
function setUpValue(facts: Facts, node: Node): Node | undefined {
  const object = node.childForFieldName("object");
  const name = node.childForFieldName("attribute")!.text;
  const here = methodOf(node);
  if (object?.type !== "identifier" || !here || object.text !== here.self || !isOwnSelf(facts, object, here.fn)) return undefined;
  let value: Node | undefined;
  for (const id of facts.identifiers(name)) {
    const attribute = id.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
    const parent = attribute.parent;
    if (parent && STORES.has(parent.type)) return undefined;
    if (parent?.type !== "assignment" || parent.childForFieldName("left")?.id !== attribute.id) continue;
    // The one store: `self.client = Client(app)` as a statement of setUp, on setUp's own self.
    if (value || parent.parent?.type !== "expression_statement" || parent.parent.parent?.parent?.type !== "function_definition") return undefined;
    const owner = attribute.childForFieldName("object")!;
    const setUp = methodOf(attribute);
    if (!setUp || setUp.cls.id !== here.cls.id || !SETUP_METHODS.has(setUp.fn.childForFieldName("name")!.text)) return undefined;
    if (owner.type !== "identifier" || owner.text !== setUp.self || !isOwnSelf(facts, owner, setUp.fn)) return undefined;
    value = parent.childForFieldName("right") ?? undefined;
  }
  // A class attribute of that name would be read before setUp runs in other methods' eyes.
  const body = here.cls.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === name) return undefined;
  }
  return value;
}

/**
 * A Werkzeug test `Client(app)` built without a response wrapper, through a local name assigned
 * once or a `self.client` that the class's setUp assigns once: before Werkzeug 2.0 its requests
 * returned the tuple `(app_iter, status, headers)`.
 */
export function isBareWerkzeugClient(facts: Facts, node: Node): boolean {
  if (node.type !== "identifier" && node.type !== "attribute") return false;
  const value = node.type === "identifier" ? soleAssignedValue(facts, node) : setUpValue(facts, node);
  if (!value || !calls(facts, value, CLIENT_CLASSES)) return false;
  const list = value.childForFieldName("arguments");
  const args = list?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
  return args.length === 1 && args[0]!.type !== "keyword_argument" && args[0]!.type !== "list_splat" && args[0]!.type !== "dictionary_splat";
}

/** A Werkzeug (or Flask) response object the file builds, provably. */
export function isWerkzeugResponse(facts: Facts, node: Node): boolean {
  return isResponse(facts, node, 0);
}
