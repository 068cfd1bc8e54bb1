// werkzeug/format-string: Werkzeug 2.0 deprecated werkzeug.utils.format_string and 2.1 removed
// it; the deprecated version ran `string.Template(s).substitute(context)`, which is what the call
// becomes.
import type { Edit } from "../../src/engine/edits.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";

/** `(s, context)` → `(s).substitute(context)`, so `format_string(s, ctx)` reads `Template(s).substitute(ctx)`. */
function substituteCall(args: CallArgs): Edit[] | string {
  if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 2 || args.comments.length > 0) {
    return "it is not called with exactly the string and the context, positionally";
  }
  const [string, context] = args.positional as [typeof args.positional[0], typeof args.positional[0]];
  return [{ start: args.list.startIndex, end: args.list.endIndex, text: `(${string!.text}).substitute(${context!.text})` }];
}

export default nameMoves({
  id: "werkzeug/format-string",
  framework: "werkzeug",
  since: "2.0",
  summary: "werkzeug.utils.format_string(s, context) becomes string.Template(s).substitute(context)",
  description:
    "Werkzeug 2.0 deprecated `format_string` and 2.1 removed it. Its deprecated body was " +
    "`string.Template(s).substitute(context)`, which replaces each call (with `from string import Template`).",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves: [{ from: "werkzeug.utils.format_string", to: "string.Template", arguments: substituteCall }],
  needles: ["format_string"],
  precheck: (text) => text.includes("werkzeug"),
});
