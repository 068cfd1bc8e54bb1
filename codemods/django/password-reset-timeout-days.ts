// django/password-reset-timeout-days: Django 3.1 replaced the PASSWORD_RESET_TIMEOUT_DAYS setting
// by PASSWORD_RESET_TIMEOUT, counted in seconds (the old one went in Django 4.0). Every assignment
// of the old setting in a settings file is rewritten, or none is: a read of the old name further
// down, or the new setting already present, would make a partial rename wrong.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { enclosingScope, scopeKind } from "../../src/engine/scope.js";

const OLD = "PASSWORD_RESET_TIMEOUT_DAYS";
const NEW = "PASSWORD_RESET_TIMEOUT";
/** Values that bind tighter than `*`: written after `60 * 60 * 24 * ` as they are. */
const TIGHT = new Set(["identifier", "attribute", "call", "integer", "float", "subscript", "parenthesized_expression"]);
/** Literals that cannot be a number of days: multiplying them would hide the mistake. */
const NOT_A_NUMBER = new Set([
  "string", "concatenated_string", "true", "false", "none", "list", "tuple", "dictionary", "set",
  "list_comprehension", "dictionary_comprehension", "set_comprehension", "generator_expression", "lambda",
]);

/** The value of `OLD = value` / `OLD: T = value` when `id` is its only target, in a module or class body. */
function assignedValue(id: Node): Node | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  const value = assignment.childForFieldName("right");
  // `A = OLD = 3` would leave A in days.
  if (!value || value.type === "assignment" || value.type === "yield" || NOT_A_NUMBER.has(value.type)) return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const kind = scopeKind(enclosingScope(id));
  return kind === "module" || kind === "class" ? value : undefined;
}

export default defineRule({
  id: "django/password-reset-timeout-days",
  aliases: ["password_reset_timeout_days"],
  framework: "django",
  since: "3.1",
  summary: "PASSWORD_RESET_TIMEOUT_DAYS = n becomes PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * n",
  description:
    "Django 3.1 deprecated the `PASSWORD_RESET_TIMEOUT_DAYS` setting in favour of `PASSWORD_RESET_TIMEOUT`, " +
    "in seconds; Django 4.0 removed it. In settings files, assignments to the old name at module level or in a " +
    "class body (inside `if`/`try` blocks too) are renamed and their value multiplied by `60 * 60 * 24`, " +
    "parenthesised unless it is a name, attribute, call, number, subscript or already in parentheses. " +
    "The file is left alone, with a finding, when it also reads the old name, assigns it some other way " +
    "(chained, augmented, unpacked, inside a function) or already mentions `PASSWORD_RESET_TIMEOUT`. " +
    "`settings.PASSWORD_RESET_TIMEOUT_DAYS` read elsewhere in the project is not rewritten.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1",
  needles: [OLD],
  files: "settings",
  create(ctx) {
    return {
      module() {
        const { occurrences } = ctx.facts.table(OLD);
        if (occurrences.length === 0) return;
        const sites: { id: Node; value: Node }[] = [];
        for (const occurrence of occurrences) {
          const value = assignedValue(occurrence.node);
          if (!value) {
            ctx.report(occurrence.node, `${OLD} is removed in Django 4.0 but was left alone in this file: this use of the name cannot be renamed safely; switch to ${NEW} (seconds) by hand`);
            return;
          }
          sites.push({ id: occurrence.node, value });
        }
        const existing = ctx.facts.table(NEW).occurrences[0];
        if (existing) {
          ctx.report(sites[0]!.id, `${OLD} is removed in Django 4.0 but was left alone: ${NEW} is already set here (Django refuses both); delete ${OLD} by hand`);
          return;
        }
        for (const { id, value } of sites) {
          const tight = TIGHT.has(value.type);
          const edits: Edit[] = [
            { start: id.startIndex, end: id.endIndex, text: NEW },
            { start: value.startIndex, end: value.startIndex, text: `60 * 60 * 24 * ${tight ? "" : "("}` },
          ];
          if (!tight) edits.push({ start: value.endIndex, end: value.endIndex, text: ")" });
          ctx.fix(`${OLD} → ${NEW} (in seconds)`, edits);
        }
      },
    };
  },
});
