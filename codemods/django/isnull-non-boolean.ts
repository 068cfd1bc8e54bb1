// django/isnull-non-boolean: Django 3.1 deprecated non-boolean values for the __isnull lookup
// (an error from 4.0). A literal like `x__isnull=1` or `"True"` is reported: its truthiness decides
// nothing for sure (`"False"` is truthy), so the intended boolean is the user's to write.
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";
/** Literal values that are not booleans. */
const LITERALS = new Set(["integer", "float", "string", "none", "concatenated_string"]);

export default defineRule({
  id: "django/isnull-non-boolean",
  framework: "django",
  since: "3.1",
  kind: "finding",
  summary: "warns about __isnull lookups given a non-boolean literal (an error since Django 4.0)",
  description:
    "Django 3.1 deprecated non-boolean values for the `__isnull` lookup and Django 4.0 rejects them. A keyword " +
    "argument ending in `__isnull` whose value is a number, string or None literal, in a file that imports from Django, " +
    "is reported: write True or False (note that the string \"False\" was truthy).",
  docs: DOCS,
  needles: ["__isnull"],
  // A keyword `…__isnull=` whose value starts like a number, string or None literal.
  precheck: (text) => /\bdjango\b/.test(text) && /__isnull[\s\\]*=(?!=)(?:[\s\\]|#[^\n\r]*)*(?:[0-9.]|[rRbBuUfF]{0,2}["']|None\b)/.test(text),  create(ctx) {
    return {
      module() {
        if (!importsDjango(ctx.facts)) return;
        for (const arg of ctx.root.descendantsOfType("keyword_argument")) {
          const name = arg?.childForFieldName("name");
          const value = arg?.childForFieldName("value");
          if (!arg || !name || !value || !name.text.endsWith("__isnull")) continue;
          if (!LITERALS.has(value.type)) continue;
          ctx.report(arg, `${name.text}=${value.text} is not a boolean, which Django rejects since 4.0 (deprecated in 3.1): write ${name.text}=True or False; see ${DOCS}`);
        }
      },
    };
  },
});
