import { isStringLiteral, settingsChanges } from "../../src/engine/helpers/settings.js";
import type { Node } from "../../src/engine/parser.js";

/** "utf-8" in any case, with or without the dash: Python reads all of them as UTF-8. */
const isUtf8 = (value: Node) => ["utf-8", "utf8", "UTF-8", "UTF8", "Utf-8"].some((v) => isStringLiteral(v)(value));

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2";

export default settingsChanges({
  id: "django/settings-file-charset",
  framework: "django",
  since: "2.2",
  summary: "FILE_CHARSET = \"utf-8\" is removed from settings files",
  description:
    "Django 2.2 deprecated the `FILE_CHARSET` setting and Django 3.1 removed it: template, static and translation files are always read as UTF-8. An assignment of `\"utf-8\"` (any case, with or without the dash) is deleted; any other charset is reported, because the files have to be converted to UTF-8 first.",
  docs: DOCS,
  tidyBlankLines: true,
  settings: [
    {
      name: "FILE_CHARSET",
      action: "remove",
      when: isUtf8,
      review: `FILE_CHARSET was deprecated in Django 2.2 and removed in 3.1 (files are always read as UTF-8); this project reads another charset: convert its templates, static and translation files to UTF-8, then delete the setting (${DOCS})`,
    },
  ],
});
