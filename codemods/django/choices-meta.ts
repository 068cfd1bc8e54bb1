import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/choices-meta",
  framework: "django",
  since: "5.0",
  summary: "django.db.models.enums.ChoicesMeta becomes ChoicesType",
  description:
    "Django 5.0 renamed the metaclass of `Choices`, `TextChoices` and `IntegerChoices` from `ChoicesMeta` to `ChoicesType` " +
    "and kept the old name as a deprecated alias (removed in 6.0). Imports from `django.db.models.enums` and uses " +
    "(`class MyMeta(ChoicesMeta)`, `enums.ChoicesMeta`) are renamed; aliases are kept.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  moves: [{ from: "django.db.models.enums.ChoicesMeta", to: "django.db.models.enums.ChoicesType" }],
});
