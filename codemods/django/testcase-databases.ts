// django/testcase-databases: Django 2.2 replaced the `multi_db` and `allow_database_queries`
// test-case attributes by `databases` (the old ones were removed in Django 3.1). Only literal
// True/False assignments written directly in a class body of a test file are rewritten.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

/** Old attribute → value of `databases` for True and for False. */
const REPLACEMENTS: Record<string, { true: string; false: string }> = {
  // TransactionTestCase: every database, or only the default one.
  multi_db: { true: '"__all__"', false: '["default"]' },
  // SimpleTestCase: every database, or none.
  allow_database_queries: { true: '"__all__"', false: "[]" },
};

interface Site {
  name: string;
  assignment: Node;
  value: "true" | "false";
}

/** `name = True|False` as a whole statement directly in a class body. */
function classAttribute(id: Node): Omit<Site, "name"> | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  if (assignment.childForFieldName("type")) return undefined;
  const value = assignment.childForFieldName("right");
  if (value?.type !== "true" && value?.type !== "false") return undefined;
  const statement = assignment.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  if (statement.parent?.type !== "block" || statement.parent.parent?.type !== "class_definition") return undefined;
  return { assignment, value: value.type };
}

/** `name = <anything>` (or annotated) as a statement directly in a class body. */
function inClassBody(id: Node): boolean {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return false;
  const statement = assignment.parent;
  return statement?.type === "expression_statement" && statement.parent?.type === "block" && statement.parent.parent?.type === "class_definition";
}

/** True when the class body already assigns `databases` directly. */
function assignsDatabases(block: Node): boolean {
  return block.namedChildren.some((statement) => {
    const assignment = statement?.type === "expression_statement" ? statement.namedChild(0) : null;
    let target = assignment?.type === "assignment" ? assignment : null;
    while (target) {
      if (target.childForFieldName("left")?.text === "databases") return true;
      const right = target.childForFieldName("right");
      target = right?.type === "assignment" ? right : null;
    }
    return false;
  });
}

export default defineRule({
  id: "django/testcase-databases",
  aliases: ["testcase_databases"],
  framework: "django",
  since: "2.2",
  summary: "multi_db / allow_database_queries on test cases become databases",
  description:
    "Django 2.2 replaced the `multi_db` (TransactionTestCase) and `allow_database_queries` (SimpleTestCase) " +
    "attributes by `databases`; Django 3.1 removed them. In test files, `multi_db = True` and " +
    "`allow_database_queries = True` become `databases = \"__all__\"`, `multi_db = False` becomes " +
    "`databases = [\"default\"]` and `allow_database_queries = False` becomes `databases = []`. " +
    "Only literal `True`/`False` values written directly in a class body are rewritten; a class that already " +
    "sets `databases`, sets both old attributes, or gives them a computed value, is reported instead.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2",
  needles: Object.keys(REPLACEMENTS),
  files: "tests",
  create(ctx) {
    return {
      module() {
        const byClass = new Map<number, { block: Node; sites: Site[] }>();
        for (const name of Object.keys(REPLACEMENTS)) {
          for (const id of ctx.facts.identifiers(name)) {
            const found = classAttribute(id);
            if (!found) {
              if (inClassBody(id)) ctx.report(id, `${name} was removed in Django 3.1 and is ignored since: set databases by hand`);
              continue;
            }
            const block = found.assignment.parent!.parent!;
            const entry = byClass.get(block.id) ?? { block, sites: [] };
            entry.sites.push({ name, ...found });
            byClass.set(block.id, entry);
          }
        }
        for (const { block, sites } of byClass.values()) {
          if (assignsDatabases(block)) {
            ctx.report(sites[0]!.assignment, `${sites[0]!.name} was removed in Django 3.1 and this class already sets databases: delete it by hand`);
            continue;
          }
          if (sites.length > 1) {
            ctx.report(sites[0]!.assignment, "multi_db / allow_database_queries were removed in Django 3.1; this class sets them more than once: replace them by one databases = ... by hand");
            continue;
          }
          const { name, assignment, value } = sites[0]!;
          const databases = REPLACEMENTS[name]![value];
          ctx.fix(`${name} = ${value === "true" ? "True" : "False"} → databases = ${databases}`, [
            { start: assignment.startIndex, end: assignment.endIndex, text: `databases = ${databases}` },
          ]);
        }
      },
    };
  },
});
