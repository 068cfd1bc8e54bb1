// flask/config-from-json: Flask 2.0 deprecated Config.from_json in favour of the general
// Config.from_file with a load function, and Flask 2.1 removed it.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { isFlaskApp } from "../../src/engine/helpers/flask-apps.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import { mayUsePackage } from "../../src/engine/text-scan.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";
const JSON_MODULES = new Set(["json", "flask.json"]);

/** How `json` can be written at `sites`: it already means a json module, it can be imported, or not. */
function jsonAvailability(ctx: RuleContext, sites: Node[]): "present" | "import" | "clash" {
  let present = true;
  for (const site of sites) {
    const resolution = ctx.facts.resolveName("json", site);
    if (!resolution.scope) {
      present = false;
      continue;
    }
    const imports = resolution.bindings.map((b) => (b.star ? undefined : ctx.facts.importForLocal(b.node)));
    if (resolution.uncertain || imports.some((i) => !i || !JSON_MODULES.has(i.qualified))) return "clash";
  }
  if (present) return "present";
  return ctx.facts.nameIsFree("json", ctx.root, sites, "json", 0) ? "import" : "clash";
}

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

export default defineRule({
  id: "flask/config-from-json",
  framework: "flask",
  since: "2.0",
  summary: 'app.config.from_json(name) becomes app.config.from_file(name, load=json.load)',
  description:
    "Flask 2.0 deprecated `Config.from_json(filename, silent=False)` and Flask 2.1 removed it; " +
    "`Config.from_file(filename, load, silent=False)` with `json.load` does the same. Calls on the config of a known " +
    "application object (a name bound to `Flask(...)`, `current_app`, `self` in a Flask subclass) are rewritten, a " +
    "second positional argument becomes `silent=`, and `import json` is added at the top when the name is free. " +
    "`from_json` calls on other `.config` objects in files that import Flask are reported.",
  docs: DOCS,
  needles: ["from_json"],
  // `<app>.config.from_json(` in a file that may name Flask.
  precheck: (text) => /\.[\s\\]*config[\s\\]*\.[\s\\]*from_json[\s\\]*\(/.test(text) && mayUsePackage(text, "flask"),
  create(ctx) {
    return {
      module() {
        const planned: { call: Node; edits: Edit[] }[] = [];
        for (const id of ctx.facts.identifiers("from_json")) {
          const method = id.parent;
          if (method?.type !== "attribute" || method.childForFieldName("attribute")?.id !== id.id) continue;
          const config = method.childForFieldName("object")!;
          const call = method.parent;
          if (config.type !== "attribute" || config.childForFieldName("attribute")?.text !== "config") continue;
          if (call?.type !== "call" || call.childForFieldName("function")?.id !== method.id) continue;
          const app = config.childForFieldName("object")!;
          const say = () => ctx.report(method, `Config.from_json was removed in Flask 2.1: use ${config.text}.from_file(filename, load=json.load) (${DOCS})`);
          if (!isFlaskApp(ctx.facts, app)) {
            if (importsFlask(ctx)) say();
            continue;
          }
          const args = callArgs(call);
          if (!args || args.listSplat || args.dictSplat || args.positional.length < 1 || args.positional.length > 2 || args.keywords.has("load") || [...args.keywords.keys()].some((k) => k !== "silent" && k !== "filename")) {
            say();
            continue;
          }
          const edits: Edit[] = [{ start: id.startIndex, end: id.endIndex, text: "from_file" }];
          const first = args.positional[0]!;
          edits.push({ start: first.endIndex, end: first.endIndex, text: ", load=json.load" });
          if (args.positional[1]) edits.push({ start: args.positional[1].startIndex, end: args.positional[1].startIndex, text: "silent=" });
          planned.push({ call, edits });
        }
        if (planned.length === 0) return;
        const where = jsonAvailability(ctx, planned.map((p) => p.call));
        if (where === "clash") {
          for (const p of planned) ctx.report(p.call, `Config.from_json was removed in Flask 2.1: use from_file(filename, load=json.load); left alone because \`json\` means something else here (${DOCS})`);
          return;
        }
        const edits = planned.flatMap((p) => p.edits);
        if (where === "import") {
          const first = ctx.facts.imports.filter((b) => b.scope.type === "module" && b.statement.parent?.type === "module" && b.module !== "__future__").sort((a, b) => a.statement.startIndex - b.statement.startIndex)[0];
          if (!first) return;
          edits.push(insertAbove(ctx.source, first.statement, ["import json"], ctx.newline));
        }
        ctx.fix("config.from_json(...) → config.from_file(..., load=json.load)", edits);
      },
    };
  },
});
