// django/admin-decorators: Django 3.2 added the `@admin.display` and `@admin.action` decorators
// that set the attributes the admin reads from display functions and actions. Functions followed
// directly by `func.short_description = ...`-style assignments get the decorator instead; anything
// the rule cannot prove equivalent (unknown parameters, values that mention the function, an
// `admin` name that is not django.contrib's admin module) is left as it is.
import type { Edit } from "../../src/engine/edits.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { insertAbove, ownsItsLines, removeStatement } from "../../src/engine/helpers/statements.js";
import { lineEndWithNewline } from "../../src/engine/text.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const ADMIN: ReadonlySet<string> = new Set(["django.contrib.admin", "django.contrib.gis.admin"]);
/** Attribute → keyword, in the order of the decorators' signatures. */
const ACTION: [string, string][] = [["allowed_permissions", "permissions"], ["short_description", "description"]];
const DISPLAY: [string, string][] = [
  ["boolean", "boolean"], ["admin_order_field", "ordering"], ["short_description", "description"], ["empty_value_display", "empty_value"],
];
const ATTRIBUTES = ["short_description", "boolean", "admin_order_field", "empty_value_display", "allowed_permissions"];
const INDENT = "    ";

interface Setting {
  statement: Node;
  attribute: string;
  value: Node;
}

