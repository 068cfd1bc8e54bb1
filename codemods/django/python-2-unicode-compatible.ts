// django/python-2-unicode-compatible: the @python_2_unicode_compatible class decorator (from
// django.utils.encoding or django.utils.six) only did something on Python 2; on Python 3 it
// returned the class untouched. Django 2.0 dropped Python 2 and 3.0 removed the decorator. The
// decorator lines go, and so does the import once nothing else uses it.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { removeDecoratorLines } from "../../src/engine/helpers/decorators.js";
import { ownsItsLines } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";
import { mayReachNames } from "../../src/engine/text-scan.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis";
const QUALIFIED = new Set(["django.utils.encoding.python_2_unicode_compatible", "django.utils.six.python_2_unicode_compatible"]);

/** The edit removing the decorator whose expression is `use`, or why it cannot be removed. */
function dropDecorator(ctx: RuleContext, use: Node): Edit | string {
  const decorator = use.parent;
  if (decorator?.type !== "decorator" || decorator.namedChild(0)?.id !== use.id) return `${lineOf(use)} uses it other than as a class decorator`;
  const decorated = decorator.parent;
  if (decorated?.type !== "decorated_definition" || decorated.childForFieldName("definition")?.type !== "class_definition") {
    return `${lineOf(use)} decorates something other than a class`;
  }
  if (!ownsItsLines(ctx.source, decorator)) return `the decorator on ${lineOf(use)} shares its line`;
  return removeDecoratorLines(ctx.source, decorator);
}

function planBinding(ctx: RuleContext, binding: ImportBinding): Edit[] | string {
  const exported = ctx.facts.exportedWhy(binding.name);
  if (exported) return exported;
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const edit = dropDecorator(ctx, ref);
    if (typeof edit === "string") return edit;
    edits.push(edit);
  }
  const entry = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
  if (!entry) return "comments inside its import make the rewrite ambiguous";
  return [...edits, ...entry];
}

export default defineRule({
  id: "django/python-2-unicode-compatible",
  framework: "django",
  since: "2.0",
  summary: "@python_2_unicode_compatible class decorators and their import are removed",
  description:
    "`python_2_unicode_compatible` (from `django.utils.encoding` or `django.utils.six`) made a class's `__str__` work on " +
    "Python 2 and returned the class unchanged on Python 3. Django 2.0 supports only Python 3 and Django 3.0 removed the " +
    "decorator. When every use of the imported name is a class decorator on a line of its own, those lines and the import " +
    "entry are deleted together; module forms (`@encoding.python_2_unicode_compatible`) lose their decorator line and keep " +
    "the module import. Any other use (a call, an alias listed in `__all__`) leaves the file as it is, reported.",
  docs: DOCS,
  needles: ["python_2_unicode_compatible"],
  // six's decorator of the same name is not Django's.
  precheck: mayReachNames([...QUALIFIED]),
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || !QUALIFIED.has(binding.qualified)) continue;
          const plan = planBinding(ctx, binding);
          if (typeof plan === "string") {
            ctx.report(binding.entry, `python_2_unicode_compatible was removed in Django 3.0 and does nothing on Python 3: delete it; left alone because ${plan} (${DOCS})`);
          } else ctx.fix("@python_2_unicode_compatible removed", plan);
        }
        for (const id of ctx.facts.identifiers("python_2_unicode_compatible")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          if (!QUALIFIED.has(ctx.facts.qualifiedName(attribute) ?? "")) continue;
          const edit = dropDecorator(ctx, attribute);
          if (typeof edit === "string") ctx.report(attribute, `python_2_unicode_compatible was removed in Django 3.0 and does nothing on Python 3: delete it; left alone because ${edit} (${DOCS})`);
          else ctx.fix("@python_2_unicode_compatible removed", [edit]);
        }
      },
    };
  },
});
