// The public library API. Everything else in the package is internal.
import { loadParser } from "./engine/parser.js";
import { transformSync, type TransformResult } from "./engine/transform.js";
import type { Rule } from "./engine/rule.js";
import { registry, selectRules, selectTemplateRules } from "./rules.js";
import { transformTemplate as runTemplateRules } from "./templates/transform.js";
import { parseTargets } from "./target.js";

export { defineRule } from "./engine/rule.js";
export type { Finding, Rule, RuleContext, RuleMeta, Visitors } from "./engine/rule.js";
export type { AppliedFix, Problem, TransformResult } from "./engine/transform.js";
export type { Edit } from "./engine/edits.js";
export { nameMoves, type NameMove } from "./engine/helpers/name-moves.js";
export { keywordRenames } from "./engine/helpers/keyword-renames.js";
export { settingsChanges } from "./engine/helpers/settings.js";
export { upgrade, type UpgradeOptions, type FileResult } from "./runner.js";

/** Every built-in rule, in registry order. */
export const rules: readonly Rule[] = registry;

export interface TransformOptions {
  /** `"django-5.0"`, or several targets for different frameworks. */
  target: string | string[];
  /** Project-relative path of the file; decides roles such as settings or tests. */
  filename?: string;
  /** Rules to run (default: every built-in rule the target calls for). Ids or aliases, or Rule objects. */
  rules?: readonly (string | Rule)[];
  /** Rule ids or aliases to leave out. */
  ignore?: readonly string[];
}

/** Upgrades one file's source text. Never throws for bad Python: problems are in the result. */
export async function transform(source: string, options: TransformOptions): Promise<TransformResult> {
  await loadParser();
  const targets = parseTargets(options.target);
  const given = options.rules ?? [];
  const custom = given.filter((r): r is Rule => typeof r !== "string");
  const names = given.filter((r): r is string => typeof r === "string");
  const selected = selectRules({
    targets,
    select: names,
    ignore: options.ignore,
    rules: custom.length > 0 ? custom : registry,
  });
  return transformSync(source, { rules: selected, targets, filename: options.filename ?? "module.py" });
}

/**
 * Upgrades one Django template's text with the template rules the target calls for (`rules`:
 * template rule ids or aliases to run only those). Synchronous: templates need no parser.
 */
export function transformTemplate(source: string, options: Omit<TransformOptions, "rules"> & { rules?: readonly string[] }): TransformResult {
  const targets = parseTargets(options.target);
  const selected = selectTemplateRules({ targets, select: options.rules, ignore: options.ignore });
  return runTemplateRules(source, { rules: selected, targets, filename: options.filename ?? "templates/template.html" });
}
