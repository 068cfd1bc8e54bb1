// flask/json-encoding-argument: Flask 2.0 deprecated the `encoding` argument of flask.json's
// dumps/dump/loads/load (data is always UTF-8) and Flask 2.1 removed it.
import { defineRule } from "../../src/engine/rule.js";
import { mayReachNames, someCallArguments } from "../../src/engine/text-scan.js";
import { callArgs, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import { stringValue } from "../../src/engine/helpers/findings.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";
const FUNCTIONS = ["dumps", "dump", "loads", "load"].map((f) => `flask.json.${f}`);
const mayReachFunctions = mayReachNames(FUNCTIONS, { bare: true });

export default defineRule({
  id: "flask/json-encoding-argument",
  framework: "flask",
  since: "2.0",
  summary: 'flask.json.loads(data, encoding="utf-8") and friends lose the encoding argument',
  description:
    "Flask 2.0 deprecated the `encoding` argument of `flask.json.dumps`, `dump`, `loads` and `load` (input and output " +
    "are always UTF-8) and Flask 2.1 removed it. An `encoding=` that names UTF-8 is dropped; any other value is " +
    "reported, since the data must be decoded to text (or re-encoded as UTF-8) first.",
  docs: DOCS,
  needles: ["encoding"],
  precheck: (text) => mayReachFunctions(text) && someCallArguments(text, ["dumps", "dump", "loads", "load"], (args) => /(?<![\w])encoding[\s\\]*=(?!=)/.test(args)),
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, FUNCTIONS)) {
          const args = callArgs(found.call);
          const keyword = args?.keywords.get("encoding");
          if (!args || !keyword) continue;
          const value = keyword.childForFieldName("value");
          const text = value ? stringValue(value) : undefined;
          const edits = text !== undefined && /^utf-?8$/i.test(text) ? removeArgument(ctx.source, args, keyword) : undefined;
          if (!edits) {
            ctx.report(keyword, `the encoding argument of ${found.callee.text} was removed in Flask 2.1 (data is always UTF-8): decode the data to text first and drop encoding=; see ${DOCS}`);
            continue;
          }
          ctx.fix(`${found.callee.text}(encoding=...) dropped`, edits);
        }
      },
    };
  },
});
