import { isStringLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.0/#features-deprecated-in-2-0";

export default settingsChanges({
  id: "django/settings-default-content-type",
  framework: "django",
  since: "2.0",
  summary: "DEFAULT_CONTENT_TYPE = \"text/html\" is removed from settings files",
  description:
    "Django 2.0 deprecated the `DEFAULT_CONTENT_TYPE` setting and Django 3.0 removed it. When its value is the default, the string `\"text/html\"`, the assignment is deleted (module level or a module-level settings class that keeps other statements). Any other value changed the `Content-Type` of every response, so it is reported for review instead: set the content type on the responses that need it.",
  docs: DOCS,
  tidyBlankLines: true,
  settings: [
    {
      name: "DEFAULT_CONTENT_TYPE",
      action: "remove",
      when: isStringLiteral("text/html"),
      review: `DEFAULT_CONTENT_TYPE was deprecated in Django 2.0 and removed in 3.0 (responses always default to text/html); this project sets another value, so removing it changes responses: pass content_type= to the responses or set the header in a middleware, then delete the setting (${DOCS})`,
    },
  ],
});
