// Golden fixtures: every case runs through its rule alone and through the whole rule set of its
// target; the output must equal the expected file, parse cleanly, and not change on a second run.
// UPDATE_FIXTURES=1 (npm run fixtures:update) writes the rule-alone output instead, for review.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { ProjectView } from "../src/project-view.js";
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser, parse } from "../src/engine/parser.js";
import { transformSync } from "../src/engine/transform.js";
import { ruleKind } from "../src/engine/rule.js";
import { allRules as registry, registry as pythonRules, selectDotenvRules, selectRules, selectTemplateRules } from "../src/rules.js";
import { parseDotenv } from "../src/dotenv/parse.js";
import { transformDotenv } from "../src/dotenv/transform.js";
import { lex } from "../src/templates/lexer.js";
import { analyse, isStructureError } from "../src/templates/structure.js";
import type { TemplateRule } from "../src/templates/rule.js";
import { transformTemplate } from "../src/templates/transform.js";
import { parseTargets } from "../src/target.js";
import { fixtureCases, type FixtureCase } from "./fixture-cases.js";

const UPDATE = process.env.UPDATE_FIXTURES === "1";
const cases = fixtureCases();

beforeAll(async () => {
  await loadParser();
});

/** The case's project as it is before the run, or as the expected files say it is after. */
function projectOf(c: FixtureCase, after: boolean) {
  if (!c.project) return undefined;
  const read = after ? (file: string) => (existsSync(`${file.slice(0, -3)}.expected.py`) ? `${file.slice(0, -3)}.expected.py` : file) : undefined;
  return new ProjectView({ cwd: c.project, roots: [] }, read);
}

function run(c: FixtureCase, source: string, alone: boolean, after = false) {
  const rule = registry.find((r) => r.id === c.ruleId);
  if (!rule) throw new Error(`fixtures folder ${c.ruleId} has no rule with that id`);
  const targets = parseTargets(c.target ?? `${rule.framework}-${rule.since}`);
  if (c.template) {
    // Template cases run the template rules; `own=` in the header names the project's own libraries.
    const rules = selectTemplateRules({ targets }).filter((r) => !alone || r === rule);
    const own = new Set(c.ownLibraries ?? []);
    return transformTemplate(source, { rules, targets, filename: c.filename, ownLibrary: (name) => own.has(name) });
  }
  if (c.dotenv) {
    // Dotenv cases: `reads=` names words of the project's code, `sibling=` keys of the file beside.
    const rules = selectDotenvRules({ targets }).filter((r) => !alone || r === rule);
    const reads = c.reads ?? [];
    const sibling = c.sibling ?? [];
    return transformDotenv(source, {
      rules, targets, filename: c.filename,
      codeMentioning: (word) => (reads.includes(word) ? "app/config.py" : undefined),
      sibling: () => (sibling.length > 0 ? sibling.map((key) => `${key}=1\n`).join("") : undefined),
    });
  }
  // Alone or not, a rule runs only when the case's target reaches it.
  const rules = alone ? selectRules({ targets, rules: [rule as (typeof pythonRules)[number]] }) : selectRules({ targets });
  return transformSync(source, { rules, targets, filename: c.filename, project: projectOf(c, after) });
}

function parsesCleanly(code: string, template: boolean, dotenv = false): boolean {
  // A dotenv file must keep every line python-dotenv reads as an entry.
  if (dotenv) return parseDotenv(code).every((e) => e.key !== undefined);
  // A template must lex to balanced Django blocks, as the safety net requires.
  if (template) return !isStructureError(analyse(lex(code)));
  const tree = parse(code);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

describe.each(cases.map((c) => [`${c.ruleId} ${c.name}`, c] as const))("%s", (_title, c) => {
  if (UPDATE) {
    it("updates the expected file", () => {
      const out = run(c, c.input, true);
      if (out.code === c.input) rmSync(c.expectedPath, { force: true });
      else writeFileSync(c.expectedPath, out.code);
      expect(out.problems).toEqual([]);
    });
    return;
  }
  const expected = c.expected ?? c.input;

  it("rule alone gives the expected output", () => {
    const out = run(c, c.input, true);
    expect(out.problems).toEqual([]);
    expect(out.code).toBe(expected);
    expect(out.changed).toBe(c.expected !== undefined);
    if (c.expected !== undefined) expect(out.fixes.length).toBeGreaterThan(0);
  });

  if (c.findings !== undefined) {
    it("the rule reports on the lines the header names", () => {
      const out = run(c, c.input, true);
      const own = out.findings.filter((f) => f.rule === c.ruleId);
      expect(own.map((f) => f.line).sort((a, b) => a - b)).toEqual(c.findings);
      // A finding says what to do and links the release note.
      for (const f of own) expect(f.message).toMatch(/https:\/\//);
    });
  }

  it("whole rule set for the target gives the same output", () => {
    expect(run(c, c.input, false).code).toBe(expected);
  });

  it("output parses and a second run changes nothing", () => {
    expect(parsesCleanly(expected, c.template, c.dotenv)).toBe(true);
    const again = run(c, expected, false, true);
    expect(again.changed).toBe(false);
    expect(again.code).toBe(expected);
    // A result marked settled (the cache keeps rewritten files by it) must report on a second run
    // exactly what the first run reported.
    const first = run(c, c.input, false);
    if (!c.template && "settled" in first && first.settled) {
      const key = (f: { rule: string; line: number; message: string }) => `${f.rule}:${f.line}:${f.message}`;
      expect(again.findings.map(key).sort()).toEqual(first.findings.map(key).sort());
    }
  });

  if (c.expected !== undefined) {
    it("expected file differs from the input", () => {
      expect(c.expected).not.toBe(c.input);
    });
  }
});

describe("fixture coverage", () => {
  const fixers = registry.filter((r) => ruleKind(r) === "fix");
  const finders = registry.filter((r) => ruleKind(r) === "finding");
  it.each(finders.map((r) => [r.id] as const))("finding rule %s has 4 unchanged cases, one asserting a finding, none transforming", (id) => {
    const own = cases.filter((c) => c.ruleId === id);
    expect(own.filter((c) => c.expected !== undefined)).toEqual([]);
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.some((c) => (c.findings ?? []).length > 0)).toBe(true);
  });

  it.each(fixers.map((r) => [r.id] as const))("%s has at least 4 transforming and 4 unchanged cases", (id) => {
    const own = cases.filter((c) => c.ruleId === id);
    expect(own.filter((c) => c.expected !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(own.filter((c) => c.expected === undefined).length).toBeGreaterThanOrEqual(4);
  });
});
