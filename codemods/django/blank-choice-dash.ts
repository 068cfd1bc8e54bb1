// django/blank-choice-dash: Django 6.1 deprecated BLANK_CHOICE_DASH, the list holding the blank
// choice ("", "---------"), in favour of BLANK_CHOICE_LABEL, a string: not a drop-in (a list vs a
// label), so uses are pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/blank-choice-dash",
  framework: "django",
  since: "6.1",
  summary: "warns about BLANK_CHOICE_DASH (deprecated in Django 6.1, removed in 7.0)",
  description:
    "Django 6.1 deprecated `django.db.models.fields.BLANK_CHOICE_DASH` (a list, `[(\"\", \"---------\")]`) in favour of " +
    "`BLANK_CHOICE_LABEL` (the label string); Django 7.0 removes it. Imports and attribute reads of it are reported: build " +
    "`[(\"\", BLANK_CHOICE_LABEL)]` where the list is needed.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1",
  needles: ["BLANK_CHOICE_DASH"],
  patterns: [
    {
      kind: "name",
      qualified: ["django.db.models.fields.BLANK_CHOICE_DASH", "django.db.models.BLANK_CHOICE_DASH"],
      message: "BLANK_CHOICE_DASH is deprecated since Django 6.1 (removed in 7.0): use [(\"\", BLANK_CHOICE_LABEL)] with BLANK_CHOICE_LABEL from django.db.models.fields",
    },
  ],
});
