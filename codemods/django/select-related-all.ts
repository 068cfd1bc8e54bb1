// django/select-related-all: Django 6.1 deprecated select_related() without field names, which
// follows every non-null foreign key (a join per relation, often far more than a page needs), and
// with it ModelAdmin.list_select_related = True, which calls it. Which relations a query needs is
// a decision about the code that reads the rows, so both are pointed at.
import { MODEL_ADMINS } from "../../src/engine/helpers/django-names.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/select-related-all",
  framework: "django",
  since: "6.1",
  summary: "warns about select_related() without field names and list_select_related = True (deprecated in Django 6.1)",
  description:
    "Django 6.1 deprecated calling `QuerySet.select_related()` with no arguments, which joins every non-null foreign key, " +
    "and the admin's `list_select_related = True`, which does the same for the change list; Django 7.0 removes both. " +
    "`.select_related()` calls without arguments in files that import from Django, and `list_select_related = True` in " +
    "ModelAdmin subclasses, are reported: name the relations the code reads (`select_related(\"author\", ...)`, " +
    "`list_select_related = (\"author\",)`), or leave `list_select_related` at `False`, which follows the relations " +
    "`list_display` shows.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1",
  needles: ["select_related"],
  patterns: [
    {
      kind: "method-call",
      names: ["select_related"],
      when: (call) => {
        const args = callArgs(call);
        return args !== undefined && args.args.length === 0;
      },
      message:
        "select_related() without field names is deprecated since Django 6.1 (removed in 7.0): name the relations to follow, select_related(\"author\", ...)",
    },
    {
      kind: "class-attribute",
      names: ["list_select_related"],
      bases: [...MODEL_ADMINS],
      when: (value) => value.type === "true",
      message:
        "list_select_related = True is deprecated since Django 6.1 (removed in 7.0): list the relations, list_select_related = (\"author\",), or drop it (False follows the relations list_display shows)",
    },
  ],
});
