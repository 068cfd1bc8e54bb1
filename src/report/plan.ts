// The three faces of `pycodemod plan`: an aligned table for a terminal, JSON for tools, and
// Markdown for the description of an upgrade pull request.
import type { Plan, PlanRow } from "../plan.js";
import { plural } from "./messages.js";

const BOLD = "\x1b[1m";
const DIM = "\x1b[2m";
const YELLOW = "\x1b[33m";
const RESET = "\x1b[0m";

function journeyLine(plan: Plan): string {
  return plan.journeys.map((j) => `${j.framework}-${j.from} → ${j.framework}-${j.to}`).join(", ");
}

function findingText(row: PlanRow): string {
  const first = row.findings.first.map((f) => `${f.path}:${f.line} [${f.rule}]`).join(", ");
  const more = row.findings.count - row.findings.first.length;
  return `${plural(row.findings.count, "finding")} ${row.findings.count === 1 ? "needs" : "need"} a person: ${first}${more > 0 ? `, and ${more} more` : ""}`;
}

export function planText(plan: Plan, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const stageWidth = Math.max("release".length, ...plan.rows.map((r) => r.stage.length));
  const ruleWidth = Math.max("rule".length, ...plan.rows.flatMap((r) => r.fixes.map((f) => f.rule.length)));
  const line = (stage: string, rule: string, files: string, sites: string) =>
    `${stage.padEnd(stageWidth)}  ${rule.padEnd(ruleWidth)}  ${files.padStart(5)}  ${sites.padStart(5)}`.trimEnd();
  const out = [paint(BOLD, `Upgrade plan: ${journeyLine(plan)}`), "", paint(BOLD, line("release", "rule", "files", "sites"))];
  for (const row of plan.rows) {
    const label = paint(BOLD, row.stage.padEnd(stageWidth));
    if (row.fixes.length === 0) out.push(`${label}  ${paint(DIM, "no automatic fixes")}`);
    for (const [i, fix] of row.fixes.entries()) {
      const text = line("", fix.rule, String(fix.files), String(fix.sites)).slice(stageWidth);
      out.push(`${i === 0 ? label : " ".repeat(stageWidth)}${text}`);
    }
    if (row.findings.count > 0) out.push(`${" ".repeat(stageWidth)}  ${paint(YELLOW, findingText(row))}`);
    if (row.notes) out.push(`${" ".repeat(stageWidth)}  ${paint(DIM, `release notes: ${row.notes}`)}`);
  }
  const t = plan.totals;
  out.push("", paint(BOLD, `total: ${plural(t.sites, "fix")} in ${plural(t.files, "file")}, ${plural(t.findings, "finding")} for a person`));
  return `${out.join("\n")}\n`;
}

export function planJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function planMarkdown(plan: Plan): string {
  const out = [`## Upgrade plan: ${journeyLine(plan)}`, ""];
  for (const row of plan.rows) {
    const title = row.stage === "now" ? "Now (works on the current version)" : row.stage;
    out.push(`### ${title}`, "");
    if (row.notes) out.push(`Release notes: ${row.notes}`, "");
    if (row.fixes.length > 0) {
      out.push("Fixed automatically:", "", "| rule | files | sites |", "|---|---:|---:|");
      for (const fix of row.fixes) out.push(`| \`${fix.rule}\` | ${fix.files} | ${fix.sites} |`);
      out.push("");
    } else {
      out.push("Fixed automatically: nothing.", "");
    }
    if (row.findings.count > 0) {
      out.push(`Needs a person (${row.findings.count}):`, "");
      for (const f of row.findings.first) out.push(`- [ ] \`${f.path}:${f.line}\` ${f.message} (\`${f.rule}\`)`);
      const more = row.findings.count - row.findings.first.length;
      if (more > 0) out.push(`- [ ] and ${more} more (each run of pycodemod prints them all on stderr)`);
      out.push("");
    }
  }
  const t = plan.totals;
  out.push(`**Total:** ${plural(t.sites, "fix")} in ${plural(t.files, "file")}, ${plural(t.findings, "finding")} for a person.`, "");
  return out.join("\n");
}
