// django/forms-model-multiple-choice-field: Django 3.1 renamed the "list" error message key of
// ModelMultipleChoiceField to "invalid_list" (the old key stopped working in Django 4.0). Literal
// `error_messages={...}` dicts passed to the field get the new key; quoting is kept.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const QUALIFIED = ["django.forms.ModelMultipleChoiceField", "django.forms.models.ModelMultipleChoiceField"];

/** The content node of a plain, single-part string literal. */
function plainContent(node: Node | null | undefined): Node | undefined | null {
  if (node?.type !== "string") return undefined;
  const parts = node.namedChildren;
  if (parts.length === 2 && parts[0]?.type === "string_start" && parts[1]?.type === "string_end") return null;
  if (parts.length !== 3 || parts[1]?.type !== "string_content") return undefined;
  if (!/^[rRuU]?["']/.test(parts[0]!.text)) return undefined;
  return parts[1];
}

export default defineRule({
  id: "django/forms-model-multiple-choice-field",
  aliases: ["forms_model_multiple_choice_field"],
  framework: "django",
  since: "3.1",
  summary: 'ModelMultipleChoiceField(error_messages={"list": ...}) uses the key "invalid_list"',
  description:
    "Django 3.1 renamed the `list` error message of `ModelMultipleChoiceField` to `invalid_list`, and Django 4.0 " +
    "dropped the old key, so a custom message under `list` is silently ignored. In calls of the field (imported from " +
    "`django.forms` or `django.forms.models`, directly, aliased or through the module) with a literal " +
    "`error_messages={...}` dict, the `\"list\"` key becomes `\"invalid_list\"`, keeping its quotes. Dicts that already " +
    "have an `invalid_list` key, computed dicts and concatenated keys are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1",
  needles: ["ModelMultipleChoiceField"],
  precheck: (text) => text.includes("error_messages") && /list/.test(text),
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, QUALIFIED)) {
          const messages = callArgs(call)?.keywords.get("error_messages")?.childForFieldName("value");
          if (messages?.type !== "dictionary") continue;
          const keys: Node[] = [];
          let clash = false;
          for (const pair of messages.namedChildren) {
            if (pair?.type !== "pair") continue;
            const content = plainContent(pair.childForFieldName("key"));
            if (content?.text === "list") keys.push(content);
            if (content?.text === "invalid_list") clash = true;
          }
          if (keys.length === 0) continue;
          if (clash) {
            ctx.report(keys[0]!, 'the "list" error message is ignored since Django 4.0 but was left alone: "invalid_list" is given as well');
            continue;
          }
          ctx.fix('error_messages "list" → "invalid_list"', keys.map((k) => ({ start: k.startIndex, end: k.endIndex, text: "invalid_list" })));
        }
      },
    };
  },
});
