// Choosing rules: by target version, then --select / --ignore (ids or aliases).
import { rules as registry } from "../codemods/index.js";
import type { Rule } from "./engine/rule.js";
import { targetReaches, type Targets } from "./target.js";

export { registry };

export class UnknownRuleError extends Error {}

export function findRule(name: string, from: readonly Rule[] = registry): Rule | undefined {
  return from.find((r) => r.id === name || (r.aliases ?? []).includes(name));
}

function resolveNames(names: readonly string[]): Set<Rule> {
  const found = new Set<Rule>();
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
