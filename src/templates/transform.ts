// One template's journey: prefilter → lex → block structure check → passes of rules until
// nothing changes → safety net. Synchronous and parser-free: templates need no grammar.
// The safety net mirrors the Python one: a template that does not lex to balanced Django blocks
// is never touched (and is reported, as a Python syntax error is); a rewrite whose result does not
// lex to the same block structure (tags renamed by a rule aside) is dropped and reported.
import { EditSet, type Fix } from "../engine/edits.js";
import { prefilterFor } from "../engine/prefilter.js";
import type { Finding } from "../engine/rule.js";
import { LineIndex } from "../engine/text.js";
import type { AppliedFix, Problem, TransformResult } from "../engine/transform.js";
import type { Targets } from "../target.js";
import { lex, type Token } from "./lexer.js";
import type { TemplateContext, TemplateRule } from "./rule.js";
import { analyse, isStructureError, type Structure } from "./structure.js";
import { TemplateIgnores } from "./ignores.js";

export interface TemplateTransformOptions {
  rules: readonly TemplateRule[];
  targets: Targets;
  filename: string;
  /** Rules that passed the prefilter, when the caller already ran it. */
  candidates?: readonly TemplateRule[];
  /** True when the project defines a tag library of this name itself. */
  ownLibrary?: (name: string) => boolean;
  maxPasses?: number;
}

const DEFAULT_MAX_PASSES = 4;
/** Block tags the rules rename; the structure before and after must match modulo these. */
const RENAMED: Record<string, string> = { ifequal: "if", ifnotequal: "if" };

function normalized(signature: readonly string[]): string {
  return signature.map((s) => s.replace(/[a-z]+/, (name) => RENAMED[name] ?? name)).join(" ");
}

/** Applies sorted, non-conflicting edits (insertions at one point in acceptance order). */
export function applyEdits(text: string, sorted: readonly { start: number; end: number; text: string }[]): string {
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  return out + text.slice(at);
}

function structureOf(text: string): { tokens: Token[]; structure: Structure } | Problem {
  const tokens = lex(text);
  const structure = analyse(tokens);
  if (isStructureError(structure)) {
    return { kind: "syntax-error", line: structure.line, message: `template left unchanged: ${structure.message}` };
  }
  return { tokens, structure };
}

export function transformTemplate(source: string, options: TemplateTransformOptions): TransformResult {
  const unchanged = (extra: Partial<TransformResult> = {}): TransformResult => ({
    code: source, changed: false, fixes: [], findings: [], problems: [], parsed: false, ...extra,
  });
  if (source.includes("pycodemod: skip-file")) return unchanged();
  let active = options.candidates ?? prefilterFor(options.rules).match(source);
  if (active.length === 0) return unchanged();
  const first = structureOf(source);
  if ("kind" in first) return unchanged({ parsed: true, problems: [first] });
  const ignores = TemplateIgnores.scan(source);
  const fixes: AppliedFix[] = [];
  const problems: Problem[] = [];
  let findings: Finding[] = [];
  let text = source;
  let current = first;
  const expected = normalized(first.structure.signature);
  for (let pass = 0; pass < (options.maxPasses ?? DEFAULT_MAX_PASSES); pass++) {
    const outcome = runPass(text, current.tokens, current.structure, active, options, ignores);
    findings = outcome.findings;
    if (outcome.crashed) return unchanged({ parsed: true, problems: [outcome.crashed] });
    if (outcome.fixes.length === 0) break;
    // Keep the rules whose edits leave the block structure as it was; drop (and report) the others.
    let kept: Fix[] = [];
    let next: { text: string; lexed: { tokens: Token[]; structure: Structure } } | undefined;
    for (const rule of [...new Set(outcome.fixes.map((f) => f.rule))]) {
      const trial = acceptFixes([...kept, ...outcome.fixes.filter((f) => f.rule === rule)]);
      const trialText = applyEdits(text, trial.sorted);
      const lexed = structureOf(trialText);
      if (!("kind" in lexed) && normalized(lexed.structure.signature) === expected) {
        kept = trial.fixes;
        next = { text: trialText, lexed };
      } else {
        const fix = outcome.fixes.find((f) => f.rule === rule)!;
        problems.push({
          kind: "invalid-output", rule,
          message: `rule ${rule} produced a template whose block tags no longer match; its changes to this file were dropped`,
          line: new LineIndex(text).position(Math.min(...fix.edits.map((e) => e.start))).line,
        });
        active = active.filter((r) => r.id !== rule);
      }
    }
    if (!next) continue;
    const lines = new LineIndex(text);
    for (const fix of kept) {
      fixes.push({ rule: fix.rule, message: fix.message, line: fix.edits.length > 0 ? lines.position(Math.min(...fix.edits.map((e) => e.start))).line : 1 });
    }
    text = next.text;
    current = next.lexed;
  }
  return { code: text, changed: text !== source, fixes, findings, problems, parsed: true };
}

function acceptFixes(fixes: Fix[]): EditSet {
  const set = new EditSet();
  for (const fix of fixes) set.tryAdd(fix); // the rest waits for the next pass
  return set;
}

function runPass(
  text: string,
  tokens: readonly Token[],
  structure: Structure,
  rules: readonly TemplateRule[],
  options: TemplateTransformOptions,
  ignores: TemplateIgnores | undefined,
): { fixes: Fix[]; findings: Finding[]; crashed?: Problem } {
  const fixes: Fix[] = [];
  const findings: Finding[] = [];
  let lines: LineIndex | undefined;
  let current: TemplateRule | undefined;
  try {
    for (const rule of rules) {
      current = rule;
      const ctx: TemplateContext = {
        ruleId: rule.id, source: text, tokens, structure, filename: options.filename, targets: options.targets,
        ownLibrary: options.ownLibrary ?? (() => false),
        fix(message, edits) {
          if (edits.length === 0) return;
          if (ignores?.suppresses(rule, edits)) return;
          fixes.push({ rule: rule.id, message, edits });
        },
        report(at, message) {
          const index = typeof at === "number" ? at : at.start;
          lines ??= new LineIndex(text);
          findings.push({ rule: rule.id, message, ...lines.position(index) });
        },
      };
      rule.run(ctx);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { fixes: [], findings, crashed: { kind: "rule-error", rule: current?.id, message: `rule ${current?.id} failed: ${message}; file left unchanged` } };
  }
  return { fixes, findings };
}
