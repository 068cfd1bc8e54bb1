import { isLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

export default settingsChanges({
  id: "django/settings-forms-urlfield-assume-https",
  aliases: ["settings_forms_urlfield_assume_https"],
  framework: "django",
  since: "6.0",
  summary: "FORMS_URLFIELD_ASSUME_HTTPS = True is removed from settings files",
  description:
    "Django 5.0 added the transitional `FORMS_URLFIELD_ASSUME_HTTPS` setting to opt into `forms.URLField` assuming " +
    "`https` for scheme-less input; Django 6.0 made that the only behaviour and removed the setting. " +
    "`FORMS_URLFIELD_ASSUME_HTTPS = True` is deleted at module level or in a module-level settings class that keeps other " +
    "statements; any other value is reported, because the project relied on `http` and now needs " +
    "`URLField(assume_scheme=\"http\")` where that still matters.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  tidyBlankLines: true,
  settings: [
    {
      name: "FORMS_URLFIELD_ASSUME_HTTPS",
      action: "remove",
      when: isLiteral("True"),
      review:
        "FORMS_URLFIELD_ASSUME_HTTPS is gone in Django 6.0, where forms.URLField always assumes https; this value is not " +
        'True, so pass assume_scheme="http" to the URLFields that need http, then delete the setting',
    },
  ],
});
