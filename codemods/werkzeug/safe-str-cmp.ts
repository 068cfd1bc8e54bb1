// werkzeug/safe-str-cmp: Werkzeug 2.0 deprecated safe_str_cmp and 2.1 removed it; the standard
// library's hmac.compare_digest does the same constant-time comparison. safe_str_cmp UTF-8-encoded
// str arguments, compare_digest takes ASCII str or bytes: a non-ASCII str literal is left alone.
import type { Edit } from "../../src/engine/edits.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";

function twoPlainArguments(args: CallArgs): Edit[] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 2) {
    return "it is not called with exactly two positional arguments";
  }
  // eslint-disable-next-line no-control-regex
  if (args.positional.some((a) => a.type === "string" && /[^\x00-\x7f]/.test(a.text) && !/^[bB]/.test(a.text))) {
    return "hmac.compare_digest refuses non-ASCII str; encode both sides";
  }
  return [];
}

export default nameMoves({
  id: "werkzeug/safe-str-cmp",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.security.safe_str_cmp(a, b) becomes hmac.compare_digest(a, b)",
  description:
    "Werkzeug 2.0 deprecated `safe_str_cmp` and 2.1 removed it. Calls become `hmac.compare_digest(a, b)` " +
    "(with `import hmac`), which compares ASCII strings or bytes in constant time. Calls with a non-ASCII string " +
    "literal, keywords or another argument count are reported instead.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves: [{ from: "werkzeug.security.safe_str_cmp", to: "hmac.compare_digest", style: "attribute", arguments: twoPlainArguments }],
  needles: ["safe_str_cmp"],
  precheck: (text) => text.includes("werkzeug"),
});
