// django/mail-api-kwargs: Django 6.0 deprecated passing the optional arguments of the mail
// functions and of EmailMessage / EmailMultiAlternatives by position. Extra positional arguments
// get their parameter name written in front of them (`True` → `fail_silently=True`).
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";

/** Per API: how many arguments stay positional, then the names of the ones after them, in order. */
const APIS: Record<string, { kept: number; names: string[]; otherKeywords: boolean }> = {
  get_connection: { kept: 1, names: ["fail_silently"], otherKeywords: true },
  mail_admins: { kept: 2, names: ["fail_silently", "connection", "html_message"], otherKeywords: false },
  mail_managers: { kept: 2, names: ["fail_silently", "connection", "html_message"], otherKeywords: false },
  send_mail: { kept: 4, names: ["fail_silently", "auth_user", "auth_password", "connection", "html_message"], otherKeywords: false },
  send_mass_mail: { kept: 1, names: ["fail_silently", "auth_user", "auth_password", "connection"], otherKeywords: false },
  EmailMessage: { kept: 4, names: ["bcc", "connection", "attachments", "headers", "cc", "reply_to"], otherKeywords: false },
  EmailMultiAlternatives: {
    kept: 4, names: ["bcc", "connection", "attachments", "headers", "alternatives", "cc", "reply_to"], otherKeywords: false,
  },
};
const QUALIFIED = new Map<string, string>();
for (const name of Object.keys(APIS)) QUALIFIED.set(`django.core.mail.${name}`, name);
for (const name of ["EmailMessage", "EmailMultiAlternatives"]) QUALIFIED.set(`django.core.mail.message.${name}`, name);

export default defineRule({
  id: "django/mail-api-kwargs",
  aliases: ["mail_api_kwargs"],
  framework: "django",
  since: "6.0",
  summary: "Optional arguments of the mail APIs passed by position become keyword arguments",
  description:
    "Django 6.0 deprecated passing optional arguments by position to `send_mail()`, `send_mass_mail()`, " +
    "`mail_admins()`, `mail_managers()`, `get_connection()`, `EmailMessage` and `EmailMultiAlternatives`. Positional " +
    "arguments after the ones that stay positional (1 for `get_connection` and `send_mass_mail`, 2 for " +
    "`mail_admins` / `mail_managers`, 4 for the others) get their parameter name, e.g. `fail_silently=True`. " +
    "The callable may be imported from `django.core.mail` (the classes also from `django.core.mail.message`) " +
    "directly, under an alias or through the module. Calls with `*args` / `**kwargs`, more arguments than the " +
    "API takes, a keyword that would be given twice, or a keyword the API does not take are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0",
  needles: Object.keys(APIS),
  precheck: (text) => /\bcore\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, QUALIFIED.keys())) {
          const api = APIS[QUALIFIED.get(found.qualified)!]!;
          const args = callArgs(found.call);
          if (!args || args.listSplat || args.dictSplat) continue;
          const extra = args.positional.slice(api.kept);
          if (extra.length === 0) continue;
          if (extra.length > api.names.length || extra.some((arg) => arg.type === "named_expression")) continue;
          const converted = api.names.slice(0, extra.length);
          if (converted.some((name) => args.keywords.has(name))) continue;
          if (!api.otherKeywords && [...args.keywords.keys()].some((name) => !api.names.includes(name))) continue;
          const edits: Edit[] = extra.map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${converted[i]}=` }));
          ctx.fix(`${QUALIFIED.get(found.qualified)}: optional arguments passed by keyword`, edits);
        }
      },
    };
  },
});
