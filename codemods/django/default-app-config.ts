import { isStringLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

export default settingsChanges({
  id: "django/default-app-config",
  aliases: ["default_app_config"],
  framework: "django",
  since: "3.2",
  summary: "default_app_config is removed from app packages' __init__.py",
  description:
    "Since Django 3.2 an app's `AppConfig` is found automatically in its `apps.py`, so the module-level " +
    "`default_app_config = \"...\"` of an app's `__init__.py` is deprecated (Django 4.1 ignores it). The assignment is " +
    "deleted when its value is a plain string literal; computed values and assignments inside classes, functions or " +
    "`if` blocks stay. When `apps.py` defines several `AppConfig` classes, mark the intended one with `default = True`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2",
  files: "init",
  moduleLevelOnly: true,
  tidyBlankLines: true,
  settings: [
    {
      name: "default_app_config",
      action: "remove",
      when: isStringLiteral(),
      review:
        "default_app_config is deprecated (Django 4.1 ignores it) but its value is not a plain string: make sure apps.py " +
        "has one AppConfig (or marks the intended one with default = True), then delete it",
    },
  ],
});
