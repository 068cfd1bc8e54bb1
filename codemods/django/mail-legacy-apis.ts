// django/mail-legacy-apis: Django 6.0 deprecated the legacy email helpers built on Python's old
// email API (SafeMIMEText, SafeMIMEMultipart, forbid_multi_line_headers, sanitize_address), removed
// in 7.0; the modern email.message API replaces them in ways a person has to choose.
import { findingRule } from "../../src/engine/helpers/findings.js";

const NAMES = ["SafeMIMEText", "SafeMIMEMultipart", "forbid_multi_line_headers", "sanitize_address"];

export default findingRule({
  id: "django/mail-legacy-apis",
  framework: "django",
  since: "6.0",
  summary: "warns about SafeMIMEText, SafeMIMEMultipart, forbid_multi_line_headers, sanitize_address (removed in 7.0)",
  description:
    "Django 6.0 moved `django.core.mail` to Python's modern email API and deprecated `SafeMIMEText`, " +
    "`SafeMIMEMultipart`, `forbid_multi_line_headers()` and `sanitize_address()`, to be removed in Django 7.0. " +
    "Imports and attribute uses from `django.core.mail` or `django.core.mail.message` are reported: build messages " +
    "with `email.message.EmailMessage` / `EmailMessage.message()` and let the policy check headers.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0",
  needles: NAMES,
  patterns: [
    {
      kind: "name",
      qualified: ["django.core.mail", "django.core.mail.message"].flatMap((m) => NAMES.map((n) => `${m}.${n}`)),
      message:
        "this legacy email helper is deprecated since Django 6.0 (removed in 7.0): use Python's email.message API " +
        "(EmailMessage.message() returns an email.message.EmailMessage)",
    },
  ],
});
