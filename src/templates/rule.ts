// The shape of a template rule. Like a Python rule it is metadata plus one function, but it sees
// a lexed Django template (tokens with offsets and the block structure) instead of a syntax
// tree. Template rules live in codemods/templates/ and are listed with the Python rules
// (--list-rules, docs/rules.md, --select/--ignore by id).
import type { Edit } from "../engine/edits.js";
import type { RuleMeta } from "../engine/rule.js";
import type { Targets } from "../target.js";
import type { Token } from "./lexer.js";
import type { Structure } from "./structure.js";

export interface TemplateContext {
  readonly ruleId: string;
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly structure: Structure;
  readonly filename: string;
  readonly targets: Targets;
  /** True when the project defines a tag library of this name itself (`templatetags/<name>.py`). */
  ownLibrary(name: string): boolean;
  /** Proposes edits that land together or not at all. */
  fix(message: string, edits: Edit[]): void;
  /** A warning that changes nothing. */
  report(at: Token | number, message: string): void;
}

export interface TemplateRule extends RuleMeta {
  /** Tells template rules from Python rules wherever both are listed. */
  readonly template: true;
  /** Called once per pass with the current text's tokens. */
  run(ctx: TemplateContext): void;
}

export function defineTemplateRule(rule: Omit<TemplateRule, "template">): TemplateRule {
  if (!/^templates\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) {
    throw new Error(`template rule id "${rule.id}" must look like templates/kebab-case-name`);
  }
  if (rule.needles.length === 0) throw new Error(`rule ${rule.id} declares no needles`);
  return { ...rule, template: true };
}

/** Tokens of one kind that Django's parser reads (not inside a `{% comment %}` block). */
export function* liveTokens(ctx: Pick<TemplateContext, "tokens" | "structure">, kind: "block" | "variable"): Generator<[number, Token]> {
  for (const [index, token] of ctx.tokens.entries()) {
    if (token.kind === kind && !ctx.structure.commented.has(index)) yield [index, token];
  }
}
