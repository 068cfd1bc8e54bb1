// The prefilter (needles, then each rule's precheck) decides which files get parsed at all, so a
// "no" for a file some rule would change silently loses that fix. Every rule of a Python fixture's
// target runs alone on the fixture's input with the prefilter bypassed; a rule that then fixes or
// reports something must also be one the prefilter lets through for that text. (Alone, because
// the prefilter looks at the text as it comes: what a rule would do after another rule's edits is
// not its question.)
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../src/engine/parser.js";
import { prefilterFor } from "../src/engine/prefilter.js";
import { transformSync } from "../src/engine/transform.js";
import { ProjectView } from "../src/project-view.js";
import { registry, selectRules } from "../src/rules.js";
import { parseTargets } from "../src/target.js";
import { fixtureCases } from "./fixture-cases.js";

beforeAll(async () => {
  await loadParser();
});

const cases = fixtureCases().filter((c) => !c.template && !c.dotenv);

describe("prefilter and prechecks", () => {
  it("never rule out a rule that changes or reports on a fixture", () => {
    const missed: string[] = [];
    let acting = 0;
    for (const c of cases) {
      const rule = registry.find((r) => r.id === c.ruleId)!;
      const targets = parseTargets(c.target ?? `${rule.framework}-${rule.since}`);
      const rules = selectRules({ targets });
      const passed = new Set(prefilterFor(rules).match(c.input).map((r) => r.id));
      // The same text with CRLF line ends acts the same (test/property.test.ts), so it must pass
      // the same rules: a text scan that stops at "\n" misses a backslash continuation ending in CRLF.
      const passedCrlf = new Set(prefilterFor(rules).match(c.input.replace(/\r?\n/g, "\r\n")).map((r) => r.id));
      for (const candidate of rules) {
        const project = c.project ? new ProjectView({ cwd: c.project, roots: [] }) : undefined;
        const out = transformSync(c.input, { rules: [candidate], targets, filename: c.filename, candidates: [candidate], project });
        if (out.fixes.length === 0 && out.findings.length === 0) continue;
        acting++;
        if (!passed.has(candidate.id)) missed.push(`${candidate.id} on ${c.ruleId}/${c.name}`);
        if (!passedCrlf.has(candidate.id)) missed.push(`${candidate.id} on ${c.ruleId}/${c.name} with CRLF line ends`);
      }
    }
    expect(acting).toBeGreaterThan(cases.length / 2);
    expect(missed).toEqual([]);
  }, 120_000); // every rule alone on every fixture: a few thousand small transforms
});
