// django/settings-keep-auto-field: Django 6.0 made BigAutoField the default of DEFAULT_AUTO_FIELD
// (3.2 added the setting and warned, W042, when it was missing). A project that never set it has
// 32-bit AutoField primary keys; without the setting, makemigrations would propose altering every
// one. The root settings module gets `DEFAULT_AUTO_FIELD = "django.db.models.AutoField"`.
import { mayAssignRootSettings, rootSettingsInsert } from "../../src/engine/helpers/root-settings.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.0/#default-auto-field-setting-now-defaults-to-bigautofield";

export default defineRule({
  id: "django/settings-keep-auto-field",
  framework: "django",
  since: "3.2",
  summary: 'DEFAULT_AUTO_FIELD = "django.db.models.AutoField" is added to a root settings module that never set it',
  description:
    "Django 3.2 added the `DEFAULT_AUTO_FIELD` setting (warning W042 when it is missing) and Django 6.0 changed its default " +
    "from `AutoField` to `BigAutoField`. A project that never set it has `AutoField` primary keys, and without the setting " +
    "`makemigrations` would alter every automatic primary key. `DEFAULT_AUTO_FIELD = \"django.db.models.AutoField\"` is " +
    "appended to a root settings module (one that assigns both `INSTALLED_APPS` and `ROOT_URLCONF` at module level, or the " +
    "one `manage.py`/`wsgi.py`/`asgi.py` names in `DJANGO_SETTINGS_MODULE`) when the file never mentions the setting and no " +
    "star-imported settings module sets it; apps that set `AppConfig.default_auto_field` are not affected. Moving to " +
    "`BigAutoField` is then a deliberate migration. Modules that only look like settings, or whose star imports cannot be " +
    "resolved, are reported.",
  docs: DOCS,
  needles: ["INSTALLED_APPS", "ROOT_URLCONF"],
  precheck: (text) => !text.includes("DEFAULT_AUTO_FIELD") && mayAssignRootSettings(text),
  files: (roles) => !roles.has("migrations"),
  create(ctx) {
    return {
      module() {
        const verdict = rootSettingsInsert(ctx, "DEFAULT_AUTO_FIELD", ['DEFAULT_AUTO_FIELD = "django.db.models.AutoField"'], []);
        if (verdict.kind === "insert") ctx.fix("DEFAULT_AUTO_FIELD = AutoField added (keeps the primary keys Django 6.0 would change)", [verdict.edit]);
        else if (verdict.kind === "report") {
          ctx.report(
            verdict.at,
            `DEFAULT_AUTO_FIELD is not set here and Django 6.0 changed its default from AutoField to BigAutoField: add ` +
              `DEFAULT_AUTO_FIELD = "django.db.models.AutoField" to the settings module Django loads to keep the primary keys ` +
              `as they are (left alone because ${verdict.reason}) (${DOCS})`,
          );
        }
      },
    };
  },
});
