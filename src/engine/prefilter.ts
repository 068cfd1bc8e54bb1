// One scan of the raw text decides whether a file needs parsing at all, and which rules to run:
// a rule runs only if one of its needle words occurs somewhere in the text.
import type { RuleMeta } from "./rule.js";

/** What the prefilter reads of a rule (Python and template rules alike). */
type Filterable = Pick<RuleMeta, "needles" | "precheck">;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class Prefilter<Rule extends Filterable = Filterable> {
  private readonly pattern: RegExp | undefined;
  private readonly rulesByNeedle = new Map<string, Rule[]>();
  private readonly needles: string[];
  /** Needles whose rule list already includes the rules of the needles written inside them. */
  private readonly expanded = new Set<string>();

  constructor(private readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const needle of rule.needles) {
        const list = this.rulesByNeedle.get(needle) ?? [];
        list.push(rule);
        this.rulesByNeedle.set(needle, list);
      }
    }
    this.needles = [...this.rulesByNeedle.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = this.needles.length > 0 ? new RegExp(this.needles.map(escape).join("|"), "g") : undefined;
  }

  /**
   * The rules a match of `needle` stands for. The regex consumes the longest needle at a position,
   * so a match must also count for every needle written inside it ("url" inside "urlquote").
   * Worked out on a needle's first match, not up front: comparing every needle with every other
   * cost a one-file run several milliseconds, and most runs meet few distinct needles.
   */
  private rulesFor(needle: string): Rule[] {
    const own = this.rulesByNeedle.get(needle)!;
    if (this.expanded.has(needle)) return own;
    const rules = new Set(own);
    for (const other of this.needles) if (other !== needle && needle.includes(other)) {
      for (const rule of this.rulesByNeedle.get(other)!) rules.add(rule);
    }
    const list = rules.size === own.length ? own : [...rules];
    this.rulesByNeedle.set(needle, list);
    this.expanded.add(needle);
    return list;
  }

  /** The rules (in registry order) whose needles occur in `text`. */
  match(text: string): Rule[] {
    if (!this.pattern) return [];
    const hit = new Set<Rule>();
    const pattern = new RegExp(this.pattern); // fresh lastIndex; safe under reentrancy
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      for (const rule of this.rulesFor(m[0])) hit.add(rule);
      if (hit.size === this.rules.length) break;
    }
    // Rules that share a precheck function (copies of a rule, as in bench/ rules x2) ask it once per text.
    const answers = new Map<(text: string) => boolean, boolean>();
    const passes = (precheck: (text: string) => boolean) => {
      let answer = answers.get(precheck);
      if (answer === undefined) answers.set(precheck, (answer = precheck(text)));
      return answer;
    };
    return this.rules.filter((rule) => hit.has(rule) && (!rule.precheck || passes(rule.precheck)));
  }
}

const cache = new WeakMap<readonly Filterable[], Prefilter<Filterable>>();

export function prefilterFor<Rule extends Filterable>(rules: readonly Rule[]): Prefilter<Rule> {
  let prefilter = cache.get(rules) as Prefilter<Rule> | undefined;
  if (!prefilter) {
    prefilter = new Prefilter(rules);
    cache.set(rules, prefilter);
  }
  return prefilter;
}
