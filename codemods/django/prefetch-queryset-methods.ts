// django/prefetch-queryset-methods: Django 5.0 deprecated get_prefetch_queryset() of related
// managers and descriptors, Prefetch.get_current_queryset() and get_joining_columns() (removed in
// 6.0). Their replacements take other arguments (a list of querysets; fields instead of columns),
// so calls are pointed at. Also the cx_Oracle driver, whose support ends in 6.0.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/prefetch-queryset-methods",
  framework: "django",
  since: "5.0",
  summary: "warns about get_prefetch_queryset(), get_current_queryset(), get_joining_columns() and cx_Oracle (removed in 6.0)",
  description:
    "Django 5.0 deprecated `get_prefetch_queryset()` (use `get_prefetch_querysets()`, which takes a list), " +
    "`Prefetch.get_current_queryset()` (use `get_current_querysets()`), `get_joining_columns()` and " +
    "`get_reverse_joining_columns()` (use `get_joining_fields()` / `get_reverse_joining_fields()`), and support for the " +
    "cx_Oracle driver (use oracledb); Django 6.0 removed them. Calls in files that import from Django, and imports of " +
    "cx_Oracle, are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  needles: ["get_prefetch_queryset", "get_current_queryset", "get_joining_columns", "get_reverse_joining_columns", "cx_Oracle"],
  patterns: [
    {
      kind: "method-call",
      names: ["get_prefetch_queryset"],
      message: "get_prefetch_queryset() was removed in Django 6.0: call get_prefetch_querysets(instances, querysets) with a list of querysets",
    },
    {
      kind: "method-call",
      names: ["get_current_queryset"],
      message: "Prefetch.get_current_queryset() was removed in Django 6.0: use get_current_querysets(level)",
    },
    {
      kind: "method-call",
      names: ["get_joining_columns", "get_reverse_joining_columns"],
      message: "get_joining_columns() / get_reverse_joining_columns() were removed in Django 6.0: use get_joining_fields() / get_reverse_joining_fields()",
    },
    { kind: "name", qualified: ["cx_Oracle"], message: "Django 6.0 dropped cx_Oracle: install oracledb, its successor" },
  ],
});
