// `pycodemod test-fixtures --plugin my-rules.mjs [FOLDER]`: runs a plugin's golden fixtures
// (FOLDER, default ./fixtures, laid out as <framework>/<rule>/<case>.py [+ <case>.expected.py])
// with the checks the built-in rules' fixtures pass in the test suite: the rule alone turns the
// input into the expected file (or leaves it byte-for-byte alone), reports no problem, reports on
// the lines a `findings=` header names, the output parses cleanly and a second run changes nothing.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError } from "./args.js";
import { fixtureCases, type FixtureCase } from "./fixture-cases.js";
import { loadParser, parse } from "./engine/parser.js";
import type { Rule } from "./engine/rule.js";
import { transformSync } from "./engine/transform.js";
import { loadPlugins } from "./plugins.js";
import { ProjectView } from "./project-view.js";
import { selectRules } from "./rules.js";
import { parseTargets } from "./target.js";

interface Out {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A multi-file case's project as it is before the run, or as the expected files say it is after. */
function projectOf(c: FixtureCase, after: boolean): ProjectView | undefined {
  if (!c.project) return undefined;
  const read = after ? (file: string) => (existsSync(`${file.slice(0, -3)}.expected.py`) ? `${file.slice(0, -3)}.expected.py` : file) : undefined;
  return new ProjectView({ cwd: c.project, roots: [] }, read);
}

/** What is wrong with one case, or [] when it passes. */
export function checkCase(c: FixtureCase, rule: Rule): string[] {
  const targets = parseTargets(c.target ?? `${rule.framework}-${rule.since}`);
  const rules = selectRules({ targets, rules: [rule] });
  const run = (source: string, after = false) => transformSync(source, { rules, targets, filename: c.filename, project: projectOf(c, after) });
  const failures: string[] = [];
  const out = run(c.input);
  const expected = c.expected ?? c.input;
  if (out.problems.length > 0) failures.push(`problems: ${out.problems.map((p) => p.message).join("; ")}`);
  if (out.code !== expected) failures.push(c.expected === undefined ? "changed a case that has no expected file" : "output differs from the expected file");
  if (c.expected !== undefined && out.fixes.length === 0) failures.push("no fix reported for a transforming case");
  if (c.findings !== undefined) {
    const lines = out.findings.filter((f) => f.rule === rule.id).map((f) => f.line).sort((a, b) => a - b);
    if (lines.join(",") !== c.findings.join(",")) failures.push(`findings on lines [${lines.join(", ")}], header says [${c.findings.join(", ")}]`);
  }
  const messages = [...out.fixes, ...out.findings, ...(out.declined ?? []), ...out.findings.flatMap((f) => (f.original?.message ? [f.original] : []))];
  if (messages.some((m) => /[\u0001\u0002]/.test(m.message!))) failures.push("a message still holds an unfilled lineOf() mark");
  const tree = parse(expected);
  if (tree.rootNode.hasError) failures.push("the expected output does not parse");
  tree.delete();
  const again = run(expected, true);
  if (again.changed) failures.push("a second run changes the output again");
  return failures;
}

export async function runFixtureCommand(argv: string[], streams: Out): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { plugin: { type: "string", multiple: true } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`test-fixtures: ${(error as Error).message}`);
  }
  const plugins = parsed.values.plugin ?? [];
  if (plugins.length === 0) throw new UsageError("test-fixtures needs --plugin PATH (the module whose rules the fixtures test)");
  const root = parsed.positionals[0] ?? "fixtures";
  if (!existsSync(root)) throw new UsageError(`test-fixtures: no fixtures folder ${root}`);
  const rules = await loadPlugins(plugins);
  await loadParser();
  const cases = fixtureCases(root);
  let failed = 0;
  let ran = 0;
  for (const c of cases) {
    const rule = rules.find((r) => r.id === c.ruleId);
    if (!rule) {
      streams.stderr(`${c.inputPath}: skipped: no plugin rule ${c.ruleId}\n`);
      continue;
    }
    ran++;
    const failures = checkCase(c, rule);
    if (failures.length > 0) failed++;
    streams.stdout(`${failures.length === 0 ? "ok  " : "FAIL"} ${c.ruleId} ${c.name}${failures.map((f) => `\n     ${f}`).join("")}\n`);
  }
  streams.stdout(`${ran - failed} of ${ran} fixture cases passed\n`);
  if (ran === 0) {
    streams.stderr(`pycodemod: no fixture case under ${root} belongs to a plugin rule (${rules.map((r) => r.id).join(", ")})\n`);
    return 2;
  }
  return failed > 0 ? 1 : 0;
}
