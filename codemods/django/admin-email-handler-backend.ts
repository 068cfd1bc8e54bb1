// django/admin-email-handler-backend: Django 6.1 deprecated AdminEmailHandler's email_backend
// argument (removed in 7.0) in favour of `using`, a mailer alias from the new mail providers
// setting; which alias stands for the old backend path is the project's choice.
import { findingRule } from "../../src/engine/helpers/findings.js";

const MESSAGE =
  "AdminEmailHandler(email_backend=...) is deprecated since Django 6.1 (removed in 7.0): configure the backend as a " +
  "mailer in the mail providers setting and pass its alias with using=";

export default findingRule({
  id: "django/admin-email-handler-backend",
  framework: "django",
  since: "6.1",
  summary: "warns about AdminEmailHandler's email_backend (deprecated in Django 6.1)",
  description:
    "Django 6.1 deprecated the `email_backend` argument of `django.utils.log.AdminEmailHandler` in favour of `using=`, " +
    "the alias of a configured mailer. Calls passing it, and `\"email_backend\"` keys in files that configure " +
    "AdminEmailHandler (the LOGGING dict), are reported.",
  docs: "https://docs.djangoproject.com/en/dev/releases/6.1/#features-deprecated-in-6-1",
  needles: ["email_backend"],
  precheck: (text) => text.includes("AdminEmailHandler"),
  patterns: [
    { kind: "keyword", keywords: ["email_backend"], callables: ["django.utils.log.AdminEmailHandler"], message: MESSAGE },
    { kind: "string", values: ["email_backend"], message: MESSAGE },
  ],
});
