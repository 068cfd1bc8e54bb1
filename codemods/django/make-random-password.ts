// django/make-random-password: Django 4.2 deprecated BaseUserManager.make_random_password()
// (removed in 5.1); the secrets module's recipes replace it, with a choice of alphabet to make.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/make-random-password",
  framework: "django",
  since: "4.2",
  summary: "warns about make_random_password() (removed in Django 5.1)",
  description:
    "Django 4.2 deprecated `BaseUserManager.make_random_password()`; Django 5.1 removed it. `.make_random_password(...)` " +
    "calls in files that import from Django are reported: generate the password with `secrets` (for example " +
    "`''.join(secrets.choice(alphabet) for _ in range(n))`) or `django.utils.crypto.get_random_string()`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: ["make_random_password"],
  patterns: [
    {
      kind: "method-call",
      names: ["make_random_password"],
      message: "make_random_password() was removed in Django 5.1: use django.utils.crypto.get_random_string(length, allowed_chars) or the secrets module",
    },
  ],
});
