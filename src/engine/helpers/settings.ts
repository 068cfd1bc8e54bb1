// The "settings" kind of rule as data: module-level (or module-level class body) assignments in
// settings files, renamed or removed when their value has the expected shape.
import type { Node } from "../parser.js";
import { defineRule, type Rule, type RuleMeta } from "../rule.js";
import { removeStatement } from "./statements.js";

export interface SettingChange {
  /** The setting's name, e.g. `USE_L10N`. */
  name: string;
  action: "remove" | { rename: string };
  /** Only when the assigned value passes this check (e.g. the literal `True`). */
  when?: (value: Node) => boolean;
  /** Reported (nothing changed) where the setting is assigned a value that fails `when`. */
  review?: string;
}

export interface SettingsRule extends Omit<RuleMeta, "needles" | "files"> {
  settings: SettingChange[];
  files?: RuleMeta["files"];
}

export const isLiteral = (text: string) => (value: Node) => value.text === text;

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
  const { settings, ...meta } = spec;
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
              if (!found) continue;
              if (change.when && !change.when(found.value)) {
                if (change.review) ctx.report(id, change.review);
                continue;
              }
              if (change.action === "remove") {
                if (found.chained) {
                  // `USE_I18N = USE_L10N = True` → `USE_I18N = True`: only this target goes.
                  const right = found.assignment.childForFieldName("right")!;
                  ctx.fix(`${change.name} removed`, [{ start: id.startIndex, end: right.startIndex, text: "" }]);
                  continue;
                }
                const block = found.statement.parent!;
                const statements = block.namedChildren.filter((c) => c && c.type !== "comment");
                // A class whose only statement is this one would be left as `pass`: not ours to decide.
                if (block.type === "block" && statements.length === 1) continue;
                ctx.fix(`${change.name} removed`, removeStatement(ctx.source, found.statement));
              } else {
                const to = change.action.rename;
                ctx.fix(`${change.name} → ${to}`, [{ start: id.startIndex, end: id.endIndex, text: to }]);
              }
            }
          }
        },
      };
    },
  });
}
