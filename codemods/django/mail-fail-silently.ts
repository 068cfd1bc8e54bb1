// django/mail-fail-silently: Django 6.1 deprecated the `fail_silently` argument of the mail API;
// `fail_silently=False` is the default behaviour, so it can simply go.
import { callArgs, callOf, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const FUNCTIONS = ["send_mail", "send_mass_mail", "mail_admins", "mail_managers"].map((n) => `django.core.mail.${n}`);
const CLASSES = ["EmailMessage", "EmailMultiAlternatives"].flatMap((n) => [`django.core.mail.${n}`, `django.core.mail.message.${n}`]);
const FALSE_KEYWORD = /^fail_silently[\s\\]*=[\s\\]*False$/;

export default defineRule({
  id: "django/mail-fail-silently",
  aliases: ["mail_fail_silently"],
  framework: "django",
  since: "6.1",
  summary: "fail_silently=False is removed from mail function calls and EmailMessage(...).send()",
  description:
    "Django 6.1 deprecated the `fail_silently` argument of the mail API. Passing `fail_silently=False` only restates " +
    "the default, so the argument is removed from calls of `send_mail()`, `send_mass_mail()`, `mail_admins()` and " +
    "`mail_managers()` from `django.core.mail` (direct, aliased or module forms) and from `.send()` called directly " +
    "on a new `EmailMessage(...)` or `EmailMultiAlternatives(...)`. `fail_silently=True`, computed values and " +
    "`.send()` on a variable (whose class is unknown) are left alone.",
  docs: "https://docs.djangoproject.com/en/dev/releases/6.1/#features-deprecated-in-6-1",
  needles: ["fail_silently"],
  precheck: (text) => /fail_silently[\s\\]*=[\s\\]*False/.test(text),
  create(ctx) {
    const drop = (call: Node, what: string): void => {
      const args = callArgs(call);
      const keyword = args?.keywords.get("fail_silently");
      if (!args || !keyword || !FALSE_KEYWORD.test(keyword.text)) return;
      const edits = removeArgument(ctx.source, args, keyword);
      if (edits) ctx.fix(`${what}: fail_silently=False removed (the default)`, edits);
    };
    return {
      module() {
        for (const found of callsTo(ctx.facts, FUNCTIONS)) drop(found.call, found.callee.text);
        for (const found of callsTo(ctx.facts, CLASSES)) {
          const attribute = found.call.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== found.call.id) continue;
          if (attribute.childForFieldName("attribute")?.text !== "send") continue;
          const send = callOf(attribute);
          if (send) drop(send, `${found.callee.text}(...).send`);
        }
      },
    };
  },
});
