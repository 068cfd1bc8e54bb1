// Renders the rule catalog (docs/rules.md) from the rules' own metadata, so the docs cannot
// drift from the code: a test compares the committed file with this output.
import type { Rule } from "../engine/rule.js";

function filesLabel(rule: Rule): string {
  if (!rule.files || rule.files === "any") return "any Python file";
  if (typeof rule.files === "function") return "files chosen by the rule";
  return `${rule.files} files`;
}

export function renderRuleCatalog(rules: readonly Rule[]): string {
  const out = [
    "# Rule catalog",
    "",
    "Generated from the rules' metadata by `npm run docs:rules`; do not edit by hand.",
    "",
    "| rule | aliases | from target | files | what it does |",
    "|---|---|---|---|---|",
  ];
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const rule of sorted) {
    out.push(`| [\`${rule.id}\`](#${rule.id.replace(/[^a-z0-9-]/g, "")}) | ${(rule.aliases ?? []).map((a) => `\`${a}\``).join(", ")} | ${rule.framework}-${rule.since} | ${filesLabel(rule)} | ${rule.summary} |`);
  }
  for (const rule of sorted) {
    out.push("", `## ${rule.id}`, "", `${rule.summary}.`, "");
    if (rule.description) out.push(rule.description, "");
    out.push(`- Applies when the target is ${rule.framework}-${rule.since} or newer, to ${filesLabel(rule)}.`);
    if (rule.aliases?.length) out.push(`- Also selectable as ${rule.aliases.map((a) => `\`${a}\``).join(", ")}.`);
    if (rule.docs) out.push(`- Release note: ${rule.docs}`);
    out.push(`- Golden cases: \`fixtures/${rule.id}/\`.`);
  }
  return `${out.join("\n")}\n`;
}
