import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/utils-text",
  aliases: ["utils_text"],
  framework: "django",
  since: "3.0",
  summary: "unescape_entities becomes html.unescape",
  description:
    "Django 3.0 deprecated `django.utils.text.unescape_entities` in favour of the standard library's `html.unescape`; Django 4.0 removed it. " +
    "`import html` is added above the old import unless present, and only when the name `html` is free everywhere it would be used.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0",
  moves: [{ from: "django.utils.text.unescape_entities", to: "html.unescape", style: "attribute" }],
});
