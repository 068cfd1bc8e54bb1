// The "settings" kind of rule as data: module-level (or module-level class body) assignments in
// settings files, renamed or removed when their value has the expected shape.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { defineRule, lineOf, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { indentAt } from "../text.js";
import { ownsItsLines, removeStatement } from "./statements.js";

export interface SettingChange {
  /** The setting's name, e.g. `USE_L10N`. */
  name: string;
  action: "remove" | { rename: string };
  /** Only when the assigned value passes this check (e.g. the literal `True`). */
  when?: (value: Node) => boolean;
  /** Reported (nothing changed) where the setting is assigned a value that fails `when`. */
  review?: string;
  /**
   * A comment of one or two lines directly above a removed assignment (one blank line between
   * allowed) goes with it when a line of it matches: the `# https://.../#default-auto-field`
   * note Django's project template writes above the setting.
   */
  comment?: RegExp;
  /** Files where the removal is not made (another rule would read the setting's absence there). */
  keepIn?: (ctx: RuleContext) => boolean;
  /** The removal only tidies (the setting still works): when it cannot be made, nothing is reported. */
  tidyOnly?: boolean;
}

/**
 * Where the file reads the setting `name` besides assigning it (`EXTRA = FILE_CHARSET`), if anywhere:
 * deleting the assignment would leave that read without a value (a NameError at import).
 */
function readAt(ctx: RuleContext, name: string): Node | undefined {
  return ctx.facts.identifiers(name).find((id) => {
    const parent = id.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return false;
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return false;
    return settingAssignment(id) === undefined;
  });
}

/**
 * The first of `names` that another Python file of the project reads, and where ("app/views.py:12"),
 * when the project is known: app code reading a setting (`settings.X`, `getattr(settings, "X")`)
 * fails once a rule deletes or renames it. Ask only when about to make such a change (it reads the
 * project's files on the first question).
 */
export function readElsewhere(ctx: RuleContext, names: readonly string[]): { name: string; where: string } | undefined {
  for (const name of names) {
    const where = ctx.project?.readElsewhere?.(name);
    if (where) return { name, where };
  }
  return undefined;
}

export interface SettingsRule extends Omit<RuleMeta, "needles" | "files"> {
  settings: SettingChange[];
  /** Defaults to settings files. */
  files?: RuleMeta["files"];
  /** Only module-level assignments count, not those in a module-level class body. */
  moduleLevelOnly?: boolean;
  /**
   * A removal that leaves blank lines on both sides of the removed lines (or at the end of the
   * file) takes the extra blank lines with it. Off by default: the older rules' fixtures keep them.
   */
  tidyBlankLines?: boolean;
}

export const isLiteral = (text: string) => (value: Node) => value.text === text;

/**
 * A single plain string literal (any quotes, `r`/`u` prefixes, parentheses around it; no f-strings,
 * bytes, implicit concatenation or escape sequences), optionally with exactly the given value.
 */
