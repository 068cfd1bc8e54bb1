import { isLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

export default settingsChanges({
  id: "django/use-l10n",
  aliases: ["use_l10n"],
  framework: "django",
  since: "4.0",
  summary: "USE_L10N = True is removed from settings files",
  description:
    "Django 4.0 made localized formatting the default and deprecated the `USE_L10N` setting; Django 5.0 removed it. " +
    "`USE_L10N = True` (annotated or not) is deleted at module level or in a module-level settings class that keeps other statements; " +
    "in a chained assignment (`USE_I18N = USE_L10N = True`) only the `USE_L10N` target goes. `False` or computed values " +
    "change behaviour when removed, so they are left for review.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0",
  settings: [
    {
      name: "USE_L10N",
      action: "remove",
      when: isLiteral("True"),
      review:
        "USE_L10N is deprecated and Django 5.0 ignores it (localized formatting is always on); " +
        "this value is not True, so removing it would change behaviour: review and delete it by hand",
    },
  ],
});
