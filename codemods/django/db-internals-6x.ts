// django/db-internals-6x: database internals Django 6.0 and 6.1 deprecated (removed in 7.0) that
// projects reach from their own aggregates, test runners and SQL compilers. Each replacement asks
// for a change of shape (an attribute instead of a mixin, a call of its own), so they are pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";
import { callArgs } from "../../src/engine/helpers/calls.js";

const V60 = "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0";
const V61 = "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1";

export default findingRule({
  id: "django/db-internals-6x",
  framework: "django",
  since: "6.0",
  summary: "warns about OrderableAggMixin, create_test_db(serialize=) and quote_name_unless_alias() (removed in Django 7.0)",
  description:
    "Django 6.0 deprecated `django.contrib.postgres.aggregates.mixins.OrderableAggMixin` (aggregates take " +
    "`order_by` themselves: set `allow_order_by = True` on an `Aggregate` subclass) and the `serialize` argument of " +
    "`create_test_db()` (call `serialize_db_to_string()` where the data is needed); Django 6.1 deprecated " +
    "`SQLCompiler.quote_name_unless_alias()` for `quote_name()`. Imports of the mixin, `create_test_db(..., serialize=...)` " +
    "calls and `quote_name_unless_alias(...)` calls in files that import from Django are reported.",
  docs: V60,
  needles: ["OrderableAggMixin", "create_test_db", "quote_name_unless_alias"],
  patterns: [
    {
      kind: "name",
      qualified: ["django.contrib.postgres.aggregates.mixins.OrderableAggMixin", "django.contrib.postgres.aggregates.OrderableAggMixin"],
      message: "OrderableAggMixin is deprecated since Django 6.0 (removed in 7.0): derive from Aggregate and set allow_order_by = True; order_by= then works as before",
    },
    {
      kind: "method-call",
      names: ["create_test_db"],
      when: (call) => callArgs(call)?.keywords.has("serialize") ?? false,
      message: "create_test_db(serialize=) is deprecated since Django 6.0 (removed in 7.0): drop the argument and call connection.creation.serialize_db_to_string() where the serialized data is needed",
    },
    {
      kind: "method-call",
      names: ["quote_name_unless_alias"],
      since: "6.1",
      docs: V61,
      message: "SQLCompiler.quote_name_unless_alias() is deprecated since Django 6.1 (removed in 7.0): call quote_name() instead",
    },
  ],
});
