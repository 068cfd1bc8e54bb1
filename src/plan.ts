// One release at a time: which releases lie between where a project is (`--from`) and where it is
// going (`--target`), which target set a single `--step` applies, and in which release each rule
// first applies. Rule selection is the same code a normal run uses (selectRules), so a plan, a
// step and a direct run can never disagree about which rules a release brings.
import type { Rule } from "./engine/rule.js";
import { selectRules, selectTemplateRules } from "./rules.js";
import { compareVersions, parseTarget, parseTargets, TargetError, VALID_VERSIONS, type Framework, type Targets } from "./target.js";

/** A framework the user asked for, from its current version to the target. */
export interface Journey {
  framework: Framework;
  from: string;
  to: string;
}

/** `--target django-5.0 --from django-3.2` → one journey per targeted framework. */
export function journeys(targetSpecs: readonly string[], fromSpecs: readonly string[]): Journey[] {
  const from = new Map<Framework, string>();
  for (const spec of fromSpecs) {
    const [framework, version] = parseTarget(spec);
    if (from.has(framework) && from.get(framework) !== version) {
      throw new TargetError(`two different --from versions for ${framework}: ${framework}-${from.get(framework)} and ${spec}`);
    }
    from.set(framework, version);
  }
  const result: Journey[] = [];
  const seen = new Set<Framework>();
  for (const spec of targetSpecs) {
    const [framework, to] = parseTarget(spec);
    if (seen.has(framework)) continue;
    seen.add(framework);
    const start = from.get(framework);
    if (start === undefined) {
      throw new TargetError(`--from ${framework}-X.Y is needed to plan the way to ${framework}-${to} (the version the project runs on now)`);
    }
    if (compareVersions(start, to) > 0) {
      throw new TargetError(`--from ${framework}-${start} is newer than --target ${framework}-${to}`);
    }
    result.push({ framework, from: start, to });
  }
  for (const framework of from.keys()) {
    if (!seen.has(framework)) throw new TargetError(`--from ${framework}-${from.get(framework)} names a framework that no --target asks for`);
  }
  return result;
}

/** The feature releases after `from`, up to and including `to`, oldest first. */
export function releasesAfter(journey: Journey): string[] {
  return VALID_VERSIONS[journey.framework].filter(
    (v) => compareVersions(v, journey.from) > 0 && compareVersions(v, journey.to) <= 0,
  );
}

const spec = (framework: Framework, version: string) => `${framework}-${version}`;

/** The target specs of the current state: every framework at its `from` version. */
export function startSpecs(trip: readonly Journey[]): string[] {
  return trip.map((j) => spec(j.framework, j.from));
}

/**
 * What one `--step` applies: every framework moves to its next release (one still at its target
 * stays there). Undefined when every framework has arrived.
 */
export function nextStep(trip: readonly Journey[]): { specs: string[]; moved: string[]; after: Journey[] } | undefined {
  const moved: string[] = [];
  const after = trip.map((j) => {
    const next = releasesAfter(j)[0];
    if (next === undefined) return j;
    moved.push(spec(j.framework, next));
    return { ...j, from: next };
  });
  if (moved.length === 0) return undefined;
  return { specs: after.map((j) => spec(j.framework, j.from)), moved, after };
}

/** One row of the plan: "now" (already works on the current versions) or a release on the way. */
export interface Stage {
  /** "now", or the release, e.g. "django-4.0". */
  label: string;
  framework?: Framework;
  version?: string;
}

/**
 * Assigns each rule to the first stage whose target set selects it: "now" when the current
 * versions already select it, else the first release on its framework's way. Rules no stage
 * selects (beyond the target, or filtered out) are absent.
 */
