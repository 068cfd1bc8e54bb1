// django/register-converter-override: Django 5.1 deprecated overriding a path converter that is
// already registered (removed in 6.0: register_converter() then raises ValueError). Calls that
// register one of Django's own converter names, or one name twice in a file, are pointed at: the
// new name has to be chosen and the URL patterns that use it changed.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1";
const REGISTER = ["django.urls.register_converter", "django.urls.converters.register_converter"];
/** The converters Django registers itself (django.urls.converters.DEFAULT_CONVERTERS). */
const BUILT_IN = new Set(["int", "path", "slug", "str", "uuid"]);

export default defineRule({
  id: "django/register-converter-override",
  framework: "django",
  since: "5.1",
  kind: "finding",
  summary: "warns about register_converter() calls that override a registered converter (deprecated in Django 5.1)",
  description:
    "Django 5.1 deprecated overriding an existing path converter with `register_converter()`; from 6.0 it raises " +
    "`ValueError`. Calls whose type name is one of Django's own converters (`int`, `path`, `slug`, `str`, `uuid`), or a " +
    "name this file already registered, are reported: register the converter under a new name and use that name in the " +
    "URL patterns.",
  docs: DOCS,
  needles: ["register_converter"],
  create(ctx) {
    return {
      module() {
        const seen = new Set<string>();
        for (const { call } of callsTo(ctx.facts, REGISTER)) {
          const args = callArgs(call);
          const name = args?.positional[1] ?? args?.keywords.get("type_name")?.childForFieldName("value");
          const value = name ? stringValue(name) : undefined;
          if (value === undefined) continue;
          if (BUILT_IN.has(value)) {
            ctx.report(call, `register_converter() overrides Django's "${value}" converter, deprecated since Django 5.1 (a ValueError from 6.0): register it under a new name and use that in the URL patterns; see ${DOCS}`);
          } else if (seen.has(value)) {
            ctx.report(call, `register_converter() registers "${value}" a second time, deprecated since Django 5.1 (a ValueError from 6.0): give one of the converters another name; see ${DOCS}`);
          }
          seen.add(value);
        }
      },
    };
  },
});
