// django/assert-set-methods: Django 4.2 renamed two test-case assertions to spell "QuerySet" and
// "FormSet" like the classes they check; the old spellings went in Django 5.1. Calls on the
// method's own `self` are renamed, in test files only.
import { callOf } from "../../src/engine/helpers/calls.js";
import { definesFunction, isMethodSelf } from "../../src/engine/helpers/methods.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

/** `self.x = ...`, `self.x += ...`, `del self.x`, `for self.x in ...`: the attribute is set, not read. */
function isWritten(attribute: Node): boolean {
  let node = attribute;
  while (node.parent && ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression"].includes(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "delete_statement") return true;
  if (["assignment", "augmented_assignment", "for_statement", "for_in_clause"].includes(parent.type)) return parent.childForFieldName("left")?.id === node.id;
  return parent.type === "as_pattern_target" || parent.type === "named_expression";
}

const RENAMES: Record<string, string> = {
  assertQuerysetEqual: "assertQuerySetEqual",
  assertFormsetError: "assertFormSetError",
};

export default defineRule({
  id: "django/assert-set-methods",
  aliases: ["assert_set_methods"],
  framework: "django",
  since: "4.2",
  summary: "self.assertQuerysetEqual / self.assertFormsetError become assertQuerySetEqual / assertFormSetError",
  description:
    "Django 4.2 deprecated the test assertions `assertQuerysetEqual` and `assertFormsetError` in favour of " +
    "`assertQuerySetEqual` and `assertFormSetError`; Django 5.1 removed the old names. In test files, calls of the " +
    "old names on `self` are renamed (calls and other reads such as `check = self.assertQuerysetEqual`), where `self` really is the first parameter of a method written in a class " +
    "(not a staticmethod or classmethod, not rebound). Calls on other objects are left alone, and so is every call " +
    "of a name the file itself defines as a function or method (a project helper with the old spelling).",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: Object.keys(RENAMES),
  files: "tests",
  create(ctx) {
    return {
      module() {
        for (const [old, replacement] of Object.entries(RENAMES)) {
          const ids = ctx.facts.identifiers(old);
          if (ids.length === 0) continue;
          if (definesFunction(ctx.facts, old)) {
            ctx.report(ids[0]!, `${old} is defined in this file, so its calls were left alone; rename it to ${replacement} by hand if it is Django's`);
            continue;
          }
          for (const id of ids) {
            const attribute = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (!callOf(attribute) && isWritten(attribute)) continue;
            const object = attribute.childForFieldName("object");
            if (!object || object.type !== "identifier" || !isMethodSelf(ctx.facts, object)) continue;
            ctx.fix(`${old} → ${replacement}`, [{ start: id.startIndex, end: id.endIndex, text: replacement }]);
          }
        }
      },
    };
  },
});
