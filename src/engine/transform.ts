// One file's journey: prefilter → parse → passes of rules and edits until nothing changes →
// safety net. Synchronous; the caller must have awaited loadParser().
import { fileRoles, type FileRole } from "../roles.js";
import type { Targets } from "../target.js";
import { EditSet, type Fix } from "./edits.js";
import { Facts } from "./facts.js";
import { firstSyntaxError, parse, reparse, type Node, type Tree } from "./parser.js";
import { prefilterFor } from "./prefilter.js";
import { ruleAppliesToFile, type Finding, type Rule, type RuleContext, type Visitor } from "./rule.js";
import { LineIndex, newlineOf, positionOf } from "./text.js";
import { IgnoreComments } from "./ignore-comments.js";
import { mayAddNewerFStringFields, newerFStringFields } from "./older-fstrings.js";
import { PassHistory } from "./position-map.js";
import type { ProjectLookup, StarNames } from "./project.js";

export interface TransformOptions {
  rules: readonly Rule[];
  targets: Targets;
  /** Project-relative path; decides file roles (settings, tests, ...). */
  filename: string;
  maxPasses?: number;
  /** The rules that passed the prefilter, when the caller has already run it on this text. */
  candidates?: readonly Rule[];
  /** The rest of the project, when known (see src/project-view.ts); without it, star imports may bind anything. */
  project?: ProjectLookup;
}

export interface AppliedFix {
  rule: string;
  message: string;
  line: number;
}

export type ProblemKind = "syntax-error" | "invalid-output" | "rule-error" | "decode-error" | "io-error" | "changed-on-disk";

/** Something that stopped a file (or one rule on it) from being processed. */
export interface Problem {
  kind: ProblemKind;
  message: string;
  line?: number;
  column?: number;
  rule?: string;
}

export interface TransformResult {
  code: string;
  changed: boolean;
  fixes: AppliedFix[];
  findings: Finding[];
  /**
   * Style rewrites that declined, with why (a style rule's reports): never findings, since the
   * user has nothing to act on; `--verbose` lists them. Absent when there are none.
   */
  declined?: Finding[];
  problems: Problem[];
  /** False when the prefilter ruled the file out before parsing. */
  parsed: boolean;
  /**
   * For a changed result: true when transforming `code` again is known to change nothing and to
   * report these same findings (the last pass made no fix, no rule was dropped, and the rules a
   * fresh run would add neither fix nor report). Lets the cache keep a rewritten file.
   */
  settled?: boolean;
}

const DEFAULT_MAX_PASSES = 8;

export function selectRulesForFile(rules: readonly Rule[], roles: ReadonlySet<FileRole>, filename: string): Rule[] {
  return rules.filter((rule) => ruleAppliesToFile(rule, roles, filename));
}

