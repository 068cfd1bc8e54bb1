// The "keyword rename" kind of rule as data: `f(old=...)` → `f(new=...)` where `f` resolves,
// through the module facts, to one of the given qualified callables.
import { defineRule, type Rule, type RuleMeta } from "../rule.js";
import type { Node } from "../parser.js";

export interface KeywordRenameRule extends Omit<RuleMeta, "needles"> {
  /** Qualified names of the callables, e.g. `django.core.validators.EmailValidator`. */
  callables: string[];
  /** old keyword → new keyword */
  renames: Record<string, string>;
  /**
   * Prefilter words; default: the old keywords. Give something every matching file must contain
   * (e.g. the callable's name) when an old keyword is a common word such as `all`.
   */
  needles?: string[];
}

function keywordNames(args: Node): Set<string> {
  const names = new Set<string>();
  for (const arg of args.namedChildren) {
    if (arg?.type === "keyword_argument") names.add(arg.childForFieldName("name")?.text ?? "");
  }
  return names;
}

/**
 * What a file the rule changes must contain: an old keyword written as one (`whitelist=`, not
 * `== whitelist`), and the last name of a callable, which every call spells or imports (an alias
 * comes from `import ... as`, which names it too).
 */
function keywordPrecheck(callables: readonly string[], renames: Record<string, string>): (text: string) => boolean {
  const word = (names: Iterable<string>) => [...new Set(names)].map((n) => n.replace(/[^\w]/g, "")).join("|");
  const keyword = new RegExp(`(?<![\\w])(?:${word(Object.keys(renames))})[\\s\\\\]*=(?!=)`);
  const callable = new RegExp(`(?<![\\w])(?:${word(callables.map((c) => c.slice(c.lastIndexOf(".") + 1)))})(?![\\w])`);
  return (text) => keyword.test(text) && callable.test(text);
}

export function keywordRenames(spec: KeywordRenameRule): Rule {
  const { callables, renames, needles, precheck, ...meta } = spec;
  const wanted = new Set(callables);
  const required = keywordPrecheck(callables, renames);
  return defineRule({
    ...meta,
    needles: needles ?? Object.keys(renames),
    precheck: precheck ? (text) => required(text) && precheck(text) : required,
    create(ctx) {
      return {
        module() {
          for (const [from, to] of Object.entries(renames)) {
            for (const id of ctx.facts.identifiers(from)) {
              const keyword = id.parent;
              if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
              const args = keyword.parent;
              const call = args?.parent;
              if (args?.type !== "argument_list" || call?.type !== "call") continue;
              const callee = call.childForFieldName("function");
              const qualified = callee && ctx.facts.qualifiedName(callee);
              if (!qualified || !wanted.has(qualified)) continue;
              // `**options` might already carry the new keyword: a duplicate would be a TypeError.
              if (args.namedChildren.some((a) => a?.type === "dictionary_splat")) {
                ctx.report(id, `${from}= is deprecated (use ${to}=) but was left alone: **kwargs in this call may already pass ${to}=`);
                continue;
              }
              if (keywordNames(args).has(to)) {
                ctx.report(id, `${from}= is deprecated and this call also passes ${to}=: remove ${from}= by hand`);
                continue;
              }
              ctx.fix(`${from}= → ${to}=`, [{ start: id.startIndex, end: id.endIndex, text: to }]);
            }
          }
        },
      };
    },
  });
}
