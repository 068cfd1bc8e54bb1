// One dotenv file's text through the dotenv rules: entries parsed once, every rule run, the
// accepted edits applied. The rules' edits replace whole entries or parts of one, so one pass
// settles the file; the result is parsed again and must hold the same entries apart from the ones
// the rules rewrote (a safety net like the Python and template ones).
import { EditSet, type Fix } from "../engine/edits.js";
import { prefilterFor } from "../engine/prefilter.js";
import type { Finding } from "../engine/rule.js";
import { LineIndex, newlineOf } from "../engine/text.js";
import type { AppliedFix, Problem, TransformResult } from "../engine/transform.js";
import type { Targets } from "../target.js";
import { applyEdits } from "../templates/transform.js";
import { parseDotenv } from "./parse.js";
import type { DotenvContext, DotenvRule } from "./rule.js";

export interface DotenvTransformOptions {
  rules: readonly DotenvRule[];
  targets: Targets;
  filename: string;
  candidates?: readonly DotenvRule[];
  sibling?: (name: string) => string | undefined;
  codeMentioning?: (word: string) => string | undefined;
}

/** The (key, value) pairs of the entries other than `skip`'s keys, to compare before and after. */
function entriesBut(text: string, skip: (key: string) => boolean): string {
  return JSON.stringify(parseDotenv(text).filter((e) => e.key === undefined || !skip(e.key)).map((e) => [e.key ?? null, e.value ?? null]));
}

export function transformDotenv(source: string, options: DotenvTransformOptions): TransformResult {
  const unchanged = (extra: Partial<TransformResult> = {}): TransformResult => ({
    code: source, changed: false, fixes: [], findings: [], problems: [], parsed: false, ...extra,
  });
  if (source.includes("pycodemod: skip-file")) return unchanged();
  const active = options.candidates ?? prefilterFor(options.rules).match(source);
  if (active.length === 0) return unchanged();
  const entries = parseDotenv(source);
  const lines = new LineIndex(source);
  const proposed: Fix[] = [];
  const findings: Finding[] = [];
  const touchedKeys = new Set<string>();
  for (const rule of active) {
    const ctx: DotenvContext = {
      ruleId: rule.id, source, entries, filename: options.filename, targets: options.targets, newline: newlineOf(source),
      sibling: options.sibling ?? (() => undefined),
      codeMentioning: options.codeMentioning ?? (() => undefined),
      fix(message, edits) {
        if (edits.length === 0) return;
        for (const edit of edits) for (const e of entries) if (e.key !== undefined && edit.start < e.end && edit.end > e.start) touchedKeys.add(e.key);
        proposed.push({ rule: rule.id, message, edits });
      },
      report(at, message) {
        findings.push({ rule: rule.id, message, line: at.line, column: 1 });
      },
    };
    try {
      rule.run(ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return unchanged({ parsed: true, findings, problems: [{ kind: "rule-error", rule: rule.id, message: `rule ${rule.id} failed: ${message}; file left unchanged` }] });
    }
  }
  if (proposed.length === 0) return unchanged({ parsed: true, findings });
  const set = new EditSet();
  for (const fix of proposed) set.tryAdd(fix);
  const code = applyEdits(source, set.sorted);
  // The keys the rules rewrote may change and the keys they wrote may appear; every other entry
  // (and every line python-dotenv skips) must read as before.
  const had = new Set(entries.flatMap((e) => (e.key === undefined ? [] : [e.key])));
  if (entriesBut(source, (key) => touchedKeys.has(key)) !== entriesBut(code, (key) => touchedKeys.has(key) || !had.has(key))) {
    const problem: Problem = { kind: "invalid-output", message: "a dotenv rewrite changed entries it did not mean to; file left unchanged", line: 1 };
    return unchanged({ parsed: true, findings, problems: [problem] });
  }
  const fixes: AppliedFix[] = set.fixes.map((fix) => ({
    rule: fix.rule, message: fix.message, line: lines.position(Math.min(...fix.edits.map((e) => e.start))).line,
  }));
  return { code, changed: code !== source, fixes, findings, problems: [], parsed: true };
}
