// The shape of a rule: metadata plus create(ctx) returning visitors keyed by tree-sitter node
// type (ESLint's shape). Rules never do I/O; they read one file's text, tree and facts and hand
// back fixes (edits) and findings (warnings that change nothing).
import type { FileRole } from "../roles.js";
import type { Framework, Targets } from "../target.js";
import type { Edit } from "./edits.js";
import type { Facts } from "./facts.js";
import type { Node } from "./parser.js";
import type { ProjectModule } from "./project.js";

export type Visitor = (node: Node) => void;
/** `module` runs once per pass with the root node; other keys are node types. */
export type Visitors = { module?: Visitor } & Record<string, Visitor | undefined>;

export type FileFilter = "any" | FileRole | ((roles: ReadonlySet<FileRole>, filename: string) => boolean);

export interface RuleMeta {
  /** Stable, kebab-case, framework-prefixed: `django/utils-encoding`. */
  id: string;
  /** Other names accepted by --select/--ignore, e.g. the django-upgrade fixer name. */
  aliases?: string[];
  framework: Framework;
  /** The rule applies when the target version is at least this. */
  since: string;
  /**
   * A deprecation window: the rule applies only while the target is below this version. From it
   * on the new behaviour is established and code aimed at it may rely on it, so pinning the old
   * one would change such code (a stepwise upgrade leaves these rules out when its last step
   * reaches this version, to end where a direct run ends).
   */
  until?: string;
  summary: string;
  /** Longer description for the generated catalog. */
  description?: string;
  /** Link to the release note that deprecated what the rule rewrites. */
  docs?: string;
  /** Words of which at least one must appear in a file's text for the rule to run at all. */
  needles: string[];
  /**
   * Optional cheap check on the raw text, run after a needle matched: false means the rule has
   * nothing to do in this file, so it is skipped (and the file is not parsed if no rule is left).
   * It must never answer false for a file the rule would change.
   */
  precheck?: (text: string) => boolean;
  files?: FileFilter;
  /**
   * "fix" (the default): the rule rewrites code. "finding": it only reports what the user must
   * change by hand (a review row of the catalog) and never edits a file.
   */
  kind?: "fix" | "finding";
  /**
   * The rewrite is style (a newer spelling of code that still works), not a deprecation: when it
   * declines, the user has nothing to act on, so the rule's findings are dropped.
   */
  style?: true;
}

export function ruleKind(rule: RuleMeta): "fix" | "finding" {
  return rule.kind ?? "fix";
}

export interface Rule extends RuleMeta {
  create(ctx: RuleContext): Visitors;
}

export interface Finding {
  rule: string;
  /** 1-based, in the rewritten text (the file as a write leaves it). */
  line: number;
  column: number;
  message: string;
  /** Where the same place is in the text before this run's rewrite, when that differs. */
  original?: { line: number; column: number; message?: string };
}

export interface RuleContext {
  readonly ruleId: string;
  readonly source: string;
  readonly root: Node;
  readonly facts: Facts;
  readonly filename: string;
  readonly roles: ReadonlySet<FileRole>;
  readonly targets: Targets;
  /** The file's newline sequence, for inserted lines. */
  readonly newline: string;
  /**
   * The project's other modules, when the caller knows them: `module(".base")` is the module an
   * import of `.base` in this file names (in the file `from`, a project-relative path, when given).
   * `readElsewhere("FILE_CHARSET")`: where another Python file of the project reads the word
   * ("app/views.py:12"), if any. Read-only; undefined for one-file runs.
   */
  readonly project?: { module(spec: string, from?: string): ProjectModule | undefined; readElsewhere?(name: string): string | undefined };
  /** Proposes edits that land together or not at all. */
  fix(message: string, edits: Edit[]): void;
  /** A warning that changes nothing. */
  report(at: Node | number, message: string): void;
}

/**
 * "line N" for a message that names another place of the file. The number is filled in when the
 * finding is placed, so it counts in the same text as the finding's own line (the original text
 * with --diff/--check, the rewrite after a write), which a number worked out now would not.
 */
export function lineOf(at: Node | number): string {
  return `line \u0001${typeof at === "number" ? at : at.startIndex}\u0002`;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) {
    throw new Error(`rule id "${rule.id}" must look like framework/kebab-case-name`);
  }
  if (rule.needles.length === 0) throw new Error(`rule ${rule.id} declares no needles`);
  return rule;
}

export function ruleAppliesToFile(rule: RuleMeta, roles: ReadonlySet<FileRole>, filename: string): boolean {
  const files = rule.files ?? "any";
  if (files === "any") return true;
  if (typeof files === "function") return files(roles, filename);
  return roles.has(files);
}