export function transformSync(source: string, options: TransformOptions): TransformResult {
  const unchanged = (extra: Partial<TransformResult> = {}): TransformResult => ({
    code: source, changed: false, fixes: [], findings: [], problems: [], parsed: false, ...extra,
  });
  if (source.includes("pycodemod: skip-file")) return unchanged();
  const candidates = options.candidates ?? prefilterFor(options.rules).match(source);
  if (candidates.length === 0) return unchanged();
  const roles = fileRoles(options.filename, source);
  let active = selectRulesForFile(candidates, roles, options.filename);
  if (active.length === 0) return unchanged();

  const tree = parse(source);
  const error = firstSyntaxError(tree.rootNode);
  if (error) {
    const at = positionOf(source, error.startIndex);
    tree.delete();
    return unchanged({
      parsed: true,
      problems: [{ kind: "syntax-error", message: "syntax error here; file left unchanged (fix it, or check it parses with the Python you target, then run again)", ...at }],
    });
  }

  const fixes: AppliedFix[] = [];
  const problems: Problem[] = [];
  let findings: IndexedFinding[] = [];
  let declined: IndexedFinding[] = [];
  let text = source;
  let fixedPoint = false;
  let settled = false;
  const history = new PassHistory();
  const made: MadeFix[] = [];
  // Rules whose edits broke the syntax: they sit out the remaining passes.
  const dropped = new Set<string>();
  // The tree of `text`; undefined only while it is being replaced. Freed in `finally`.
  let current: Tree | undefined = tree;
  try {
    for (let pass = 0; pass < (options.maxPasses ?? DEFAULT_MAX_PASSES); pass++) {
      const outcome = runPass(text, current!, active, roles, options);
      findings = outcome.findings;
      declined = outcome.declined;
      if (outcome.crashed) return unchanged({ parsed: true, problems: [outcome.crashed] });
      if (outcome.fixes.length === 0) {
        fixedPoint = true;
        break;
      }
      const accepted = acceptFixes(outcome.fixes);
      let next = accepted.apply(text);
      // f-string fields only Python 3.12 parses, counted before the pass when its edits may add one.
      const fStringFields = mayAddNewerFStringFields(next, accepted.fixes) ? newerFStringFields(current!.rootNode) : undefined;
      // Incremental: tree-sitter re-parses only around the edits (the old tree is consumed).
      const reused = current!;
      current = undefined;
      let nextTree = reparse(reused, text, accepted.sorted, next);
      if (breaks(nextTree, fStringFields)) {
        // Find the rule(s) whose edits break the syntax, drop them, keep the others.
        nextTree.delete();
        const checked = dropBreakingRules(text, accepted.fixes, fStringFields);
        for (const rule of checked.broken) {
          const fString = checked.fString.includes(rule);
          problems.push({
            kind: "invalid-output", rule,
            message: fString
              ? `rule ${rule} wrote a quote, backslash or comment into an f-string's {...}, which Python before 3.12 cannot parse; its changes to this file were dropped`
              : `rule ${rule} produced code that does not parse; its changes to this file were dropped`,
            line: firstLineOf(text, accepted.fixes.find((f) => f.rule === rule)),
          });
        }
        for (const rule of checked.broken) dropped.add(rule);
        active = active.filter((r) => !checked.broken.includes(r.id));
        if (checked.set.size === 0) {
          current = parse(text);
          continue;
        }
        next = checked.set.apply(text);
        nextTree = parse(next);
        recordFixes(made, history.length, checked.set.fixes);
        history.record(checked.set.sorted);
      } else {
        recordFixes(made, history.length, accepted.fixes);
        history.record(accepted.sorted);
      }
      current = nextTree;
      text = next;
      active = withRulesTheFixesInvite(active, dropped, text, roles, options);
    }
    if (fixedPoint && problems.length === 0 && text !== source) settled = isSettled(text, roles, findings, options);
  } finally {
    current?.delete();
  }
  const sourceLines = new LineIndex(source);
  for (const fix of made) {
    fixes.push({ rule: fix.rule, message: fix.message, line: sourceLines.position(history.toOriginal(fix.index, fix.pass)).line });
  }
  const finalLines = text === source ? sourceLines : new LineIndex(text);
  const locate = (list: IndexedFinding[]): Finding[] => list.map((f) => {
    const finding = withoutIndex(f);
    if (finding.message.includes("\u0001")) finding.message = fillLines(finding.message, (at) => finalLines.position(at).line);
    if (text === source) return finding;
    const original = { ...sourceLines.position(history.toOriginal(f.index)), message: fillLines(f.message, (at) => sourceLines.position(history.toOriginal(at)).line) };
    if (original.message === finding.message) delete (original as { message?: string }).message;
    return original.line === f.line && original.column === f.column && original.message === undefined ? finding : { ...finding, original };
  });
  // In the order of the file, as a reader (and ruff's output) goes, not the order rules ran in.
  const located = locate(findings).sort((a, b) => a.line - b.line || a.column - b.column);
  return { code: text, changed: text !== source, fixes, findings: located, ...(declined.length > 0 ? { declined: locate(declined) } : {}), problems, parsed: true, settled };
}

/**
 * The rules for the next pass: a fix can write what another rule acts on (a top-level Werkzeug
 * import moved to `werkzeug.urls`, where the url_encode finding looks), so rules whose needles the
 * rewritten text now holds join the ones already running, in the registry's order. The prefilter
 * is one scan of the text, and only files that changed get here.
 */
function withRulesTheFixesInvite(
  active: Rule[], dropped: ReadonlySet<string>, text: string, roles: ReadonlySet<FileRole>, options: TransformOptions,
): Rule[] {
  const joining = selectRulesForFile(prefilterFor(options.rules).match(text), roles, options.filename)
    .filter((rule) => !dropped.has(rule.id) && !active.includes(rule));
  if (joining.length === 0) return active;
  const running = new Set([...active, ...joining]);
  return options.rules.filter((rule) => running.has(rule));
}

/**
 * Whether a fresh run on `text` (the result) would change nothing and report exactly `findings`:
 * the same file roles, and no finding from a rule that run would not pick. The rules it would pick
 * are already among those that ran the last pass (withRulesTheFixesInvite added every rule the
 * final text lets through), and that pass made no fix.
 */
function isSettled(text: string, roles: ReadonlySet<FileRole>, findings: readonly Finding[], options: TransformOptions): boolean {
  if (text.includes("pycodemod: skip-file")) return false;
  const freshRoles = fileRoles(options.filename, text);
  if (freshRoles.size !== roles.size || [...roles].some((role) => !freshRoles.has(role))) return false;
  const fresh = selectRulesForFile(prefilterFor(options.rules).match(text), freshRoles, options.filename);
  return findings.every((f) => fresh.some((rule) => rule.id === f.rule));
}

function acceptFixes(fixes: Fix[]): EditSet {
  const set = new EditSet();
  for (const fix of fixes) set.tryAdd(fix); // the rest waits for the next pass
  return set;
}

/**
 * Whether a pass's new tree is broken: a syntax error, or more f-string fields that only Python
 * 3.12 parses than before the pass (`fStringFields`, counted only when the edits may add one).
 */
function breaks(tree: Tree, fStringFields: number | undefined): boolean {
  return tree.rootNode.hasError || (fStringFields !== undefined && newerFStringFields(tree.rootNode) > fStringFields);
}

