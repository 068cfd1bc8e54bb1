// werkzeug/safe-str-cmp: Werkzeug 2.0 deprecated safe_str_cmp and 2.1 removed it; the standard
// library's hmac.compare_digest does the constant-time comparison. safe_str_cmp first encoded str
// arguments as UTF-8, while compare_digest raises TypeError on non-ASCII str (and on str mixed
// with bytes), so each argument keeps that encoding: `.encode()` when it is surely a str, as is
// when it is surely bytes, and `x.encode() if isinstance(x, str) else x` when the code does not
// say (only for plain names, attributes and literal subscripts, which read the same twice).
import type { Edit } from "../../src/engine/edits.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import { isPlain, kindOf } from "../../src/engine/helpers/value-kinds.js";
import type { Node } from "../../src/engine/parser.js";
import type { RuleContext } from "../../src/engine/rule.js";

/** Python primaries take `.encode()` directly; anything else needs parentheses. */
function primary(node: Node): string {
  return ["identifier", "attribute", "subscript", "call", "string", "parenthesized_expression"].includes(node.type) ? node.text : `(${node.text})`;
}

function encodedArguments(args: CallArgs, ctx: RuleContext): Edit[] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 2) {
    return "it is not called with exactly two positional arguments";
  }
  const edits: Edit[] = [];
  for (const arg of args.positional) {
    const kind = kindOf(ctx.facts, arg);
    if (kind === "bytes") continue;
    let text: string;
    if (kind === "str") text = `${primary(arg)}.encode()`;
    else if (isPlain(arg)) text = `${arg.text}.encode() if isinstance(${arg.text}, str) else ${arg.text}`;
    else return `\`${arg.text}\` may be str or bytes: compare_digest needs bytes (or ASCII str), so encode str arguments as UTF-8 by hand`;
    edits.push({ start: arg.startIndex, end: arg.endIndex, text });
  }
  return edits;
}

export default nameMoves({
  id: "werkzeug/safe-str-cmp",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.security.safe_str_cmp(a, b) becomes hmac.compare_digest with str arguments UTF-8 encoded",
  description:
    "Werkzeug 2.0 deprecated `safe_str_cmp` and 2.1 removed it. Calls become `hmac.compare_digest(...)` (with " +
    "`import hmac`). safe_str_cmp encoded str arguments as UTF-8 and compare_digest refuses non-ASCII str, so an " +
    "argument that is surely a str gets `.encode()`, one that is surely bytes stays, and a plain name or attribute of " +
    "unknown type becomes `x.encode() if isinstance(x, str) else x`. Other arguments of unknown type, keywords and " +
    "other argument counts are reported instead.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves: [{ from: "werkzeug.security.safe_str_cmp", to: "hmac.compare_digest", style: "attribute", arguments: encodedArguments }],
  needles: ["safe_str_cmp"],
  precheck: (text) => text.includes("werkzeug"),
});
