// django/admin-allow-tags: the admin's `allow_tags` attribute on list_display callables was
// deprecated in Django 1.9 and ignored from Django 2.0 on (format_html / mark_safe is the way to
// return HTML). `something.allow_tags = True` at module level or directly in a class body is
// dead code then, and is deleted — only in files that import the Django admin.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { removeStatement } from "../../src/engine/helpers/statements.js";
import { lineStart } from "../../src/engine/text.js";
import { defineRule } from "../../src/engine/rule.js";

const NAME = "allow_tags";
const ADMIN_MODULES = ["django.contrib.admin", "django.contrib.gis.admin"];

/** The statement `x.allow_tags = True` around the attribute name, when it stands at module level or directly in a class body. */
function deadStatement(id: Node): Node | undefined {
  const attribute = id.parent;
  if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) return undefined;
  const assignment = attribute.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== attribute.id) return undefined;
  if (assignment.childForFieldName("right")?.type !== "true" || assignment.childForFieldName("type")) return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const holder = statement.parent;
  if (holder?.type === "module") return statement;
  if (holder?.type === "block" && holder.parent?.type === "class_definition") return statement;
  return undefined;
}

/**
 * A deleted line that sat between a blank line and another blank line (or the end of the file)
 * takes the blank line above it along, so no double gap or trailing blank line is left behind.
 */
function withBlankLineAbove(source: string, edit: Edit): Edit {
  if (edit.text !== "" || edit.start === 0 || source[edit.start - 1] !== "\n") return edit;
  const newline = source[edit.start - 2] === "\r" ? edit.start - 2 : edit.start - 1;
  const previous = lineStart(source, newline);
  if (source.slice(previous, edit.start).trim() !== "") return edit;
  if (!/^[ \t\f]*(?:\r\n|\r|\n|$)/.test(source.slice(edit.end))) return edit;
  return { start: previous, end: edit.end, text: "" };
}

export default defineRule({
  id: "django/admin-allow-tags",
  aliases: ["admin_allow_tags"],
  framework: "django",
  since: "2.0",
  summary: "Deletes `x.allow_tags = True`, which the admin ignores since Django 2.0",
  description:
    "Django 1.9 deprecated the `allow_tags` attribute of admin `list_display` callables and Django 2.0 stopped " +
    "reading it; such callables should build their HTML with `format_html()` instead. In files that import the " +
    "Django admin (`django.contrib.admin` or `django.contrib.gis.admin`, in any form), statements " +
    "`something.allow_tags = True` at module level or directly in a class body are deleted (a statement that " +
    "was alone in its class body becomes `pass`). Other values, and assignments inside functions or `if` blocks, " +
    "are left alone. Check that the callable now returns safe HTML (`format_html`), or its output will be escaped.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.0/#features-removed-in-2-0",
  needles: [NAME],
  precheck: (text) => text.includes("admin") && /\ballow_tags\s*=\s*True\b/.test(text),
  create(ctx) {
    return {
      module() {
        const importsAdmin = ctx.facts.imports.some((b) =>
          ADMIN_MODULES.some((m) => [b.qualified, b.module].some((q) => q === m || q.startsWith(`${m}.`))),
        );
        if (!importsAdmin) return;
        const byBlock = new Map<number, Node[]>();
        for (const id of ctx.facts.identifiers(NAME)) {
          const statement = deadStatement(id);
          if (!statement) continue;
          const list = byBlock.get(statement.parent!.id) ?? [];
          list.push(statement);
          byBlock.set(statement.parent!.id, list);
        }
        for (const statements of byBlock.values()) {
          const block = statements[0]!.parent!;
          const others = block.namedChildren.filter((c) => c !== null && c.type !== "comment" && !statements.some((s) => s.id === c.id));
          const edits: Edit[] = [];
          for (const [index, statement] of statements.entries()) {
            // A class body must keep one statement: the last deleted one becomes `pass`.
            if (block.type === "block" && others.length === 0 && index === statements.length - 1) {
              edits.push({ start: statement.startIndex, end: statement.endIndex, text: "pass" });
            } else edits.push(...removeStatement(ctx.source, statement).map((e) => withBlankLineAbove(ctx.source, e)));
          }
          ctx.fix("allow_tags = True deleted (ignored since Django 2.0)", edits);
        }
      },
    };
  },
});
