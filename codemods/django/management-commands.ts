// django/management-commands: Django 3.2 made `requires_system_checks` on management commands a
// list of check tags (or "__all__"); booleans were deprecated and removed in Django 4.1.
import { defineRule } from "../../src/engine/rule.js";

const NAME = "requires_system_checks";

export default defineRule({
  id: "django/management-commands",
  aliases: ["management_commands"],
  framework: "django",
  since: "3.2",
  summary: 'requires_system_checks = True / False becomes "__all__" / []',
  description:
    "Since Django 3.2 `BaseCommand.requires_system_checks` lists the check tags to run before the command, " +
    'or is `"__all__"`; boolean values were deprecated and Django 4.1 removed them. In management command files ' +
    '(`management/commands/`), `requires_system_checks = True` written directly in a class body becomes `"__all__"` ' +
    "and `False` becomes `[]`. Other values and other places are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2",
  needles: [NAME],
  files: "commands",
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers(NAME)) {
          const assignment = id.parent;
          if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) continue;
          // `requires_system_checks: bool = True` would end up with a wrong annotation.
          if (assignment.childForFieldName("type")) continue;
          const value = assignment.childForFieldName("right");
          if (value?.type !== "true" && value?.type !== "false") continue;
          const statement = assignment.parent;
          if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) continue;
          if (statement.parent?.type !== "block" || statement.parent.parent?.type !== "class_definition") continue;
          const text = value.type === "true" ? '"__all__"' : "[]";
          ctx.fix(`${NAME} = ${value.text} → ${text}`, [{ start: value.startIndex, end: value.endIndex, text }]);
        }
      },
    };
  },
});
