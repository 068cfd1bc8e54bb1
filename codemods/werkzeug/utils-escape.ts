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
import { surelyStr } from "../../src/engine/helpers/surely-str.js";
import type { RuleContext } from "../../src/engine/rule.js";

function escapeArguments(args: CallArgs, ctx: RuleContext): [] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 1) {
    return "it is not called with exactly one positional argument";
  }
  if (!surelyStr(ctx.facts, args.positional[0]!)) {
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
