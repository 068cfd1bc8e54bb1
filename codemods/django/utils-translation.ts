import { nameMoves } from "../../src/engine/helpers/name-moves.js";

const T = "django.utils.translation";

export default nameMoves({
  id: "django/utils-translation",
  aliases: ["utils_translation"],
  framework: "django",
  since: "3.0",
  summary: "ugettext, ugettext_lazy, ugettext_noop, ungettext, ungettext_lazy lose their u prefix",
  description:
    "Django 3.0 deprecated the `u`-prefixed translation functions (Python 2 leftovers) and Django 4.0 removed them. " +
    "Imports are renamed with their aliases kept (`ugettext_lazy as _` becomes `gettext_lazy as _`), as are uses and `translation.ugettext(...)` module forms.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0",
  moves: [
    { from: `${T}.ugettext`, to: `${T}.gettext` },
    { from: `${T}.ugettext_lazy`, to: `${T}.gettext_lazy` },
    { from: `${T}.ugettext_noop`, to: `${T}.gettext_noop` },
    { from: `${T}.ungettext`, to: `${T}.ngettext` },
    { from: `${T}.ungettext_lazy`, to: `${T}.ngettext_lazy` },
  ],
});
