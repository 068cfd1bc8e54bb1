import { isStringLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";

export default settingsChanges({
  id: "django/settings-default-hashing-algorithm",
  framework: "django",
  since: "3.1",
  summary: "DEFAULT_HASHING_ALGORITHM = \"sha256\" is removed from settings files",
  description:
    "`DEFAULT_HASHING_ALGORITHM` was a transitional setting of Django 3.1, removed in 4.0, where sha256 is always used. `\"sha256\"` is deleted. `\"sha1\"` is reported: deleting it changes session, password-reset and signing hashes, so it has to go once every deployed instance runs with sha256.",
  docs: DOCS,
  tidyBlankLines: true,
  settings: [
    {
      name: "DEFAULT_HASHING_ALGORITHM",
      action: "remove",
      when: isStringLiteral("sha256"),
      review: `DEFAULT_HASHING_ALGORITHM is a transitional setting removed in Django 4.0, which always uses sha256; this value is not "sha256", so deleting it changes session and signing hashes: switch every instance to "sha256" first, then delete the setting (${DOCS})`,
    },
  ],
});
