import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/utils-encoding",
  aliases: ["utils_encoding"],
  framework: "django",
  since: "3.0",
  summary: "force_text / smart_text become force_str / smart_str",
  description:
    "Django 3.0 deprecated the `*_text` aliases in `django.utils.encoding` and Django 4.0 removed them. " +
    "Direct imports (aliases kept), uses of the imported names and module forms such as `encoding.force_text(...)` are rewritten.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0",
  moves: [
    { from: "django.utils.encoding.force_text", to: "django.utils.encoding.force_str" },
    { from: "django.utils.encoding.smart_text", to: "django.utils.encoding.smart_str" },
  ],
});
