// django/admin-log-deletion: Django 5.1 deprecated ModelAdmin.log_deletion() and
// LogEntryManager.log_action() (removed in 6.0) in favour of log_deletions() and log_actions(),
// which take a queryset / a list of objects: overrides and calls have to be reworked by a person.
import { MODEL_ADMINS } from "../../src/engine/helpers/django-names.js";
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/admin-log-deletion",
  framework: "django",
  since: "5.1",
  summary: "warns about ModelAdmin.log_deletion() overrides and log_deletion()/log_action() calls (removed in Django 6.0)",
  description:
    "Django 5.1 deprecated `ModelAdmin.log_deletion()` and `LogEntryManager.log_action()` (removed in 6.0); their " +
    "replacements `log_deletions(request, queryset)` and `log_actions(user_id, queryset, action_flag, ...)` handle many " +
    "objects at once and take other arguments. `log_deletion` overrides in ModelAdmin subclasses, and `.log_deletion(...)` " +
    "/ `.log_action(...)` calls in files that import from Django, are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["log_deletion", "log_action"],
  patterns: [
    {
      kind: "method-def",
      names: ["log_deletion"],
      bases: [...MODEL_ADMINS],
      message: "ModelAdmin.log_deletion() is no longer called since Django 6.0 (deprecated in 5.1): override log_deletions(self, request, queryset) instead",
    },
    {
      kind: "method-call",
      names: ["log_deletion", "log_action"],
      message: "log_deletion()/log_action() were removed in Django 6.0 (deprecated in 5.1): call ModelAdmin.log_deletions(request, queryset) / LogEntry.objects.log_actions(user_id, queryset, action_flag, ...) instead",
    },
  ],
});
