// django/settings-keep-use-tz: Django 5.0 turned USE_TZ on by default (deprecated in 4.0, which
// warns when the setting is missing). A project that never set it ran with naive datetimes; the
// root settings module gets `USE_TZ = False` so it keeps doing so until someone migrates on purpose.
import { mayAssignRootSettings, rootSettingsInsert } from "../../src/engine/helpers/root-settings.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#time-zone-support";

export default defineRule({
  id: "django/settings-keep-use-tz",
  framework: "django",
  since: "4.0",
  summary: "USE_TZ = False is added to a root settings module that never set USE_TZ (the default became True in 5.0)",
  description:
    "Django 4.0 deprecated relying on the default of `USE_TZ`, which Django 5.0 changed from `False` to `True`. A project " +
    "that never set it stores and compares naive datetimes, and would silently switch to aware ones. `USE_TZ = False` is " +
    "inserted (after `TIME_ZONE`, `USE_I18N` or `LANGUAGE_CODE` when present, else at the end) into a root settings module: " +
    "one that assigns both `INSTALLED_APPS` and `ROOT_URLCONF` at module level, or the one `manage.py`/`wsgi.py`/`asgi.py` " +
    "names in `DJANGO_SETTINGS_MODULE`. Nothing happens when `USE_TZ` appears anywhere in the file or a star-imported " +
    "settings module sets it. A module that sets `INSTALLED_APPS` or `ROOT_URLCONF` but is not known to be the root, or " +
    "whose star imports cannot be resolved, is reported instead.",
  docs: DOCS,
  needles: ["INSTALLED_APPS", "ROOT_URLCONF"],
  precheck: (text) => !text.includes("USE_TZ") && mayAssignRootSettings(text),
  files: (roles) => !roles.has("migrations"),
  create(ctx) {
    return {
      module() {
        const verdict = rootSettingsInsert(ctx, "USE_TZ", ["USE_TZ = False"], ["TIME_ZONE", "USE_I18N", "LANGUAGE_CODE"]);
        if (verdict.kind === "insert") ctx.fix("USE_TZ = False added (Django 5.0 changed the default to True)", [verdict.edit]);
        else if (verdict.kind === "report") {
          ctx.report(
            verdict.at,
            `USE_TZ is not set here and Django 5.0 changed its default from False to True: if this project relies on naive ` +
              `datetimes, add USE_TZ = False to the settings module Django loads (left alone because ${verdict.reason}) (${DOCS})`,
          );
        }
      },
    };
  },
});
