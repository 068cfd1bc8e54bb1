// itsdangerous/json-module: itsdangerous 2.0 deprecated its `json` re-export (the standard
// library's module, or simplejson when installed) and 2.1 removed it: import the standard json.
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  id: "itsdangerous/json-module",
  framework: "itsdangerous",
  since: "2.0",
  summary: "from itsdangerous import json becomes import json",
  description:
    "itsdangerous 2.0 deprecated `itsdangerous.json` and 2.1 removed it. `from itsdangerous import json [as x]` " +
    "becomes `import json [as x]`; other names imported by the same statement stay.",
  docs: "https://itsdangerous.palletsprojects.com/en/stable/changes/#version-2-0-0",
  needles: ["itsdangerous"],
  precheck: (text) => /\bimport\b[^\n]*\bjson\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || binding.qualified !== "itsdangerous.json") continue;
          const line = binding.name === "json" ? "import json" : `import json as ${binding.name}`;
          const statement = binding.statement;
          const entries = statement.childrenForFieldName("name").filter((n) => n !== null);
          if (entries.length === 1) {
            ctx.fix("itsdangerous.json → json", [replaceStatement(ctx.source, statement, [line], ctx.newline)]);
            continue;
          }
          const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
          if (!dropped) continue;
          ctx.fix("itsdangerous.json → json", [insertAbove(ctx.source, statement, [line], ctx.newline), ...dropped]);
        }
      },
    };
  },
});
