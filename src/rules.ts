// Choosing rules: by target version, then --select / --ignore (ids or aliases).
import { rules as registry, templateRules } from "../codemods/index.js";
import type { Rule } from "./engine/rule.js";
import type { TemplateRule } from "./templates/rule.js";
import { targetReaches, type Targets } from "./target.js";

export { registry, templateRules };

/** Python and template rules: what --list-rules, --explain and --select/--ignore see. */
export const allRules: readonly (Rule | TemplateRule)[] = [...registry, ...templateRules];

export class UnknownRuleError extends Error {}

export function findRule(name: string, from: readonly (Rule | TemplateRule)[] = allRules): Rule | TemplateRule | undefined {
  return from.find((r) => r.id === name || (r.aliases ?? []).includes(name));
}

function resolveNames(names: readonly string[]): Set<unknown> {
  const found = new Set<unknown>();
  for (const name of names) {
    const rule = findRule(name);
    if (!rule) throw new UnknownRuleError(`unknown rule "${name}"; run --list-rules to see the rule ids and aliases`);
    found.add(rule);
  }
  return found;
}

export interface RuleSelection {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
  /** Defaults to the built-in registry. */
  rules?: readonly Rule[];
}

export function selectRules(selection: RuleSelection): Rule[] {
  const selected = selection.select && selection.select.length > 0 ? resolveNames(selection.select) : undefined;
  const ignored = resolveNames(selection.ignore ?? []);
  return (selection.rules ?? registry).filter(
    (rule) =>
      targetReaches(selection.targets, rule.framework, rule.since) &&
      (!selected || selected.has(rule)) &&
      !ignored.has(rule),
  );
}

/** The template rules a selection asks for (none when the target has no Django version). */
export function selectTemplateRules(selection: Omit<RuleSelection, "rules">): TemplateRule[] {
  const selected = selection.select && selection.select.length > 0 ? resolveNames(selection.select) : undefined;
  const ignored = resolveNames(selection.ignore ?? []);
  return templateRules.filter(
    (rule) => targetReaches(selection.targets, rule.framework, rule.since) && (!selected || selected.has(rule)) && !ignored.has(rule),
  );
}
