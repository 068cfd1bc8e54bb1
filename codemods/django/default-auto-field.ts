import { isRootSettingsModule } from "../../src/engine/helpers/root-settings.js";
import { isStringLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

export default settingsChanges({
  id: "django/default-auto-field",
  aliases: ["default_auto_field"],
  framework: "django",
  since: "6.0",
  summary: 'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField" is removed from settings files',
  description:
    "Django 6.0 made `BigAutoField` the default of the `DEFAULT_AUTO_FIELD` setting, so setting it to that value is " +
    "redundant. The assignment is deleted when its value is exactly the string `\"django.db.models.BigAutoField\"` " +
    "(either quote style), at module level or in a module-level settings class that keeps other statements, together with " +
    "the comment Django's project template writes above it. Any other " +
    "value (notably `AutoField`, which keeps existing primary keys as they are) stays, as does `default_auto_field` " +
    "on `AppConfig` classes. A root settings module (one that assigns `INSTALLED_APPS` and `ROOT_URLCONF`) keeps the line: " +
    "without it, django/settings-keep-auto-field would restore the pre-6.0 `AutoField` default there. Nor is it deleted " +
    "from a file that reads the setting.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.0/#default-auto-field-setting-now-defaults-to-bigautofield",
  tidyBlankLines: true,
  settings: [
    {
      name: "DEFAULT_AUTO_FIELD",
      action: "remove",
      when: isStringLiteral("django.db.models.BigAutoField"),
      // The project template's "# https://docs.djangoproject.com/en/X.Y/ref/settings/#default-auto-field".
      comment: /default[-_]auto[-_]field/i,
      // django/settings-keep-auto-field gives a root settings module without the setting
      // `AutoField`, the pre-6.0 default: deleting BigAutoField there would turn into that.
      keepIn: isRootSettingsModule,
      tidyOnly: true,
    },
  ],
});
