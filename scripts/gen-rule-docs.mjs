// Writes docs/rules.md from the compiled registry (run `npm run build` first; npm run docs:rules does).
import { writeFileSync } from "node:fs";
import { dotenvRules, rules as pythonRules, templateRules } from "../dist/codemods/index.js";
import { renderRuleCatalog } from "../dist/src/report/rule-docs.js";

const rules = [...pythonRules, ...templateRules, ...dotenvRules];
const target = new URL("../docs/rules.md", import.meta.url);
writeFileSync(target, renderRuleCatalog(rules));
process.stderr.write(`wrote ${target.pathname} (${rules.length} rules)\n`);
