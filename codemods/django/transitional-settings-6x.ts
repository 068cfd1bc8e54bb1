// django/transitional-settings-6x: settings Django 6.0 and 6.1 added only to ease a change, each
// deprecated on arrival and gone in 7.0. Setting one keeps the old behaviour for now; a person has
// to adopt the new one and then delete the setting.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/transitional-settings-6x",
  framework: "django",
  since: "6.0",
  summary: "warns about URLIZE_ASSUME_HTTPS, USE_BLANK_CHOICE_DASH and SIGNED_COOKIE_LEGACY_SALT_FALLBACK (transitional, removed in Django 7.0)",
  description:
    "Django 6.0 added `URLIZE_ASSUME_HTTPS` and Django 6.1 `USE_BLANK_CHOICE_DASH` and " +
    "`SIGNED_COOKIE_LEGACY_SALT_FALLBACK`, transitional settings that are deprecated from the start and removed in 7.0. " +
    "Their assignments in settings modules and `override_settings(...)` keywords are reported: adopt the new behaviour " +
    "(https links from `urlize`, the new blank choice label, the new signed-cookie salt) and delete the setting.",
  docs: "https://docs.djangoproject.com/en/stable/internals/deprecation/#deprecation-removed-in-7-0",
  needles: ["URLIZE_ASSUME_HTTPS", "USE_BLANK_CHOICE_DASH", "SIGNED_COOKIE_LEGACY_SALT_FALLBACK"],
  patterns: [
    {
      kind: "setting",
      names: ["URLIZE_ASSUME_HTTPS"],
      docs: "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0",
      message: "URLIZE_ASSUME_HTTPS is a transitional setting removed in Django 7.0: make sure urlize's https links suit the project, then delete it",
    },
    {
      kind: "setting",
      names: ["USE_BLANK_CHOICE_DASH", "SIGNED_COOKIE_LEGACY_SALT_FALLBACK"],
      since: "6.1",
      docs: "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1",
      message: "this transitional setting (Django 6.1) is removed in Django 7.0: adopt the new behaviour (the blank choice label / the new signed-cookie salt), then delete it",
    },
  ],
});