export function stagesOfRules(
  trip: readonly Journey[],
  options: { select?: readonly string[]; ignore?: readonly string[]; rules?: readonly Rule[] },
): { stages: Stage[]; stageOf: Map<string, Stage> } {
  const select = (specs: string[]): { id: string }[] => {
    const targets = parseTargets(specs) as Targets;
    const python = selectRules({ targets, select: options.select, ignore: options.ignore, rules: options.rules });
    // Template rules take their stage the same way (custom rule lists have none).
    return options.rules ? python : [...python, ...selectTemplateRules({ targets, select: options.select, ignore: options.ignore })];
  };
  const stageOf = new Map<string, Stage>();
  const now: Stage = { label: "now" };
  const stages: Stage[] = [now];
  for (const rule of select(startSpecs(trip))) stageOf.set(rule.id, now);
  for (const [index, journey] of trip.entries()) {
    for (const version of releasesAfter(journey)) {
      // Only this framework moves; the others stay where they are now.
      const specs = trip.map((j, i) => (i === index ? spec(j.framework, version) : spec(j.framework, j.from)));
      const stage: Stage = { label: spec(journey.framework, version), framework: journey.framework, version };
      stages.push(stage);
      for (const rule of select(specs)) if (!stageOf.has(rule.id)) stageOf.set(rule.id, stage);
    }
  }
  return { stages, stageOf };
}

/** Where to read what a release changed. */
export function releaseNotesUrl(framework: Framework | undefined, version: string | undefined): string | undefined {
  if (!framework || !version) return undefined;
  if (framework === "django") return `https://docs.djangoproject.com/en/${version}/releases/${version}/`;
  // The Pallets projects (Flask, Werkzeug, Jinja, MarkupSafe, itsdangerous) keep one changelog
  // page each, with an anchor per release.
  const [major, minor] = version.split(".");
  return `https://${framework}.palletsprojects.com/en/stable/changes/#version-${major}-${minor}-0`;
}

/** What one rule does at one stage. */
export interface RuleCount {
  rule: string;
  files: number;
  sites: number;
}

export interface FindingSite {
  path: string;
  line: number;
  rule: string;
  message: string;
}

export interface PlanRow {
  stage: string;
  notes?: string;
  fixes: RuleCount[];
  findings: { count: number; first: FindingSite[] };
}

export interface Plan {
  journeys: Journey[];
  rows: PlanRow[];
  totals: { files: number; sites: number; findings: number };
}

/** The few findings a row names with file:line; the rest are counted. */
export const FIRST_FINDINGS = 3;

/** Groups a dry run's fixes and findings by the stage of the rule that made them. */
export function buildPlan(
  trip: readonly Journey[],
  stages: readonly Stage[],
  stageOf: ReadonlyMap<string, Stage>,
  results: readonly { path: string; fixes: readonly { rule: string }[]; findings: readonly { rule: string; line: number; message: string }[] }[],
): Plan {
  const rows = new Map<Stage, { fixes: Map<string, { files: Set<string>; sites: number }>; findings: FindingSite[] }>();
  for (const stage of stages) rows.set(stage, { fixes: new Map(), findings: [] });
  const changedFiles = new Set<string>();
  let sites = 0;
  for (const result of results) {
    for (const fix of result.fixes) {
      const stage = stageOf.get(fix.rule);
      if (!stage) continue;
      const perRule = rows.get(stage)!.fixes;
      const entry = perRule.get(fix.rule) ?? { files: new Set<string>(), sites: 0 };
      entry.files.add(result.path);
      entry.sites++;
      perRule.set(fix.rule, entry);
      changedFiles.add(result.path);
      sites++;
    }
    for (const finding of result.findings) {
      const stage = stageOf.get(finding.rule);
      if (!stage) continue;
      rows.get(stage)!.findings.push({ path: result.path, line: finding.line, rule: finding.rule, message: finding.message });
    }
  }
  let findings = 0;
  const planRows: PlanRow[] = stages.map((stage) => {
    const row = rows.get(stage)!;
    findings += row.findings.length;
    return {
      stage: stage.label,
      notes: releaseNotesUrl(stage.framework, stage.version),
      fixes: [...row.fixes.entries()]
        .map(([rule, { files, sites }]) => ({ rule, files: files.size, sites }))
        .sort((a, b) => b.sites - a.sites || a.rule.localeCompare(b.rule)),
      findings: { count: row.findings.length, first: row.findings.slice(0, FIRST_FINDINGS) },
    };
  });
  return { journeys: [...trip], rows: planRows, totals: { files: changedFiles.size, sites, findings } };
}
