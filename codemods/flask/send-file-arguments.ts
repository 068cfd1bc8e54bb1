// flask/send-file-arguments: Flask 2.0 renamed the arguments of send_file (attachment_filename,
// cache_timeout, add_etags; filename_or_fp without a deprecation period) and reordered the ones after
// the fourth; Flask 2.0.1 renamed send_from_directory's filename to path. Flask 2.2 removed the old
// names. Calls are found through the module facts, so aliases and `flask.send_file` count and a
// function of the user's that happens to be called send_file does not.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { targetReaches } from "../../src/target.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";

const SEND_FILE = ["flask.send_file", "flask.helpers.send_file"];
const SEND_FROM_DIRECTORY = ["flask.send_from_directory", "flask.helpers.send_from_directory"];

/** Keywords of send_file (and so of send_from_directory, which passes them on). */
const SEND_FILE_RENAMES: Record<string, string> = {
  filename_or_fp: "path_or_file",
  attachment_filename: "download_name",
  cache_timeout: "max_age",
  add_etags: "etag",
};

/** Flask 1.x send_file parameters 5 to 8, passed by position, and their 2.0 names. */
const POSITIONAL_FROM_FIFTH = ["etag", "max_age", "conditional", "last_modified"];

/** The keyword arguments written in `**dict(a=1, b=2)`, when that is all the splat holds. */
function dictCallKeywords(ctx: RuleContext, splat: Node): Map<string, Node> | undefined {
  const value = splat.namedChildren.find((c) => c !== null && c.type !== "comment");
  if (value?.type !== "call") return undefined;
  const callee = value.childForFieldName("function");
  // `dict` must be the builtin: nothing in the file binds the name where it is used.
  if (callee?.type !== "identifier" || callee.text !== "dict" || ctx.facts.resolveName("dict", callee).scope !== null) return undefined;
  const inner = callArgs(value);
  if (!inner || inner.positional.length > 0 || inner.listSplat || inner.dictSplat) return undefined;
  return inner.keywords;
}

export default defineRule({
  id: "flask/send-file-arguments",
  framework: "flask",
  since: "2.0",
  summary: "send_file(attachment_filename=, cache_timeout=, add_etags=, filename_or_fp=) and send_from_directory(filename=) use the new argument names",
  description:
    "Flask 2.0 renamed `send_file`'s `attachment_filename` to `download_name`, `cache_timeout` to `max_age`, " +
    "`add_etags` to `etag` and `filename_or_fp` to `path_or_file`, and changed the order of the parameters after the " +
    "fourth; Flask 2.0.1 renamed `send_from_directory`'s `filename` to `path` (so that rename waits for a Flask 2.1 " +
    "target). Flask 2.2 removed the old names. Keywords are renamed in calls of `flask.send_file` and " +
    "`flask.send_from_directory` (however imported), also inside a `**dict(...)` argument; a fifth to eighth " +
    "positional argument of `send_file` is written as the keyword it meant. A call that spreads other `**kwargs` " +
    "next to an old keyword, or passes both the old and the new name, is reported instead.",
  docs: DOCS,
  needles: ["send_file", "send_from_directory"],
  create(ctx) {
    return {
      module() {
        const pathRename = targetReaches(ctx.targets, "flask", "2.1");
        for (const found of callsTo(ctx.facts, [...SEND_FILE, ...SEND_FROM_DIRECTORY])) {
          const args = callArgs(found.call);
          if (!args) continue;
          const isSendFile = SEND_FILE.includes(found.qualified);
          const renames: Record<string, string> = { ...SEND_FILE_RENAMES };
          if (!isSendFile && pathRename) renames.filename = "path";
          // Keywords written in the call, and those written in a `**dict(...)` argument.
          const keywords = new Map(args.keywords);
          let opaqueSplat = false;
          for (const arg of args.args) {
            if (arg.type !== "dictionary_splat") continue;
            const inner = dictCallKeywords(ctx, arg);
            if (!inner) opaqueSplat = true;
            else for (const [name, node] of inner) if (!keywords.has(name)) keywords.set(name, node);
          }
          const edits: Edit[] = [];
          const done: string[] = [];
          let refused = false;
          for (const [old, replacement] of Object.entries(renames)) {
            const keyword = keywords.get(old);
            if (!keyword) continue;
            const name = keyword.childForFieldName("name")!;
            if (keywords.has(replacement)) {
              ctx.report(name, `${old}= was removed in Flask 2.2 and this call also passes ${replacement}=: remove ${old}= by hand (${DOCS})`);
              refused = true;
              continue;
            }
            if (opaqueSplat) {
              ctx.report(name, `${old}= was removed in Flask 2.2 (use ${replacement}=), left alone: **kwargs in this call may already pass ${replacement}= (${DOCS})`);
              refused = true;
              continue;
            }
            edits.push({ start: name.startIndex, end: name.endIndex, text: replacement });
            done.push(`${old}= → ${replacement}=`);
          }
          if (refused) continue;
          if (isSendFile && args.positional.length > 4 && !args.listSplat) {
            const extra = args.positional.slice(4);
            if (extra.length > POSITIONAL_FROM_FIFTH.length) continue;
            if (extra.some((_, i) => keywords.has(POSITIONAL_FROM_FIFTH[i]!))) continue;
            for (const [i, arg] of extra.entries()) {
              edits.push({ start: arg.startIndex, end: arg.startIndex, text: `${POSITIONAL_FROM_FIFTH[i]}=` });
            }
            done.push(`positional arguments after the fourth passed by keyword`);
          }
          if (edits.length > 0) ctx.fix(done.join(", "), edits);
        }
      },
    };
  },
});
