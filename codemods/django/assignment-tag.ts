// django/assignment-tag: Django 1.9 deprecated Library.assignment_tag (removed in 2.0): simple_tag
// gained the `{% tag ... as var %}` form and stores the same unescaped value, so every template
// that used the assignment tag keeps working with a simple tag.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const LIBRARY = new Set(["django.template.Library", "django.template.base.Library", "django.template.library.Library"]);

/** True when `name` is a module-level name bound once, to `Library()` from Django. */
function isLibrary(ctx: RuleContext, name: Node): boolean {
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.scope?.type !== "module" || resolution.bindings.length !== 1 || resolution.uncertain) return false;
  const binding = resolution.bindings[0]!.node;
  const assignment = binding.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding.id) return false;
  const value = assignment.childForFieldName("right");
  const callee = value?.type === "call" ? value.childForFieldName("function") : null;
  return callee !== null && LIBRARY.has(ctx.facts.qualifiedName(callee) ?? "");
}

export default defineRule({
  id: "django/assignment-tag",
  framework: "django",
  since: "1.9",
  summary: "register.assignment_tag becomes register.simple_tag",
  description:
    "Django 1.9 deprecated `Library.assignment_tag` (removed in 2.0): `simple_tag` supports `{% my_tag ... as var %}` and " +
    "stores the same value. `@register.assignment_tag`, `@register.assignment_tag(takes_context=True)` and " +
    "`register.assignment_tag(func)` become `simple_tag` when `register` is bound once at module level to " +
    "`template.Library()` (however imported). Other objects with an `assignment_tag` attribute are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.9/#features-deprecated-in-1-9",
  needles: ["assignment_tag"],
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("assignment_tag")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          if (object.type !== "identifier" || !isLibrary(ctx, object)) continue;
          ctx.fix("assignment_tag → simple_tag", [{ start: id.startIndex, end: id.endIndex, text: "simple_tag" }]);
        }
      },
    };
  },
});
