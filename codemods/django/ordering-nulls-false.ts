// django/ordering-nulls-false: Django 4.1 deprecated passing False to nulls_first / nulls_last of
// Expression.asc() / desc() and OrderBy() (an error from 5.0); None, the new default, means the
// same thing (the database's own placement of NULLs). The `nulls_first=False` argument is dropped.
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";

const ORDER_BY = new Set(["django.db.models.OrderBy", "django.db.models.expressions.OrderBy"]);

export default defineRule({
  id: "django/ordering-nulls-false",
  framework: "django",
  since: "4.1",
  summary: "nulls_first=False / nulls_last=False in asc(), desc() and OrderBy() are dropped",
  description:
    "Django 4.1 deprecated `nulls_first=False` and `nulls_last=False` (Django 5.0 rejects them); the default `None` " +
    "keeps the database's placement of NULLs, which is what False meant. The keyword is removed from `.asc(...)` and " +
    "`.desc(...)` calls in files that import from Django, and from calls of Django's `OrderBy` (however imported). " +
    "`True`, variables and other callables are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
  needles: ["nulls_first", "nulls_last"],
  create(ctx) {
    return {
      module() {
        const django = importsDjango(ctx.facts);
        for (const word of ["nulls_first", "nulls_last"]) {
          for (const id of ctx.facts.identifiers(word)) {
            const keyword = id.parent;
            if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
            if (keyword.childForFieldName("value")?.type !== "false") continue;
            const call = keyword.parent?.parent;
            if (call?.type !== "call") continue;
            const callee = call.childForFieldName("function")!;
            const method = callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
            const isOrderBy = ORDER_BY.has(ctx.facts.qualifiedName(callee) ?? "");
            if (!isOrderBy && !(django && (method === "asc" || method === "desc"))) continue;
            const args = callArgs(call);
            const edits = args && removeArgument(ctx.source, args, keyword);
            if (edits) ctx.fix(`${word}=False dropped`, edits);
          }
        }
      },
    };
  },
});
