// django/field-get-placeholder: Django 6.1 deprecated Field.get_placeholder(), the hook custom model
// fields override to wrap the %s of a value in SQL, in favour of get_placeholder_sql(), which
// returns SQL and parameters. The new hook has another signature and return value, so overrides
// are pointed at.
import { isDjangoModelField } from "../../src/engine/helpers/django-names.js";
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/field-get-placeholder",
  framework: "django",
  since: "6.1",
  summary: "warns about get_placeholder() overrides in model fields (deprecated in Django 6.1)",
  description:
    "Django 6.1 deprecated the model field hook `get_placeholder(value, compiler, connection)` in favour of " +
    "`get_placeholder_sql()`, which returns the SQL and its parameters; Django 7.0 stops calling the old one. " +
    "`get_placeholder` methods of classes deriving from a Django model field are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1",
  needles: ["get_placeholder"],
  patterns: [
    {
      kind: "method-def",
      names: ["get_placeholder"],
      bases: isDjangoModelField,
      unless: ["get_placeholder_sql"],
      message: "Field.get_placeholder() is deprecated since Django 6.1 (removed in 7.0): implement get_placeholder_sql() instead, which returns the SQL and its parameters",
    },
  ],
});
