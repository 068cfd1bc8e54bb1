// django/settings-admins-managers: Django 6.0 deprecated the (name, email) tuples of the ADMINS and
// MANAGERS settings; each entry should now be the email address alone.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { enclosingScope, parentScope, scopeKind } from "../../src/engine/scope.js";

/**
 * The value of `NAME = value` / `NAME: T = value` when `id` is its only target and the statement
 * runs at module level or in a module-level class body (inside `if` / `try` blocks too).
 */
function assignedValue(id: Node): Node | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  const value = assignment.childForFieldName("right");
  if (!value || value.type === "assignment") return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const scope = enclosingScope(id);
  const kind = scopeKind(scope);
  if (kind === "module") return value;
  if (kind === "class" && scopeKind(parentScope(scope) ?? scope) === "module") return value;
  return undefined;
}

const SETTINGS = ["ADMINS", "MANAGERS"];
const SEQUENCES = new Set(["list", "tuple", "expression_list"]);

/** The email element of each `(name, email)` item, or undefined unless every item has that shape. */
function emails(value: Node): { item: Node; email: Node }[] | undefined {
  if (!SEQUENCES.has(value.type)) return undefined;
  const out: { item: Node; email: Node }[] = [];
  for (const item of value.namedChildren) {
    if (!item || item.type === "comment") continue;
    if (item.type !== "tuple") return undefined;
    const parts = item.namedChildren.filter((c): c is Node => c !== null);
    if (parts.length !== 2 || parts.some((p) => p.type === "comment" || p.type === "list_splat" || p.type === "line_continuation")) {
      return undefined;
    }
    out.push({ item, email: parts[1]! });
  }
  return out.length > 0 ? out : undefined;
}

export default defineRule({
  id: "django/settings-admins-managers",
  aliases: ["settings_admins_managers"],
  framework: "django",
  since: "6.0",
  summary: "ADMINS / MANAGERS entries (name, email) become the email address alone",
  description:
    "Django 6.0 deprecated giving the `ADMINS` and `MANAGERS` settings as a list of `(name, email)` tuples; each " +
    "entry is now just the email address. In settings files, an assignment of one of these names to a list or " +
    "tuple literal whose every item is a two-element tuple (at module level or in a module-level class body, `if` / `try` blocks included) " +
    "gets each tuple replaced by its second element, written as it was. Mixed or already converted lists, tuples " +
    "of other lengths, comments inside the tuples, chained assignments and computed values are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0",
  needles: SETTINGS,
  files: "settings",
  create(ctx) {
    return {
      module() {
        for (const name of SETTINGS) {
          for (const id of ctx.facts.identifiers(name)) {
            const value = assignedValue(id);
            if (!value) continue;
            const items = emails(value);
            if (!items) continue;
            const edits: Edit[] = items.map(({ item, email }) => ({ start: item.startIndex, end: item.endIndex, text: email.text }));
            ctx.fix(`${name}: (name, email) tuples → email addresses`, edits);
          }
        }
      },
    };
  },
});
