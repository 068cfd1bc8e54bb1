// django/values-list-flat-pk: Django 6.1 deprecated values_list(flat=True) without a field, which
// flattened the first field of the model. That field is the primary key in almost every model
// (Django puts the automatic id first), so the call names "pk" explicitly.
import { callArgs, callOf, insertArgument } from "../../src/engine/helpers/calls.js";
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";
import { quotedAt } from "../../src/engine/helpers/string-quotes.js";

export default defineRule({
  id: "django/values-list-flat-pk",
  framework: "django",
  since: "6.1",
  summary: 'values_list(flat=True) without a field becomes values_list("pk", flat=True)',
  description:
    "Django 6.1 deprecated `QuerySet.values_list(flat=True)` with no field name, which returned the model's first " +
    "field. That is the primary key unless a model declares another field before its own primary key, so " +
    "`.values_list(flat=True)` becomes `.values_list(\"pk\", flat=True)` in files that import from Django or on receivers " +
    "that go through `.objects`. Check models whose first declared field is not the primary key.",
  docs: "https://docs.djangoproject.com/en/dev/releases/6.1/#features-deprecated-in-6-1",
  needles: ["values_list"],
  precheck: (text) => /\bflat\s*=/.test(text),
  create(ctx) {
    return {
      module() {
        const django = importsDjango(ctx.facts);
        for (const id of ctx.facts.identifiers("values_list")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callOf(attribute);
          const args = call && callArgs(call);
          // The field goes in front of flat=True, so comments in the call stay where they are.
          if (!args || args.args.length !== 1) continue;
          if (args.keywords.get("flat")?.childForFieldName("value")?.type !== "true") continue;
          if (!django && !/\bobjects\b/.test(attribute.childForFieldName("object")!.text)) continue;
          const pk = quotedAt(call!, "pk");
          if (!pk) continue;
          ctx.fix('values_list(flat=True) → values_list("pk", flat=True)', insertArgument(ctx.source, args, 0, pk, ctx.newline));
        }
      },
    };
  },
});
