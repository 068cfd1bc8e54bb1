// werkzeug/headers-as-bytes: Werkzeug 2.3 deprecated the as_bytes= argument of Headers.get and
// Headers.getlist and 3.0 removed it (values are str; encode them as latin-1 for the old bytes).
// `as_bytes=False` is the default and is dropped. `getlist(key, as_bytes=True)` without type=
// becomes `[v.encode("latin1") for v in h.getlist(key)]`, what getlist did item by item.
// `get(key, as_bytes=True)` returns its default (not encoded) for a missing header, which has no
// one-expression spelling; as the right side of a plain assignment statement it becomes two:
//   token = request.headers.get("X-Token", as_bytes=True)
//   →  token = request.headers.get("X-Token")
//      token = token.encode("latin1") if token is not None else None
// (a literal default takes None's place). Other get() calls are reported. Only calls on a provable
// Werkzeug Headers are rewritten; the keyword on another receiver is reported.
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import { isWerkzeugHeaders } from "../../src/engine/helpers/werkzeug-objects.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { indentAt } from "../../src/engine/text.js";

/** Defaults that read the same after the assignment: literals. */
const LITERAL = new Set(["string", "concatenated_string", "integer", "float", "none", "true", "false"]);

/** `name = <call>` as a statement of its own (no annotation, one plain target): the statement and the name. */
function plainAssignment(call: Node): { statement: Node; name: string } | undefined {
  const assignment = call.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== call.id || assignment.childForFieldName("type")) return undefined;
  const left = assignment.childForFieldName("left");
  const statement = assignment.parent;
  if (left?.type !== "identifier" || statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  if (statement.parent?.type !== "block" && statement.parent?.type !== "module") return undefined;
  return { statement, name: left.text };
}

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

export default defineRule({
  id: "werkzeug/headers-as-bytes",
  framework: "werkzeug",
  since: "2.3",
  summary: "headers.get/getlist(..., as_bytes=) loses the argument (getlist's bytes via .encode(\"latin1\"))",
  description:
    "Werkzeug 2.3 deprecated `as_bytes=` of `Headers.get` and `Headers.getlist` and 3.0 removed it. On a provable " +
    "Werkzeug `Headers` (`request.headers`, a `Headers(...)`, ...), `as_bytes=False` is dropped and " +
    "`getlist(key, as_bytes=True)` becomes `[v.encode(\"latin1\") for v in headers.getlist(key)]`. The statement " +
    "`x = headers.get(key, as_bytes=True)` becomes `x = headers.get(key)` followed by " +
    "`x = x.encode(\"latin1\") if x is not None else None` (a literal default in place of None: a missing header gave " +
    "the default unencoded). Other `get(key, as_bytes=True)` calls and calls on other receivers are reported: encode the " +
    "str value as latin-1 where bytes are needed.",
  docs: DOCS,
  needles: ["as_bytes"],
  precheck: (text) => /\.get(?:list)?\(/.test(text),
  create(ctx) {
    return {
      module() {
        for (const method of ["get", "getlist"]) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            const call = attribute?.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id) continue;
            const args = callArgs(call);
            const keyword = args?.keywords.get("as_bytes");
            if (!args || !keyword) continue;
            const receiver = attribute.childForFieldName("object")!;
            const value = keyword.childForFieldName("value")!.text;
            const say = (why: string) =>
              ctx.report(keyword, `Headers.${method}(as_bytes=) was removed in Werkzeug 3.0 (values are str; .encode("latin1") them for bytes): ${why}; see ${DOCS}`);
            if (!isWerkzeugHeaders(ctx.facts, receiver)) {
              say(`left alone because ${receiver.text} is not provably a Werkzeug Headers here`);
              continue;
            }
            if (args.listSplat || args.dictSplat || args.comments.length > 0) {
              say("left alone because the call passes *args, **kwargs or comments");
              continue;
            }
            const removal = removeArgument(ctx.source, args, keyword);
            if (!removal) continue;
            if (value === "False") {
              ctx.fix(`${method}(as_bytes=False) → ${method}()`, removal);
              continue;
            }
            if (value === "True" && method === "getlist" && !args.keywords.has("type") && args.positional.length === 1) {
              const key = args.positional[0]!.text;
              ctx.fix("getlist(k, as_bytes=True) → [v.encode(\"latin1\") for v in getlist(k)]", [
                { start: call.startIndex, end: call.endIndex, text: `[v.encode("latin1") for v in ${receiver.text}.getlist(${key})]` },
              ]);
              continue;
            }
            const defaultArg = args.keywords.get("default")?.childForFieldName("value") ?? args.positional[1];
            const shape = value === "True" && method === "get" ? plainAssignment(call) : undefined;
            const onlyKnown = [...args.keywords.keys()].every((k) => k === "as_bytes" || k === "default");
            const positionalOk = args.positional.length === 1 || (args.positional.length === 2 && !args.keywords.has("default"));
            if (shape && onlyKnown && positionalOk && (!defaultArg || LITERAL.has(defaultArg.type)) && !/[\r\n]/.test(call.text)) {
              const { statement, name } = shape;
              const indent = indentAt(ctx.source, statement.startIndex);
              const fallback = defaultArg ? defaultArg.text : "None";
              const text = `${name} = ${attribute.text}(${args.positional[0]!.text})${ctx.newline}${indent}${name} = ${name}.encode("latin1") if ${name} is not None else ${fallback}`;
              ctx.fix("x = get(k, as_bytes=True) → x = get(k); x = x.encode(\"latin1\") if x is not None else default", [
                { start: statement.startIndex, end: statement.endIndex, text },
              ]);
              continue;
            }
            say("left alone because a missing header gives the default, which has no one-expression spelling; write it by hand");
          }
        }
      },
    };
  },
});
