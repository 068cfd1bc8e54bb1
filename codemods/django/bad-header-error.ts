// django/bad-header-error: Django 6.0 deprecated django.core.mail.BadHeaderError (removal in 7.0);
// in 6.0 it is a plain alias of ValueError (django/core/mail/message.py), so every use becomes
// ValueError. django.http.BadHeaderError is a different, not deprecated class and stays.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";

const DOCS = "https://docs.djangoproject.com/en/dev/releases/6.0/#features-deprecated-in-6-0";

export default callReplacements({
  id: "django/bad-header-error",
  framework: "django",
  since: "6.0",
  summary: "BadHeaderError from django.core.mail becomes ValueError",
  description:
    "Django 6.0 deprecated `django.core.mail.BadHeaderError` (and `django.core.mail.message.BadHeaderError`), which it made " +
    "an alias of `ValueError`. Every use of the imported name (`except BadHeaderError:`, `raise BadHeaderError(...)`) and of " +
    "`mail.BadHeaderError` becomes `ValueError`, and the import entry goes. `django.http.BadHeaderError`, a different class, is " +
    "not touched. Before 6.0 the mail exception was a subclass of ValueError, so the rule waits for a 6.0 target.",
  docs: DOCS,
  needles: ["BadHeaderError"],
  advice: `is an alias of ValueError since Django 6.0 and goes in 7.0: catch ValueError instead`,
  replacements: [
    { from: "django.core.mail.BadHeaderError", to: "builtins.ValueError" },
    { from: "django.core.mail.message.BadHeaderError", to: "builtins.ValueError" },
  ],
});