/** `name.attr = value` as a whole statement: its parts, or undefined. */
function attributeAssignment(statement: Node): { object: Node; attribute: string; value: Node } | undefined {
  if (statement.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const assignment = statement.namedChild(0);
  if (assignment?.type !== "assignment" || assignment.childForFieldName("type")) return undefined;
  const left = assignment.childForFieldName("left");
  const value = assignment.childForFieldName("right");
  if (left?.type !== "attribute" || !value || value.type === "assignment" || value.type === "yield") return undefined;
  const object = left.childForFieldName("object");
  const attribute = left.childForFieldName("attribute");
  if (object?.type !== "identifier" || !attribute) return undefined;
  return { object, attribute: attribute.text, value };
}

/** Positional parameter count, or undefined when there are splats or keyword-only parameters. */
function positionalCount(fn: Node): number | undefined {
  const parameters = fn.childForFieldName("parameters");
  if (!parameters) return undefined;
  let count = 0;
  for (const p of parameters.namedChildren) {
    if (!p || p.type === "comment" || p.type === "positional_separator") continue;
    if (["identifier", "default_parameter", "typed_parameter", "typed_default_parameter"].includes(p.type)) {
      if (p.type === "typed_parameter" && p.namedChildren.some((c) => c?.type === "list_splat_pattern" || c?.type === "dictionary_splat_pattern")) return undefined;
      count++;
    } else return undefined;
  }
  return count;
}

function mentions(value: Node, name: string): boolean {
  if (value.type === "identifier") return value.text === name;
  return value.descendantsOfType(["identifier", "named_expression", "await", "yield"]).some((n) => n !== null && (n.type !== "identifier" || n.text === name));
}

/** The value's text for a keyword on its own line, one level deeper than the statement. */
function valueText(ctx: RuleContext, value: Node, deeper: boolean): string | undefined {
  if (value.startPosition.row === value.endPosition.row || !deeper) return value.text;
  // Continuation lines move one level right; a string spanning lines would change.
  const strings = value.type === "string" ? [value] : value.descendantsOfType(["string"]).filter((s): s is Node => s !== null);
  if (strings.some((s) => s.startPosition.row !== s.endPosition.row)) return undefined;
  return value.text.replace(/\r\n|\r|\n/g, (nl) => nl + INDENT);
}

/**
 * Edits removing the chosen assignments. When they are the whole run after the function, with
 * nothing but blank lines around them, the blank lines before the run go too, so the spacing
 * after the function stays what it was after the run.
 */
function removeRun(source: string, outer: Node, settings: Setting[], chosen: Setting[]): Edit[] {
  const last = settings[settings.length - 1]!.statement;
  if (chosen.length === settings.length && settings.every((s) => ownsItsLines(source, s.statement) && !/#/.test(source.slice(s.statement.endIndex, lineEndWithNewline(source, s.statement.endIndex))))) {
    const start = lineEndWithNewline(source, outer.endIndex);
    const end = lineEndWithNewline(source, last.endIndex);
    let rest = source.slice(start, end);
    for (const s of [...settings].reverse()) {
      rest = rest.slice(0, s.statement.startIndex - start) + rest.slice(s.statement.endIndex - start);
    }
    if (rest.trim() === "" && start <= settings[0]!.statement.startIndex) return [{ start, end, text: "" }];
  }
  return chosen.flatMap((s) => removeStatement(source, s.statement));
}

function rewrite(ctx: RuleContext, fn: Node, settings: Setting[]): void {
  const name = fn.childForFieldName("name")!.text;
  const outer = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
  const block = outer.parent;
  if (!block) return;
  const inClass = block.type === "block" && block.parent?.type === "class_definition";
  if (block.type !== "module" && !inClass) return;
  if (outer.type === "decorated_definition") {
    for (const d of outer.namedChildren) {
      if (d?.type === "decorator" && /\b(?:display|action)\b/.test(d.text)) return;
    }
  }
  const count = positionalCount(fn);
  if (count === undefined) return;
  const kind = count === 3 ? "action" : count === (inClass ? 2 : 1) ? "display" : undefined;
  if (!kind) return;
  // `admin` must be django.contrib's admin module where the decorator runs, imported before the def.
  const site = attributeAssignment(settings[0]!.statement)!.object;
  if (!importedAt(ctx.facts, "admin", site, ADMIN)) return;
  const early = ctx.facts.imports.some(
    (b) => b.name === "admin" && ADMIN.has(b.qualified) && b.statement.endIndex <= outer.startIndex && b.scope.id === (inClass ? block.parent!.id : ctx.root.id),
  ) || ctx.facts.imports.some((b) => b.name === "admin" && ADMIN.has(b.qualified) && b.statement.endIndex <= outer.startIndex && b.scope.type === "module");
  if (!early) return;
  const table = kind === "action" ? ACTION : DISPLAY;
  const chosen = settings.filter((s) => table.some(([attr]) => attr === s.attribute));
  if (chosen.length === 0) return;
  const keywords: string[] = [];
  const deeper = chosen.length > 1;
  for (const [attr, keyword] of table) {
    const setting = chosen.find((s) => s.attribute === attr);
    if (!setting) continue;
    const text = valueText(ctx, setting.value, deeper);
    if (text === undefined) return;
    keywords.push(`${keyword}=${text}`);
  }
  const lines = deeper ? [`@admin.${kind}(`, ...keywords.map((k) => `${INDENT}${k},`), ")"] : [`@admin.${kind}(${keywords[0]})`];
  const edits: Edit[] = [insertAbove(ctx.source, outer, lines, ctx.newline)];
  edits.push(...removeRun(ctx.source, outer, settings, chosen));
  ctx.fix(`${name}.${chosen.map((s) => s.attribute).join("/")} → @admin.${kind}(...)`, edits);
}

export default defineRule({
  id: "django/admin-decorators",
  aliases: ["admin_decorators"],
  framework: "django",
  since: "3.2",
  style: true,
  summary: "func.short_description = ... after an admin function becomes @admin.display(...) / @admin.action(...)",
  description:
    "Django 3.2 added `@admin.display` and `@admin.action`, which set the attributes the admin reads from display " +
    "functions and actions. A function at module level or in a class body that is directly followed by assignments of " +
    "`short_description`, `boolean`, `admin_order_field` or `empty_value_display` (display functions: one positional " +
    "parameter, or two in a class) or of `short_description` / `allowed_permissions` (actions: three positional " +
    "parameters) gets the matching decorator with `description=`, `boolean=`, `ordering=`, `empty_value=` or " +
    "`permissions=`, and the assignments are removed. It needs `admin` imported from `django.contrib` (or " +
    "`django.contrib.gis`) before the function. Functions with `*args`, keyword-only parameters or an existing " +
    "display/action decorator, values that mention the function itself, and other attributes are left as they are.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.2/#django-contrib-admin",
  needles: ATTRIBUTES,
  precheck: (text) => /\badmin\b/.test(text) && /\.[ \t]*(?:short_description|boolean|admin_order_field|empty_value_display|allowed_permissions)[ \t]*=/.test(text),
  create(ctx) {
    return {
      module() {
        const done = new Set<number>();
        for (const word of ATTRIBUTES) {
          for (const id of ctx.facts.identifiers(word)) {
            const statement = id.parent?.parent?.parent;
            if (!statement || statement.type !== "expression_statement") continue;
            const first = attributeAssignment(statement);
            if (!first || first.attribute !== word) continue;
            // Walk back over the run of attribute assignments to the function they follow.
            let previous = statement.previousNamedSibling;
            while (previous && (previous.type === "comment" || attributeAssignment(previous)?.object.text === first.object.text)) {
              previous = previous.previousNamedSibling;
            }
            const fn = previous?.type === "decorated_definition" ? previous.childForFieldName("definition") : previous;
            if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.text !== first.object.text) continue;
            if (done.has(fn.id)) continue;
            done.add(fn.id);
            // The whole run after the function.
            const settings: Setting[] = [];
            let ok = true;
            for (let next = (previous as Node).nextNamedSibling; next; next = next.nextNamedSibling) {
              if (next.type === "comment") continue;
              const a = attributeAssignment(next);
              if (!a || a.object.text !== first.object.text) break;
              if (settings.some((s) => s.attribute === a.attribute) || mentions(a.value, first.object.text)) ok = false;
              settings.push({ statement: next, attribute: a.attribute, value: a.value });
            }
            if (ok) rewrite(ctx, fn, settings);
          }
        }
      },
    };
  },
});
