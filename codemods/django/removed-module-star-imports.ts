// django/removed-module-star-imports: `from <module> import *` of a Django module the target no
// longer has fails when the file is imported, whatever the file uses. The rules that move a
// removed module's names (is-iterable, datetime-safe, compatibility-imports) replace such a star
// import once their rewrites leave it with nothing to give (star-uses.ts starImportIdle); this rule
// covers the rest: a star import nothing in the file reads from is removed, and one whose names the
// file still uses is reported with those names. A star import inside a `try` with a handler is the
// file's own fallback for a missing module and is left alone.
import type { Node } from "../../src/engine/parser.js";
import { removeImportStatement } from "../../src/engine/helpers/drop-imports.js";
import { starModuleName, starNeeds } from "../../src/engine/helpers/star-uses.js";
import { defineRule } from "../../src/engine/rule.js";
import { targetReaches } from "../../src/target.js";

interface RemovedModule {
  /** The release without the module. */
  removed: string;
  /** What to use instead, for the report. */
  instead: string;
  docs: string;
}

const NOTES = "https://docs.djangoproject.com/en/stable/releases";
/** Removed modules whose star imports the generated table (django-star-exports) can judge. */
const REMOVED: Readonly<Record<string, RemovedModule>> = {
  "django.utils.six": { removed: "3.0", instead: "Python 3's own names, or the six package", docs: `${NOTES}/3.0/#removed-private-python-2-compatibility-apis` },
  "django.utils.lru_cache": { removed: "3.0", instead: "functools.lru_cache", docs: `${NOTES}/3.0/#removed-private-python-2-compatibility-apis` },
  "django.contrib.staticfiles.templatetags.staticfiles": { removed: "3.0", instead: "django.templatetags.static", docs: `${NOTES}/2.1/#features-deprecated-in-2-1` },
  "django.contrib.postgres.forms.jsonb": { removed: "4.0", instead: "django.forms.JSONField", docs: `${NOTES}/3.1/#features-deprecated-in-3-1` },
  "django.utils.datetime_safe": { removed: "5.0", instead: "the datetime module", docs: `${NOTES}/4.0/#features-deprecated-in-4-0` },
  "django.utils.itercompat": { removed: "6.0", instead: "isinstance(x, collections.abc.Iterable)", docs: `${NOTES}/5.1/#features-deprecated-in-5-1` },
};

/** True inside the body of a `try` that has a handler: the file guards the import itself. */
function guarded(statement: Node): boolean {
  for (let node: Node | null = statement, parent = statement.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === "try_statement" && parent.childForFieldName("body")?.id === node.id) {
      if (parent.namedChildren.some((c) => c?.type === "except_clause" || c?.type === "except_group_clause")) return true;
    }
  }
  return false;
}

export default defineRule({
  id: "django/removed-module-star-imports",
  framework: "django",
  since: "3.0",
  summary: "removes star imports of Django modules the target no longer has when nothing uses them; reports the others",
  description:
    "A `from <module> import *` of a module Django removed fails at import time at that release: `django.utils.six` and " +
    "`django.utils.lru_cache` (3.0), `django.contrib.staticfiles.templatetags.staticfiles` (3.0), " +
    "`django.contrib.postgres.forms.jsonb` (4.0), `django.utils.datetime_safe` (5.0), `django.utils.itercompat` (6.0). When " +
    "nothing in the file reads a name the star import binds (by the table of what each Django release's module exported) and " +
    "no other module may import one from the file (`__all__`, or an importer in the project), the import is removed. " +
    "Otherwise it is reported with the names the file still reads from it. The rules that move those names (is-iterable, " +
    "datetime-safe, compatibility-imports) replace the star import themselves once their rewrites leave it unused. A star " +
    "import inside a `try` with an `except` (the file's own fallback) is left alone.",
  docs: `${NOTES}/3.0/#removed-private-python-2-compatibility-apis`,
  needles: ["utils.six", "lru_cache", "templatetags.staticfiles", "forms.jsonb", "datetime_safe", "itercompat"],
  precheck: (text) => /\bimport[\s\\]*\*/.test(text),
  create(ctx) {
    return {
      module() {
        for (const statement of ctx.root.descendantsOfType("import_from_statement")) {
          if (!statement || !statement.namedChildren.some((c) => c?.type === "wildcard_import")) continue;
          const module = starModuleName(statement);
          if (module === undefined || !Object.hasOwn(REMOVED, module)) continue;
          const { removed, instead, docs } = REMOVED[module]!;
          if (!targetReaches(ctx.targets, "django", removed) || guarded(statement)) continue;
          const needs = starNeeds(ctx, statement, module);
          if (!needs) continue;
          const { read, exported } = needs;
          if (read.length === 0 && !exported) {
            ctx.fix(`star import of ${module} dropped (removed in Django ${removed}; nothing in the file used it)`, removeImportStatement(ctx.source, statement));
            continue;
          }
          const which = read.length > 0
            ? `this file reads ${read.slice(0, 5).join(", ")}${read.length > 5 ? ` and ${read.length - 5} more` : ""} from it`
            : "other modules may import its names from this file";
          ctx.report(statement, `${module} was removed in Django ${removed} and this import fails there; ${which}: use ${instead} instead; see ${docs}`);
        }
      },
    };
  },
});
