// Renders the rule catalog (docs/rules.md) from the rules' own metadata, so the docs cannot
// drift from the code: a test compares the committed file with this output.
import { ruleKind, type RuleMeta } from "../engine/rule.js";

function filesLabel(rule: RuleMeta & { template?: true; dotenv?: true }): string {
  if (rule.template) return "Django templates";
  if (rule.dotenv) return "dotenv files (.flaskenv, .env)";
  if (!rule.files || rule.files === "any") return "any Python file";
  if (typeof rule.files === "function") return "files chosen by the rule";
  return `${rule.files} files`;
}

/** Frameworks in the order the catalog shows them; any other framework follows, by name. */
const FRAMEWORK_ORDER = ["django", "flask", "werkzeug", "jinja", "markupsafe", "itsdangerous"];

function frameworkRank(framework: string): number {
  const i = FRAMEWORK_ORDER.indexOf(framework);
  return i === -1 ? FRAMEWORK_ORDER.length : i;
}

export function renderRuleCatalog(rules: readonly (RuleMeta & { template?: true })[]): string {
  const out = [
    "# Rule catalog",
    "",
    "Generated from the rules' metadata by `npm run docs:rules`; do not edit by hand.",
    "A *fix* rewrites code; a *finding* only reports what has to change by hand.",
  ];
  const sorted = [...rules].sort((a, b) => frameworkRank(a.framework) - frameworkRank(b.framework) || a.framework.localeCompare(b.framework) || (a.id < b.id ? -1 : 1));
  const frameworks = [...new Set(sorted.map((r) => r.framework))];
  for (const framework of frameworks) {
    out.push("", `## ${framework}`, "", "| rule | aliases | from target | kind | files | what it does |", "|---|---|---|---|---|---|");
    for (const rule of sorted.filter((r) => r.framework === framework)) {
      out.push(`| [\`${rule.id}\`](#${rule.id.replace(/[^a-z0-9-]/g, "")}) | ${(rule.aliases ?? []).map((a) => `\`${a}\``).join(", ")} | ${rule.framework}-${rule.since} | ${ruleKind(rule)} | ${filesLabel(rule)} | ${rule.summary.replace(/\|/g, "\\|")} |`);
    }
  }
  for (const rule of sorted) {
    out.push("", `### ${rule.id}`, "", `${rule.summary}.`, "");
    if (rule.description) out.push(rule.description, "");
    out.push(`- ${ruleKind(rule) === "finding" ? "Reports (changes nothing)" : "Applies"} when the target is ${rule.framework}-${rule.since} or newer, to ${filesLabel(rule)}.`);
    if (rule.aliases?.length) out.push(`- Also selectable as ${rule.aliases.map((a) => `\`${a}\``).join(", ")}.`);
    if (rule.docs) out.push(`- Release note: ${rule.docs}`);
    out.push(`- Golden cases: \`fixtures/${rule.id}/\`.`);
  }
  return `${out.join("\n")}\n`;
}
