import { settingsChanges } from "../../src/engine/helpers/settings.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import type { Node } from "../../src/engine/parser.js";

const isFalse = (value: Node) => unparenthesize(value).type === "false";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#zoneinfo-default-timezone-implementation";

export default settingsChanges({
  id: "django/settings-use-deprecated-pytz",
  framework: "django",
  since: "4.0",
  summary: "USE_DEPRECATED_PYTZ = False is removed from settings files",
  description:
    "`USE_DEPRECATED_PYTZ` was a transitional setting of Django 4.0 (removed in 5.0), when Django moved from pytz to `zoneinfo`. `False` is the default and is deleted; `True` is reported, because code relying on pytz time zones (`localize()`, `normalize()`) has to move to `zoneinfo` first.",
  docs: DOCS,
  tidyBlankLines: true,
  settings: [
    {
      name: "USE_DEPRECATED_PYTZ",
      action: "remove",
      when: isFalse,
      review: `USE_DEPRECATED_PYTZ is a transitional setting removed in Django 5.0, which always uses zoneinfo; this value is not False: move the code that relies on pytz (localize(), normalize(), pytz.timezone) to zoneinfo, then delete the setting (${DOCS})`,
    },
  ],
});