function dropBreakingRules(text: string, fixes: Fix[], fStringFields: number | undefined): { set: EditSet; broken: string[]; fString: string[] } {
  const broken: string[] = [];
  const fString: string[] = [];
  let kept: Fix[] = [];
  for (const rule of [...new Set(fixes.map((f) => f.rule))]) {
    const trial = acceptFixes([...kept, ...fixes.filter((f) => f.rule === rule)]);
    const tree = parse(trial.apply(text));
    const syntaxError = tree.rootNode.hasError;
    const ok = !syntaxError && !breaks(tree, fStringFields);
    tree.delete();
    if (ok) kept = trial.fixes;
    else {
      broken.push(rule);
      if (!syntaxError) fString.push(rule);
    }
  }
  return { set: acceptFixes(kept), broken, fString };
}

function firstStart(fix: Fix): number {
  let first = Infinity;
  for (const edit of fix.edits) if (edit.start < first) first = edit.start; // no spread: fixes can hold 100k edits
  return first;
}

function firstLineOf(text: string, fix: Fix | undefined): number | undefined {
  if (!fix || fix.edits.length === 0) return undefined;
  return positionOf(text, firstStart(fix)).line;
}

/** A fix as made: where it starts in the text of its pass (`pass` passes after the original). */
interface MadeFix {
  rule: string;
  message: string;
  index: number;
  pass: number;
}

function recordFixes(into: MadeFix[], pass: number, fixes: Fix[]): void {
  for (const fix of fixes) into.push({ rule: fix.rule, message: fix.message, index: fix.edits.length > 0 ? firstStart(fix) : 0, pass });
}

/** A message with lineOf() marks, each replaced by the line `lineAt` gives for its index. */
function fillLines(message: string, lineAt: (index: number) => number): string {
  return message.includes("\u0001") ? message.replace(/\u0001(\d+)\u0002/g, (_, index: string) => String(lineAt(Number(index)))) : message;
}

/** A finding as reported, with its index in the text of the pass that reported it. */
type IndexedFinding = Finding & { index: number };

function withoutIndex({ index: _index, ...finding }: IndexedFinding): Finding {
  return finding;
}

interface PassOutcome {
  fixes: Fix[];
  findings: IndexedFinding[];
  declined: IndexedFinding[];
  crashed?: Problem;
}

function runPass(
  text: string,
  tree: Tree,
  rules: readonly Rule[],
  roles: ReadonlySet<FileRole>,
  options: TransformOptions,
): PassOutcome {
  const root = tree.rootNode;
  const project = options.project;
  const facts = new Facts(
    text, root,
    (spec): StarNames => project ? project.starNames(options.filename, spec) : { unknown: "the rest of the project is not known here" },
    project?.importedFrom ? (name, hasAll) => project.importedFrom!(options.filename, name, hasAll) : undefined,
  );
  const projectContext = project ? {
    module: (spec: string, from?: string) => project.module(from ?? options.filename, spec),
    readElsewhere: (name: string) => project.readElsewhere?.(options.filename, name),
  } : undefined;
  const newline = newlineOf(text);
  const ignores = IgnoreComments.scan(text);
  const fixes: Fix[] = [];
  const findings: IndexedFinding[] = [];
  const declined: IndexedFinding[] = [];
  let lines: LineIndex | undefined;
  const handlers = new Map<string, { rule: Rule; visit: Visitor }[]>();
  const modules: { rule: Rule; visit: Visitor }[] = [];
  let current: Rule | undefined;
  try {
    for (const rule of rules) {
      current = rule;
      const ctx: RuleContext = {
        ruleId: rule.id, source: text, root, facts, filename: options.filename, roles,
        targets: options.targets, newline, project: projectContext,
        fix(message, edits) {
          if (edits.length === 0) return;
          if (ignores && ignores.suppresses(rule, edits)) return;
          fixes.push({ rule: rule.id, message, edits });
        },
        report(at, message) {
          const index = typeof at === "number" ? at : at.startIndex;
          lines ??= new LineIndex(text);
          // A style rewrite that declines leaves nothing the user must act on: kept apart, for --verbose.
          (rule.style ? declined : findings).push({ rule: rule.id, message, ...lines.position(index), index });
        },
      };
      const visitors = rule.create(ctx);
      for (const [type, visit] of Object.entries(visitors)) {
        if (!visit) continue;
        if (type === "module") modules.push({ rule, visit });
        else {
          const list = handlers.get(type) ?? [];
          list.push({ rule, visit });
          handlers.set(type, list);
        }
      }
    }
    for (const { rule, visit } of modules) {
      current = rule;
      visit(root);
    }
    if (handlers.size > 0) {
      // One walk for every rule: the tree is searched once for all subscribed node types.
      const nodes = root.descendantsOfType([...handlers.keys()]);
      for (const node of nodes) {
        if (!node) continue;
        for (const { rule, visit } of handlers.get(node.type) ?? []) {
          current = rule;
          visit(node as Node);
        }
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      fixes: [], findings, declined,
      crashed: { kind: "rule-error", rule: current?.id, message: `rule ${current?.id} failed: ${message}; file left unchanged` },
    };
  }
  return { fixes, findings, declined };
}
