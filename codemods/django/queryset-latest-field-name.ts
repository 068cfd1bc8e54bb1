// django/queryset-latest-field-name: Django 2.0 deprecated the field_name keyword of
// QuerySet.earliest() / latest() (removed in 3.0); the field names are positional.
// `.latest(field_name="d")` becomes `.latest("d")`, and `field_name=None` (the Meta default) goes.
import { callArgs, callOf, removeArgument } from "../../src/engine/helpers/calls.js";
import { isSurelyQuerySet } from "../../src/engine/helpers/querysets.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  id: "django/queryset-latest-field-name",
  framework: "django",
  since: "2.0",
  summary: "qs.earliest(field_name=x) / latest(field_name=x) become earliest(x) / latest(x)",
  description:
    "Django 2.0 made `QuerySet.earliest()` and `latest()` take field names positionally and deprecated the " +
    "`field_name` keyword (removed in 3.0). A call `.earliest(field_name=x)` or `.latest(field_name=x)` whose only " +
    "argument is that keyword becomes `.earliest(x)`; `field_name=None` is dropped. Only when the receiver surely is a QuerySet or manager " +
    "(`Entry.objects...`, `author.entry_set...`, `self.get_queryset()...`, or a name assigned once from one of " +
    "these): `feed.latest(field_name=...)` may be any object's method and is left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.0/#features-deprecated-in-2-0",
  needles: ["field_name"],
  precheck: (text) => /\b(?:earliest|latest)\s*\(/.test(text),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("field_name")) {
          const keyword = id.parent;
          if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
          const call = keyword.parent?.parent;
          if (call?.type !== "call") continue;
          const callee = call.childForFieldName("function");
          const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
          if (method !== "earliest" && method !== "latest") continue;
          if (!callOf(callee!)) continue;
          if (!isSurelyQuerySet(ctx.facts, callee!.childForFieldName("object"))) continue;
          const args = callArgs(call);
          if (!args || args.args.length !== 1) continue;
          const value = keyword.childForFieldName("value")!;
          // Only the keyword's own text changes, so comments in the call stay where they are; a
          // dropped `field_name=None` would leave its comma and comments behind.
          if (value.type === "none" && args.comments.length > 0) continue;
          // `field_name=None` goes with its trailing comma: `.latest()`.
          const edits = value.type === "none" ? removeArgument(ctx.source, args, keyword) : [{ start: keyword.startIndex, end: keyword.endIndex, text: value.text }];
          if (!edits) continue;
          ctx.fix(`${method}(field_name=...) → ${method}(...)`, edits);
        }
      },
    };
  },
});
