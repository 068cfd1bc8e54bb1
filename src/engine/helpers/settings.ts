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
}

export interface SettingsRule extends Omit<RuleMeta, "needles" | "files"> {
  settings: SettingChange[];
  files?: RuleMeta["files"];
}

export const isLiteral = (text: string) => (value: Node) => value.text === text;

/** The `NAME = value` statement around `id`, when it is a plain, single-target settings assignment. */
export function settingAssignment(id: Node): { statement: Node; assignment: Node; value: Node } | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  const value = assignment.childForFieldName("right");
  if (!value || value.type === "assignment" || assignment.childForFieldName("type")) return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const holder = statement.parent;
  if (holder?.type === "module") return { statement, assignment, value };
  // A settings class (`class Prod(Base): USE_L10N = True`) directly at module level.
  const cls = holder?.type === "block" ? holder.parent : null;
  if (cls?.type === "class_definition" && cls.parent?.type === "module") return { statement, assignment, value };
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
              if (!found || (change.when && !change.when(found.value))) continue;
              if (change.action === "remove") {
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
