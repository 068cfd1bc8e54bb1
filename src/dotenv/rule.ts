// The shape of a dotenv rule: metadata plus one function, like a template rule, that sees the
// entries of a `.env` / `.flaskenv` file (src/dotenv/parse.ts) instead of a syntax tree. Dotenv
// rules live in codemods/dotenv/ and are listed with the other rules (--list-rules,
// docs/rules.md, --select/--ignore by id).
import type { Edit } from "../engine/edits.js";
import type { RuleMeta } from "../engine/rule.js";
import type { Targets } from "../target.js";
import type { DotenvEntry } from "./parse.js";

export interface DotenvContext {
  readonly ruleId: string;
  readonly source: string;
  readonly entries: readonly DotenvEntry[];
  /** The file's path as shown; its base name (`.env`, `.flaskenv`) says which file it is. */
  readonly filename: string;
  readonly targets: Targets;
  readonly newline: string;
  /** The text of a dotenv file beside this one (`.flaskenv` next to a `.env`), if there is one. */
  sibling(name: string): string | undefined;
  /** A project Python file (its shown path) whose text holds `word`, if any. */
  codeMentioning(word: string): string | undefined;
  /** Proposes edits that land together or not at all. */
  fix(message: string, edits: Edit[]): void;
  /** A warning that changes nothing, on the entry's line. */
  report(at: DotenvEntry, message: string): void;
}

export interface DotenvRule extends RuleMeta {
  /** Tells dotenv rules from Python and template rules wherever they are listed together. */
  readonly dotenv: true;
  run(ctx: DotenvContext): void;
}

export function defineDotenvRule(rule: Omit<DotenvRule, "dotenv">): DotenvRule {
  if (!/^dotenv\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) {
    throw new Error(`dotenv rule id "${rule.id}" must look like dotenv/kebab-case-name`);
  }
  if (rule.needles.length === 0) throw new Error(`rule ${rule.id} declares no needles`);
  return { ...rule, dotenv: true };
}

/** The names Flask's load_dotenv() reads, in every folder from the working directory up. */
export const DOTENV_NAMES: ReadonlySet<string> = new Set([".env", ".flaskenv"]);
