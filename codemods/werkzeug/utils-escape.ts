// werkzeug/utils-escape: Werkzeug 2.0 deprecated werkzeug.utils.escape / unescape and 2.1 removed
// them. The deprecated bodies were: escape(s) → "" for None, s.__html__() for an object that has
// it (a Markup), else html.escape(str(s), quote=True); unescape(s) → html.unescape(s). So
// unescape becomes html.unescape everywhere, and escape becomes html.escape only where the argument
// is surely a plain str (a string literal, an f-string, str(...), "..." % x, "...".format(...),
// "...".join(...), b.decode(...), flask's request.args["k"] or request.args.get("k", "default")):
// there the result is the same str. markupsafe.escape, which the
// release note points to, returns Markup and escapes None as "None", so it is not a drop-in; a
// call whose argument may be None, a Markup or another type is reported instead.
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";

function isTextLiteral(node: Node): boolean {
  if (node.type === "concatenated_string") return node.namedChildren.every((c) => c !== null && (c.type !== "string" || isTextLiteral(c)));
  return node.type === "string" && !/^[rRuUfF]*[bB]/.test(node.text);
}

const REQUESTS = new Set(["flask.request", "flask.globals.request"]);
const TEXT_MAPPINGS = new Set(["args", "form", "values", "cookies", "headers"]);

/** `request.args` (form, values, cookies, headers) of flask's request: its values are plain str. */
function requestTextMapping(ctx: RuleContext, node: Node | null): boolean {
  if (node?.type !== "attribute" || !TEXT_MAPPINGS.has(node.childForFieldName("attribute")?.text ?? "")) return false;
  const owner = ctx.facts.qualifiedName(node.childForFieldName("object")!);
  return owner !== undefined && REQUESTS.has(owner);
}

/** True when `node` surely evaluates to a plain str (never None, Markup, bytes or a number). */
function surelyPlainStr(ctx: RuleContext, node: Node): boolean {
  if (isTextLiteral(node)) return true;
  // request.args["q"] (a str, or a 400 error as before), request.args.get("q", "literal").
  if (node.type === "subscript") return requestTextMapping(ctx, node.childForFieldName("value"));
  if (node.type === "parenthesized_expression") {
    const inner = node.namedChildren.filter((c) => c !== null && c.type !== "comment");
    return inner.length === 1 && surelyPlainStr(ctx, inner[0]!);
  }
  // "..." % x: str.__mod__ returns a plain str, whatever x is.
  if (node.type === "binary_operator") {
    return node.childForFieldName("operator")?.type === "%" && isTextLiteral(node.childForFieldName("left")!);
  }
  if (node.type !== "call") return false;
  const callee = node.childForFieldName("function")!;
  // str(x) is a plain str even for a Markup x, unless `str` is rebound in this file.
  if (callee.type === "identifier") return callee.text === "str" && ctx.facts.resolveName("str", callee).scope === null;
  if (callee.type !== "attribute") return false;
  const method = callee.childForFieldName("attribute")?.text;
  const receiver = callee.childForFieldName("object")!;
  if (method === "decode") return true;
  if (method === "get" && requestTextMapping(ctx, receiver)) {
    const args = node.childForFieldName("arguments")?.namedChildren.filter((c) => c !== null && c.type !== "comment") ?? [];
    return args.length === 2 && args.every((a) => a!.type !== "keyword_argument" && a!.type !== "list_splat") && isTextLiteral(args[1]!);
  }
  return (method === "format" || method === "join") && isTextLiteral(receiver);
}

function escapeArguments(args: CallArgs, ctx: RuleContext): [] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 1) {
    return "it is not called with exactly one positional argument";
  }
  if (!surelyPlainStr(ctx, args.positional[0]!)) {
    return "its argument may be None (escaped to \"\"), a Markup (returned as is) or not a str; write html.escape(str(s)) where s " +
      "is never None nor a Markup, or markupsafe.escape where a Markup result is wanted";
  }
  return [];
}

function unescapeArguments(args: CallArgs): [] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 1) {
    return "it is not called with exactly one positional argument";
  }
  return [];
}

export default nameMoves({
  id: "werkzeug/utils-escape",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.utils.unescape becomes html.unescape; escape(s) becomes html.escape(s) where s is surely a str",
  description:
    "Werkzeug 2.0 deprecated `werkzeug.utils.escape` and `unescape` and 2.1 removed them. The deprecated `unescape(s)` " +
    "ran `html.unescape(s)`, which replaces it. The deprecated `escape(s)` returned `\"\"` for None, `s.__html__()` for a " +
    "Markup and `html.escape(str(s))` otherwise, so it becomes `html.escape(s)` only where `s` is surely a plain str " +
    "(a string literal, an f-string, `str(...)`, `\"...\" % x`, `\"...\".format(...)`, `\"...\".join(...)`, `b.decode()`, " +
    "`request.args[\"k\"]` or `request.args.get(\"k\", \"default\")` of flask's request). " +
    "`markupsafe.escape` returns Markup and escapes None as `\"None\"`, so other calls are reported with what to write.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves: [
    { from: "werkzeug.utils.escape", to: "html.escape", arguments: escapeArguments },
    { from: "werkzeug.utils.unescape", to: "html.unescape", arguments: unescapeArguments },
  ],
  needles: ["escape"],
  precheck: (text) => text.includes("werkzeug"),
});
