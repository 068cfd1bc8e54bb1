// Choosing rules: by target version, then --select / --ignore (ids or aliases).
import { dotenvRules, rules as registry, templateRules } from "../codemods/index.js";
import type { DotenvRule } from "./dotenv/rule.js";
import type { Rule } from "./engine/rule.js";
import type { TemplateRule } from "./templates/rule.js";
import { didYouMean } from "./suggest.js";
import { targetReaches, type Targets } from "./target.js";

export { dotenvRules, registry, templateRules };

/** Python, template and dotenv rules: what --list-rules, --explain and --select/--ignore see. */
export const allRules: readonly (Rule | TemplateRule | DotenvRule)[] = [...registry, ...templateRules, ...dotenvRules];

export class UnknownRuleError extends Error {}

export function findRule(name: string, from: readonly (Rule | TemplateRule | DotenvRule)[] = allRules): Rule | TemplateRule | DotenvRule | undefined {
  return from.find((r) => r.id === name || (r.aliases ?? []).includes(name));
}

function resolveNames(names: readonly string[], from: readonly (Rule | TemplateRule | DotenvRule)[], strict = true): Set<unknown> {
  const found = new Set<unknown>();
  for (const name of names) {
    const rule = findRule(name, from);
    if (rule) found.add(rule);
    else if (strict) throw new UnknownRuleError(unknownRuleMessage(name, from));
  }
  return found;
}

export function unknownRuleMessage(name: string, from: readonly (Rule | TemplateRule | DotenvRule)[] = allRules): string {
  const names = from.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
  return `unknown rule "${name}"${didYouMean(name, names)}; run --list-rules to see the rule ids and aliases`;
}

export interface RuleSelection {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
  /** Defaults to the built-in registry. */
  rules?: readonly Rule[];
}

export function selectRules(selection: RuleSelection): Rule[] {
  // Names may be any rule's, templates included (custom rules come first).
  const from = selection.rules ? [...selection.rules, ...templateRules, ...dotenvRules] : allRules;
  const selected = selection.select && selection.select.length > 0 ? resolveNames(selection.select, from) : undefined;
  const ignored = resolveNames(selection.ignore ?? [], from);
  return (selection.rules ?? registry).filter(
    (rule) =>
      targetReaches(selection.targets, rule.framework, rule.since) &&
      !(rule.until && targetReaches(selection.targets, rule.framework, rule.until)) &&
      (!selected || selected.has(rule)) &&
      !ignored.has(rule),
  );
}

/** The template rules a selection asks for (none when the target has no Django version). */
export function selectTemplateRules(selection: Omit<RuleSelection, "rules">): TemplateRule[] {
  // Not strict: selectRules has checked the names, which may include plugin rules.
  const selected = selection.select && selection.select.length > 0 ? resolveNames(selection.select, allRules, false) : undefined;
  const ignored = resolveNames(selection.ignore ?? [], allRules, false);
  return templateRules.filter(
    (rule) => targetReaches(selection.targets, rule.framework, rule.since) && (!selected || selected.has(rule)) && !ignored.has(rule),
  );
}

/** The dotenv rules a selection asks for (none when the target has no Flask version). */
export function selectDotenvRules(selection: Omit<RuleSelection, "rules">): DotenvRule[] {
  const selected = selection.select && selection.select.length > 0 ? resolveNames(selection.select, allRules, false) : undefined;
  const ignored = resolveNames(selection.ignore ?? [], allRules, false);
  return dotenvRules.filter(
    (rule) => targetReaches(selection.targets, rule.framework, rule.since) && (!selected || selected.has(rule)) && !ignored.has(rule),
  );
}
