// django/template-settings: Django 1.8 replaced the TEMPLATE_* settings by the TEMPLATES list and
// Django 1.10 stopped reading them, silently: a project upgraded past 1.9 with TEMPLATE_DIRS still
// set no longer finds those templates. Where each value goes depends on the TEMPLATES entry the
// project has (or needs), so the settings are pointed at, not moved.
import { findingRule } from "../../src/engine/helpers/findings.js";

/** Each old setting and where its value lives in a DjangoTemplates entry of TEMPLATES. */
const MOVES: Record<string, string> = {
  TEMPLATE_DIRS: 'its "DIRS"',
  TEMPLATE_DEBUG: 'its "OPTIONS"["debug"] (which follows DEBUG when left out)',
  TEMPLATE_LOADERS: 'its "OPTIONS"["loaders"] (leave "APP_DIRS" out then)',
  TEMPLATE_CONTEXT_PROCESSORS: 'its "OPTIONS"["context_processors"], with django.core.context_processors.* renamed django.template.context_processors.*',
  TEMPLATE_STRING_IF_INVALID: 'its "OPTIONS"["string_if_invalid"]',
};

export default findingRule({
  id: "django/template-settings",
  framework: "django",
  since: "1.8",
  summary: "warns about the TEMPLATE_* settings (ignored since Django 1.10)",
  description:
    "Django 1.8 replaced `TEMPLATE_DIRS`, `TEMPLATE_DEBUG`, `TEMPLATE_LOADERS`, `TEMPLATE_CONTEXT_PROCESSORS` and " +
    "`TEMPLATE_STRING_IF_INVALID` by the `TEMPLATES` setting, and Django 1.10 stopped reading them without a word: " +
    "templates in those folders are no longer found, and context processors no longer run. Module-level assignments " +
    "in settings files (and settings classes), `override_settings(TEMPLATE_...=...)` and reads of " +
    "`django.conf.settings.TEMPLATE_...` are reported with the place in `TEMPLATES` each value belongs.",
  docs: "https://docs.djangoproject.com/en/stable/ref/templates/upgrading/",
  needles: Object.keys(MOVES),
  // Assigned (a setting, an override_settings keyword) or read as settings.TEMPLATE_...: other
  // mentions (strings, getattr, docs) are not what the rule reports.
  precheck: (text) => /\bTEMPLATE_(?:DIRS|DEBUG|LOADERS|CONTEXT_PROCESSORS|STRING_IF_INVALID)\s*\+?=(?!=)|\.\s*TEMPLATE_(?:DIRS|DEBUG|LOADERS|CONTEXT_PROCESSORS|STRING_IF_INVALID)\b/.test(text),
  patterns: Object.entries(MOVES).flatMap(([name, where]) => [
    {
      kind: "setting" as const,
      names: [name],
      message: `${name} is ignored since Django 1.10: move the value into the DjangoTemplates entry of TEMPLATES, as ${where}, and delete it`,
    },
    {
      kind: "name" as const,
      qualified: [`django.conf.settings.${name}`],
      message: `settings.${name} does not exist since Django 1.10: read the DjangoTemplates entry of settings.TEMPLATES (${where.replace(/^its /, "")}) instead`,
    },
  ]),
});
