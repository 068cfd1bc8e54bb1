// werkzeug/test-client-tuple: Werkzeug 2.0 made the test client always return a TestResponse and
// deprecated the tuple results (removed in 2.1). Two statement shapes are rewritten:
//   env, resp = client.get(..., as_tuple=True)   →   resp = client.get(...)
//                                                     env = resp.request.environ
// (what as_tuple=True returned, on any test client), and, on a Werkzeug `Client(app)` built without
// a response wrapper (which returned `(app_iter, status, headers)` before 2.0; a local name, or a
// `self.client` that a unittest setUp / pytest setup_method assigns),
//   body, status, headers = client.get("/")      →   response = client.get("/")
//                                                     body, status, headers = response.response, response.status, response.headers
// `as_tuple=False` (the default) is dropped. Other uses of as_tuple=True are reported.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, removeArgument, type CallArgs } from "../../src/engine/helpers/calls.js";
import { isBareWerkzeugClient } from "../../src/engine/helpers/werkzeug-objects.js";
import { indentAt } from "../../src/engine/text.js";
import type { Node } from "../../src/engine/parser.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0";
const METHODS = ["open", "get", "post", "put", "patch", "delete", "head", "options", "trace"];

/** `client`, `self.client`, `test_client`, `app.test_client()`: what a test client is spelled as. */
function looksLikeClient(node: Node): boolean {
  if (node.type === "identifier") return /client/i.test(node.text);
  if (node.type === "attribute") return /client/i.test(node.childForFieldName("attribute")?.text ?? "");
  if (node.type === "call") {
    const callee = node.childForFieldName("function");
    return callee?.type === "attribute" && callee.childForFieldName("attribute")?.text === "test_client";
  }
  return false;
}

/** The `a, b = <call>` statement around a call, with its plain-name targets; undefined otherwise. */
function unpacking(call: Node): { statement: Node; names: Node[] } | undefined {
  const assignment = call.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== call.id) return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  if (statement.parent?.type !== "block" && statement.parent?.type !== "module") return undefined;
  const left = assignment.childForFieldName("left")!;
  if (left.type !== "pattern_list" && left.type !== "tuple_pattern") return undefined;
  const names = left.namedChildren.filter((c): c is Node => c !== null);
  if (!names.every((n) => n.type === "identifier")) return undefined;
  if (new Set(names.map((n) => n.text)).size !== names.length) return undefined;
  return { statement, names };
}

/** The call's text with one argument removed. */
function callWithout(ctx: RuleContext, call: Node, removal: Edit[]): string {
  let text = ctx.source.slice(call.startIndex, call.endIndex);
  for (const edit of [...removal].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start - call.startIndex) + edit.text + text.slice(edit.end - call.startIndex);
  }
  return text;
}

/** A name for the response that nothing in the file uses yet. */
function freshName(ctx: RuleContext, at: Node): string | undefined {
  for (const name of ["response", "test_response", "client_response"]) {
    if (ctx.facts.identifiers(name).length === 0 && ctx.facts.resolveName(name, at, enclosingScope(at)).scope === null) return name;
  }
  return undefined;
}

function asTuple(ctx: RuleContext, call: Node, args: CallArgs, keyword: Node): void {
  const value = keyword.childForFieldName("value")!.text;
  const removal = removeArgument(ctx.source, args, keyword);
  if (!removal) return;
  if (value === "False") {
    ctx.fix("as_tuple=False dropped", removal);
    return;
  }
  const shape = value === "True" ? unpacking(call) : undefined;
  if (!shape || shape.names.length !== 2 || args.comments.length > 0) {
    ctx.report(keyword, `as_tuple= was removed in Werkzeug 2.1: the client returns the response; read the environ as response.request.environ; see ${DOCS}`);
    return;
  }
  const [environ, response] = shape.names as [Node, Node];
  const indent = indentAt(ctx.source, shape.statement.startIndex);
  const text = `${response.text} = ${callWithout(ctx, call, removal)}${ctx.newline}${indent}${environ.text} = ${response.text}.request.environ`;
  ctx.fix("env, response = client.open(..., as_tuple=True) → response.request.environ", [
    { start: shape.statement.startIndex, end: shape.statement.endIndex, text },
  ]);
}

export default defineRule({
  id: "werkzeug/test-client-tuple",
  framework: "werkzeug",
  since: "2.0",
  summary: "test client tuple results (as_tuple=True, a bare Client's (app_iter, status, headers)) become TestResponse attributes",
  description:
    "Werkzeug 2.0 made the test client always return a `TestResponse` and 2.1 removed the tuple results. " +
    "`env, resp = client.get(..., as_tuple=True)` becomes `resp = client.get(...)` then `env = resp.request.environ`; " +
    "`as_tuple=False` is dropped. On a Werkzeug `Client(app)` built without a response wrapper (a local name assigned " +
    "once, or a `self.client` that the class's `setUp` / `setup_method` assigns and nothing else in the file does), " +
    "`body, status, headers = client.get(...)` becomes `response = client.get(...)` then " +
    "`body, status, headers = response.response, response.status, response.headers`. Other uses of `as_tuple=True` are reported.",
  docs: DOCS,
  needles: ["as_tuple", "Client"],
  // as_tuple= on any test client, or a Werkzeug Client (imported by a line naming both words).
  precheck: (text) => text.includes("as_tuple") || (text.includes("werkzeug") && /\bClient\b/.test(text)),
  create(ctx) {
    return {
      module() {
        for (const method of METHODS) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            const call = attribute?.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id) continue;
            const receiver = attribute.childForFieldName("object")!;
            const args = callArgs(call);
            if (!args) continue;
            const keyword = args.keywords.get("as_tuple");
            if (keyword) {
              if (looksLikeClient(receiver) || isBareWerkzeugClient(ctx.facts, receiver)) asTuple(ctx, call, args, keyword);
              continue;
            }
            // The statement shape first: it is cheap, and most calls fail it.
            const shape = unpacking(call);
            if (!shape || shape.names.length !== 3 || !isBareWerkzeugClient(ctx.facts, receiver)) continue;
            const name = freshName(ctx, call);
            if (!name) continue;
            const indent = indentAt(ctx.source, shape.statement.startIndex);
            const targets = shape.names.map((n) => n.text).join(", ");
            const text = `${name} = ${call.text}${ctx.newline}${indent}${targets} = ${name}.response, ${name}.status, ${name}.headers`;
            ctx.fix("(app_iter, status, headers) = client.open(...) → TestResponse attributes", [
              { start: shape.statement.startIndex, end: shape.statement.endIndex, text },
            ]);
          }
        }
      },
    };
  },
});
