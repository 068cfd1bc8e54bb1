// Machine-readable payloads for stdout: --format json (pycodemod's own schema, documented in the
// README; fields are only ever added), sarif (SARIF 2.1.0 for GitHub code scanning and other
// SARIF viewers) and github (workflow commands that GitHub Actions shows as annotations).
// Every applied or proposed fix and every finding is one entry; problems (files that could not
// be processed) are errors.
import type { RuleMeta } from "../engine/rule.js";
import type { FileResult } from "../runner.js";

export type Mode = "write" | "diff" | "check";

/** What the reports need to know of a rule (Python and template rules both have it). */
export type RuleInfo = Pick<RuleMeta, "id" | "summary" | "description" | "docs" | "framework" | "since" | "kind">;

export interface RunReport {
  mode: Mode;
  version: string;
  results: readonly FileResult[];
  pathErrors: readonly { path: string; message: string }[];
  /** Every rule that may appear (built-ins, templates and plugins), for rule metadata. */
  rules: readonly RuleInfo[];
  /** Unified diff of a changed file (diff mode). */
  diffOf?: (result: FileResult) => string | undefined;
}

/** `pycodemod --format json`: schemaVersion 1. */
export function jsonReport(report: RunReport): string {
  const files = report.results.map((r) => ({
    path: r.path,
    ...(r.template ? { kind: "template" } : r.dotenv ? { kind: "dotenv" } : {}),
    status: r.status,
    fixes: r.fixes,
    findings: r.findings,
    problems: r.problems,
    ...(report.diffOf?.(r) !== undefined ? { diff: report.diffOf(r) } : {}),
  }));
  const count = (status: FileResult["status"]) => report.results.filter((r) => r.status === status).length;
  const summary = {
    files: report.results.length,
    changed: count("changed"),
    unchanged: count("unchanged"),
    errors: report.results.filter((r) => r.status === "error" || r.problems.length > 0).length,
    fixes: report.results.reduce((n, r) => n + r.fixes.length, 0),
    findings: report.results.reduce((n, r) => n + r.findings.length, 0),
  };
  const out = { schemaVersion: 1, tool: { name: "pycodemod", version: report.version }, mode: report.mode, summary, files, pathErrors: report.pathErrors };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const INFORMATION_URI = "https://www.npmjs.com/package/pycodemod";

function ruleDescriptor(rule: RuleInfo) {
  const help = [rule.summary + ".", rule.description ?? "", rule.docs ? `Release note: ${rule.docs}` : ""].filter(Boolean).join("\n\n");
  return {
    id: rule.id,
    name: rule.id.replace(/^.*\//, ""),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description ?? rule.summary },
    ...(rule.docs ? { helpUri: rule.docs } : {}),
    help: { text: help, markdown: help },
    defaultConfiguration: { level: (rule.kind ?? "fix") === "finding" ? "warning" : "note" },
    properties: { tags: [rule.framework, (rule.kind ?? "fix")], framework: rule.framework, since: rule.since, kind: (rule.kind ?? "fix") },
  };
}

/** Forward-slash relative URI for SARIF (paths outside the working directory stay absolute). */
function uriOf(p: string): string {
  const posix = p.split("\\").join("/");
  return posix.split("/").map(encodeURIComponent).join("/").replace(/^%2F/, "/");
}

function location(path: string, line?: number, column?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(path), ...(path.startsWith("/") ? {} : { uriBaseId: "%SRCROOT%" }) },
      region: { startLine: Math.max(1, line ?? 1), ...(column ? { startColumn: column } : {}) },
    },
  };
}

/** `pycodemod --format sarif`: one run, one result per fix, finding and rule-attributed problem. */
export function sarifReport(report: RunReport): string {
  const used = new Set<string>();
  for (const r of report.results) {
    for (const x of [...r.fixes, ...r.findings]) used.add(x.rule);
    for (const p of r.problems) if (p.rule) used.add(p.rule);
  }
  const rules = report.rules.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const verb = report.mode === "write" ? "fixed" : "fix available";
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of report.results) {
    for (const fix of r.fixes) {
      results.push({
        ruleId: fix.rule, ruleIndex: index.get(fix.rule), level: "note",
        message: { text: `${verb}: ${fix.message}` }, locations: [location(r.path, fix.line)],
      });
    }
    for (const finding of r.findings) {
      results.push({
        ruleId: finding.rule, ruleIndex: index.get(finding.rule), level: "warning",
        message: { text: finding.message }, locations: [location(r.path, finding.line, finding.column)],
      });
    }
    for (const problem of r.problems) {
      notifications.push({
        level: "error", message: { text: `${r.path}: ${problem.message}` },
        locations: [location(r.path, problem.line, problem.column)],
        ...(problem.rule ? { associatedRule: { id: problem.rule, ...(index.has(problem.rule) ? { index: index.get(problem.rule) } : {}) } } : {}),
      });
    }
  }
  for (const e of report.pathErrors) notifications.push({ level: "error", message: { text: `${e.path}: ${e.message}` } });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "pycodemod", version: report.version, semanticVersion: report.version, informationUri: INFORMATION_URI, rules: rules.map(ruleDescriptor) } },
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      columnKind: "unicodeCodePoints",
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Workflow-command escaping (GitHub's rules: % \r \n in data; also : , in properties). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `pycodemod --format github`: `::notice`/`::warning`/`::error` lines, one per entry. */
export function githubReport(report: RunReport): string {
  const lines: string[] = [];
  const annotate = (level: string, file: string, line: number | undefined, column: number | undefined, title: string, message: string) => {
    const props = [`file=${escapeProperty(file)}`, `line=${Math.max(1, line ?? 1)}`, ...(column ? [`col=${column}`] : []), `title=${escapeProperty(title)}`];
    lines.push(`::${level} ${props.join(",")}::${escapeData(message)}`);
  };
  const verb = report.mode === "write" ? "fixed" : "fix available";
  for (const r of report.results) {
    for (const fix of r.fixes) annotate("notice", r.path, fix.line, undefined, `pycodemod ${fix.rule}`, `${verb}: ${fix.message}`);
    for (const f of r.findings) annotate("warning", r.path, f.line, f.column, `pycodemod ${f.rule}`, f.message);
    for (const p of r.problems) annotate("error", r.path, p.line, p.column, `pycodemod${p.rule ? ` ${p.rule}` : ""}`, p.message);
  }
  for (const e of report.pathErrors) lines.push(`::error title=pycodemod::${escapeData(`${e.path}: ${e.message}`)}`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
