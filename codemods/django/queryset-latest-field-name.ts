// django/queryset-latest-field-name: Django 2.0 deprecated the field_name keyword of
// QuerySet.earliest() / latest() (removed in 3.0); the field names are positional.
// `.latest(field_name="d")` becomes `.latest("d")`, and `field_name=None` (the Meta default) goes.
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  id: "django/queryset-latest-field-name",
  framework: "django",
  since: "2.0",
  summary: "qs.earliest(field_name=x) / latest(field_name=x) become earliest(x) / latest(x)",
  description:
    "Django 2.0 made `QuerySet.earliest()` and `latest()` take field names positionally and deprecated the " +
    "`field_name` keyword (removed in 3.0). A call `.earliest(field_name=x)` or `.latest(field_name=x)` whose only " +
    "argument is that keyword becomes `.earliest(x)`; `field_name=None` is dropped. Only in files that import from " +
    "Django or when the receiver goes through `.objects`; other shapes are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.0/#features-deprecated-in-2-0",
  needles: ["field_name"],
  precheck: (text) => /\b(?:earliest|latest)\s*\(/.test(text),
  create(ctx) {
    return {
      module() {
        const django = importsDjango(ctx.facts);
        for (const id of ctx.facts.identifiers("field_name")) {
          const keyword = id.parent;
          if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
          const call = keyword.parent?.parent;
          if (call?.type !== "call") continue;
          const callee = call.childForFieldName("function");
          const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
          if (method !== "earliest" && method !== "latest") continue;
          if (!callOf(callee!)) continue;
          if (!django && !/\bobjects\b/.test(callee!.childForFieldName("object")!.text)) continue;
          const args = callArgs(call);
          if (!args || args.args.length !== 1 || args.comments.length > 0) continue;
          const value = keyword.childForFieldName("value")!;
          const text = value.type === "none" ? "" : value.text;
          ctx.fix(`${method}(field_name=...) → ${method}(...)`, [{ start: keyword.startIndex, end: keyword.endIndex, text }]);
        }
      },
    };
  },
});