export const isStringLiteral = (expected?: string) => (node: Node) => {
  let value: Node | null = node;
  while (value?.type === "parenthesized_expression" && value.namedChildCount === 1) value = value.namedChild(0);
  if (value?.type !== "string") return false;
  const start = value.children[0];
  if (!start || start.type !== "string_start" || !/^[rRuU]?("|'|"""|\'\'\')$/.test(start.text)) return false;
  const inner = value.children.slice(1, -1);
  if (inner.some((c) => !c || c.type !== "string_content" || c.namedChildCount > 0)) return false;
  const content = inner.map((c) => c!.text).join("");
  return expected === undefined || content === expected;
};

export interface SettingAssignment {
  /** The whole statement (`NAME = value`, `A = NAME = value`, `NAME: T = value`). */
  statement: Node;
  /** The assignment whose target is the setting's name. */
  assignment: Node;
  /** The value finally assigned (the last one of a chain). */
  value: Node;
  /** True when other names are assigned in the same statement (`USE_I18N = USE_L10N = True`). */
  chained: boolean;
}

/**
 * The assignment statement around `id` when `id` is a plain name target of it (chained and
 * annotated assignments included; tuple targets, attributes and subscripts not) and the statement
 * stands at module level or directly in a module-level class (`class Prod(Base): USE_L10N = True`).
 */
export function settingAssignment(id: Node): SettingAssignment | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  let value = assignment.childForFieldName("right");
  while (value?.type === "assignment") value = value.childForFieldName("right");
  if (!value) return undefined;
  let top = assignment;
  while (top.parent?.type === "assignment" && top.parent.childForFieldName("right")?.id === top.id) top = top.parent;
  const chained = top.id !== assignment.id || assignment.childForFieldName("right")!.type === "assignment";
  const statement = top.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const holder = statement.parent;
  const cls = holder?.type === "block" ? holder.parent : null;
  if (holder?.type === "module" || (cls?.type === "class_definition" && cls.parent?.type === "module")) {
    return { statement, assignment, value, chained };
  }
  return undefined;
}

export function settingsChanges(spec: SettingsRule): Rule {
  const { settings, moduleLevelOnly, tidyBlankLines, ...meta } = spec;
  const asksReaders = (meta.files ?? "settings") === "settings";
  return defineRule({
    files: "settings",
    ...meta,
    needles: settings.map((s) => s.name),
    create(ctx) {
      return {
        module() {
          for (const change of settings) {
            for (const id of ctx.facts.identifiers(change.name)) {
              const found = settingAssignment(id);
              if (!found || (moduleLevelOnly && found.statement.parent?.type !== "module")) continue;
              if (change.when && !change.when(found.value)) {
                if (change.review) ctx.report(id, change.review);
                continue;
              }
              // A settings module that another one star-imports (`from .base import *`) and reads
              // the setting from would get a NameError at import once the name is gone.
              const importer = ctx.facts.exportedWhy(change.name);
              // App code reading it (`settings.X`, `getattr(settings, "X")`) would fail once it is
              // gone: asked only now, when the change is about to be made (a scan of the project).
              // Only for settings modules: app code reads settings; a name such as an app package's
              // default_app_config (files: "init") is read by Django alone, and the scan costs a read
              // of the project's files.
              const readerOf = () => (asksReaders ? readElsewhere(ctx, [change.name])?.where : undefined);
              const keptFor = (reader: string) => `${reader} reads it, which fails once the setting is gone`;
              if (change.action === "remove") {
                if (change.keepIn?.(ctx)) continue;
                const read = readAt(ctx, change.name);
                if (read || importer) {
                  const why = read ? `${lineOf(read)} reads it` : importer!;
                  if (!change.tidyOnly) ctx.report(id, `${change.name} has no effect at this Django version and can go; it is left in place because ${why}: delete it together with that use; see ${meta.docs}`);
                  continue;
                }
                const block = found.statement.parent!;
                const statements = block.namedChildren.filter((c) => c && c.type !== "comment");
                // A class whose only statement is this one would be left as `pass`: not ours to decide.
                if (!found.chained && block.type === "block" && statements.length === 1) continue;
                const reader = readerOf();
                if (reader) {
                  if (!change.tidyOnly) ctx.report(id, `${change.name} has no effect at this Django version and can go; it is left in place because ${keptFor(reader)}: change that use first, then delete the setting; see ${meta.docs}`);
                  continue;
                }
                if (found.chained) {
                  // `USE_I18N = USE_L10N = True` → `USE_I18N = True`: only this target goes.
                  const right = found.assignment.childForFieldName("right")!;
                  ctx.fix(`${change.name} removed`, [{ start: id.startIndex, end: right.startIndex, text: "" }]);
                  continue;
                }
                ctx.fix(`${change.name} removed`, removeSetting(ctx.source, ctx.root, found.statement, change.comment, tidyBlankLines ?? false));
              } else {
                const to = change.action.rename;
                if (importer) {
                  ctx.report(id, `${change.name} is now spelled ${to}; it is left as written because ${importer}: rename it there too; see ${meta.docs}`);
                  continue;
                }
                // Keeping the old name beside the new one (`NEW = OLD = value`) is not safe in
                // general: Django rejects some old/new pairs set together. So the finding.
                const reader = readerOf();
                if (reader) {
                  ctx.report(id, `${change.name} is now spelled ${to}; it is left as written because ${keptFor(reader)}: rename it there too; see ${meta.docs}`);
                  continue;
                }
                ctx.fix(`${change.name} → ${to}`, [{ start: id.startIndex, end: id.endIndex, text: to }]);
              }
            }
          }
        },
      };
    },
  });
}

/** Start of the line before the one starting at `start`, and that line's text (without newline). */
function previousLine(source: string, start: number): { start: number; text: string } | undefined {
  if (start === 0) return undefined;
  let end = start;
  if (source[end - 1] === "\n") end--;
  if (source[end - 1] === "\r") end--;
  let begin = end;
  while (begin > 0 && source[begin - 1] !== "\n" && source[begin - 1] !== "\r") begin--;
  return { start: begin, text: source.slice(begin, end) };
}

const BLANK_LINES = /^(?:[ \t\f]*(?:\r\n|\r|\n))+/;
const isBlank = (line: string) => line.trim() === "";

/**
 * Removes a setting's statement like removeStatement; when it had its lines to itself, a matching
 * comment above goes too (see SettingChange.comment) and, with `tidy`, the removal does not leave
 * two runs of blank lines side by side or blank lines at the end of the file.
 */
function removeSetting(source: string, root: Node, statement: Node, comment: RegExp | undefined, tidy: boolean): Edit[] {
  const edits = removeStatement(source, statement);
  const [edit] = edits;
  if (edits.length !== 1 || !edit || edit.text !== "" || !ownsItsLines(source, statement)) return edits;
  let { start, end } = edit;
  if (comment) start = commentAbove(source, root, start, indentAt(source, statement.startIndex), comment) ?? start;
  const before = previousLine(source, start);
  if (tidy && (!before || isBlank(before.text))) {
    const blanks = BLANK_LINES.exec(source.slice(end));
    if (blanks) end += blanks[0].length;
    else if (end === source.length) {
      for (let line = before; line && isBlank(line.text); line = previousLine(source, line.start)) start = line.start;
    }
  }
  return [{ start, end, text: "" }];
}

/** Where a one- or two-line comment above `start` (at `indent`, matching `pattern`) begins. */
function commentAbove(source: string, root: Node, start: number, indent: string, pattern: RegExp): number | undefined {
  let line = previousLine(source, start);
  if (line && isBlank(line.text)) line = previousLine(source, line.start);
  const lines: { start: number; text: string }[] = [];
  while (line && line.text.startsWith(`${indent}#`) && root.descendantForIndex(line.start + indent.length)?.type === "comment") {
    lines.push(line);
    line = previousLine(source, line.start);
  }
  if (lines.length === 0 || lines.length > 2 || !lines.some((l) => pattern.test(l.text))) return undefined;
  return lines[lines.length - 1]!.start;
}
