import { settingsChanges } from "../../src/engine/helpers/settings.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import type { Node } from "../../src/engine/parser.js";

const isFalse = (value: Node) => unparenthesize(value).type === "false";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1";

export default settingsChanges({
  id: "django/settings-csrf-cookie-masked",
  framework: "django",
  since: "4.1",
  summary: "CSRF_COOKIE_MASKED = False is removed from settings files",
  description:
    "`CSRF_COOKIE_MASKED` was a transitional setting of Django 4.1 (removed in 5.0). `False` is the default and is deleted; `True` is reported, because clients that read the masked cookie have to work with the unmasked one first.",
  docs: DOCS,
  tidyBlankLines: true,
  settings: [
    {
      name: "CSRF_COOKIE_MASKED",
      action: "remove",
      when: isFalse,
      review: `CSRF_COOKIE_MASKED is a transitional setting removed in Django 5.0, which never masks the CSRF cookie; this value is not False: make the clients that read the cookie work with the unmasked token, then delete the setting (${DOCS})`,
    },
  ],
});
