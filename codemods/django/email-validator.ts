import { keywordRenames } from "../../src/engine/helpers/keyword-renames.js";

export default keywordRenames({
  id: "django/email-validator",
  aliases: ["email_validator"],
  framework: "django",
  since: "3.2",
  summary: "EmailValidator(whitelist=...) becomes EmailValidator(allowlist=...)",
  description:
    "Django 3.2 renamed the `whitelist` argument of `django.core.validators.EmailValidator` to `allowlist` and " +
    "Django 4.1 removed the old name. The keyword is renamed on calls that resolve to that class (direct imports, aliases, " +
    "`validators.EmailValidator`); calls that already pass `allowlist` or spread `**kwargs` are left alone. The " +
    "`domain_whitelist` attribute of subclasses is not rewritten.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2",
  callables: ["django.core.validators.EmailValidator"],
  renames: { whitelist: "allowlist" },
});
