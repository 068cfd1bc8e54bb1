// django/versioned-branches: `if django.VERSION >= (4, 1):` blocks whose outcome is settled by the
// target version (every supported release passes or fails the test) are replaced by the branch
// that runs. Only `if` / `if ... else` statements with a plain comparison of `django.VERSION`
// (from `import django`) against a tuple of one or two integers are touched.
import type { Edit } from "../../src/engine/edits.js";
import { dedentBlock, djangoVersionCheck, hasMultilineString } from "../../src/engine/helpers/versioned-code.js";
import { removeStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

/** The `if` statement whose condition is exactly `expression` (parentheses allowed), if any. */
function ifOf(expression: Node): Node | undefined {
  let node: Node = expression;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (parent?.type !== "if_statement" || parent.childForFieldName("condition")?.id !== node.id) return undefined;
  return parent;
}

export default defineRule({
  id: "django/versioned-branches",
  aliases: ["versioned_branches"],
  framework: "django",
  since: "1.7",
  summary: "if django.VERSION checks settled by the target version keep only the branch that runs",
  description:
    "Code that supports several Django releases often branches on `django.VERSION`. Once the target version " +
    "settles such a test, the dead branch is removed: `if django.VERSION >= (X, Y):` (or `>`) keeps its body, " +
    "dedented, and drops its `else`; `<` / `<=` keep the `else` body, or remove the statement (leaving `pass` " +
    "when it was alone in its block). The comparison must be `django.VERSION` — with `django` really bound by " +
    "`import django` (an alias works) — against a tuple of one or two integers, as the whole condition of an " +
    "`if` with at most an `else`. Chains with `elif`, reversed comparisons, `and`/`or`, tests that a newer " +
    "release could still flip, and branches holding multi-line strings (whose text re-indenting would change) " +
    "are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/internals/release-process/#deprecation-policy",
  needles: ["VERSION"],
  precheck: (text) => /VERSION[\s\\]*[<>]/.test(text),
  create(ctx) {
    return {
      module() {
        const target = ctx.targets.django;
        if (!target) return;
        for (const id of ctx.facts.identifiers("VERSION")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const comparison = attribute.parent;
          if (comparison?.type !== "comparison_operator") continue;
          const statement = ifOf(comparison);
          if (!statement) continue;
          const condition = statement.childForFieldName("condition")!;
          const outcome = djangoVersionCheck(ctx.facts, ctx.source, condition, target);
          if (outcome === undefined) continue;
          const alternatives = statement.childrenForFieldName("alternative").filter((a): a is Node => a !== null);
          if (alternatives.some((a) => a.type !== "else_clause") || alternatives.length > 1) continue;
          const elseClause = alternatives[0];
          const kept = outcome ? statement.childForFieldName("consequence") : elseClause?.childForFieldName("body");
          let edits: Edit[];
          if (kept) {
            if (hasMultilineString(kept, ctx.source)) continue;
            const text = dedentBlock(ctx.source, kept, statement);
            if (text === undefined) continue;
            edits = [{ start: statement.startIndex, end: statement.endIndex, text }];
          } else if (!outcome && !elseClause) {
            edits = removeStatement(ctx.source, statement);
          } else continue;
          ctx.fix(`django.VERSION test settled by target ${target}: ${outcome ? "kept the if branch" : "kept the other branch"}`, edits);
        }
      },
    };
  },
});
