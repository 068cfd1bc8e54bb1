// django/forms-default-templates: Django 4.1 deprecated the templates "django/forms/default.html" and
// "django/forms/formsets/default.html" (removed in 5.0). Each only included the table template of
// the same folder, so naming "django/forms/table.html" / "django/forms/formsets/table.html" renders
// the same markup. Plain string literals with exactly these values, in files that import from
// Django, are rewritten; a project that ships its own "django/forms/default.html" overrides Django's
// proxy and should keep its path, which the description says.
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { plainString, replaceStringContent } from "../../src/engine/helpers/settings-literals.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const RENAMES: Record<string, string> = {
  "django/forms/default.html": "django/forms/table.html",
  "django/forms/formsets/default.html": "django/forms/formsets/table.html",
};

export default defineRule({
  id: "django/forms-default-templates",
  framework: "django",
  since: "4.1",
  summary: '"django/forms/default.html" / "django/forms/formsets/default.html" become the table.html templates they included',
  description:
    "Django 4.1 deprecated the form templates `django/forms/default.html` and `django/forms/formsets/default.html` " +
    "(removed in 5.0); each only included `table.html` from its folder. In files that import from Django, a plain " +
    "string literal holding exactly one of the two paths (`template_name = \"django/forms/default.html\"`, " +
    "`form.render(\"django/forms/formsets/default.html\")`) gets the `table.html` path, quotes kept. A project that " +
    "overrides `django/forms/default.html` with a template of its own should skip this rule for those files.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
  needles: ["default.html"],
  precheck: (text) => text.includes("django/forms/"),
  create(ctx) {
    return {
      module() {
        if (!importsDjango(ctx.facts)) return;
        for (const [old, to] of Object.entries(RENAMES)) {
          let from = 0;
          for (;;) {
            const at = ctx.source.indexOf(old, from);
            if (at < 0) break;
            from = at + old.length;
            let node: Node | null = ctx.root.descendantForIndex(at, from);
            while (node && node.type !== "string" && node.type !== "module") node = node.parent;
            if (node?.type !== "string" || node.parent?.type === "concatenated_string" || plainString(node) !== old) continue;
            ctx.fix(`${old} → ${to}`, [replaceStringContent(node, to)]);
          }
        }
      },
    };
  },
});
