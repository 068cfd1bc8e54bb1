// django/settings-use-etags: Django 1.11 deprecated USE_ETAGS (removed in 2.1): ETags come from
// ConditionalGetMiddleware, which adds them whatever the setting says. `USE_ETAGS = True` had an
// effect through CommonMiddleware, so where MIDDLEWARE is one literal list in the same file that
// holds CommonMiddleware, ConditionalGetMiddleware goes right before it (the position Django's
// middleware-ordering notes give) and the setting is deleted. `False` was the default: deleted.
import type { Edit } from "../../src/engine/edits.js";
import { insertItem } from "../../src/engine/helpers/calls.js";
import {
  itemList, literalItems, otherMentions, plainString, settingAssignments,
} from "../../src/engine/helpers/settings-literals.js";
import { readElsewhere } from "../../src/engine/helpers/settings.js";
import { removeStatement } from "../../src/engine/helpers/statements.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";
const CONDITIONAL_GET = "django.middleware.http.ConditionalGetMiddleware";
const COMMON = "django.middleware.common.CommonMiddleware";

/** Where ConditionalGetMiddleware goes, or why the file does not say. */
function middlewarePlan(ctx: RuleContext): { edits: Edit[]; note: string } | string {
  const assignments = settingAssignments(ctx, "MIDDLEWARE");
  if (assignments.length !== 1 || assignments[0]!.statement.parent?.type !== "module") {
    return "MIDDLEWARE is not assigned exactly once at module level in this file";
  }
  if (otherMentions(ctx, "MIDDLEWARE", assignments).length > 0) return "MIDDLEWARE is changed elsewhere in this file";
  if (ctx.source.includes("import *")) return "a star import may change MIDDLEWARE";
  const literal = literalItems(assignments[0]!.value);
  if (!literal || literal.items.some((i) => plainString(i) === undefined)) return "MIDDLEWARE is not a literal list of strings";
  const values = literal.items.map((i) => plainString(i));
  if (values.includes(CONDITIONAL_GET)) return { edits: [], note: "ConditionalGetMiddleware already in MIDDLEWARE" };
  const at = values.indexOf(COMMON);
  if (at < 0) return "MIDDLEWARE has no CommonMiddleware to place ConditionalGetMiddleware next to";
  const common = unparenthesize(literal.items[at]!);
  const quote = common.children[0]!.text.replace(/^[rRuU]/, "");
  const text = `${quote}${CONDITIONAL_GET}${quote}`;
  return {
    edits: insertItem(ctx.source, itemList(unparenthesize(literal.container), literal.items), at, text, ctx.newline),
    note: "ConditionalGetMiddleware added to MIDDLEWARE",
  };
}

export default defineRule({
  id: "django/settings-use-etags",
  framework: "django",
  since: "1.11",
  summary: "USE_ETAGS = True becomes ConditionalGetMiddleware in a literal MIDDLEWARE list; USE_ETAGS = False is removed",
  description:
    "Django 1.11 deprecated the `USE_ETAGS` setting (removed in 2.1): `ConditionalGetMiddleware` sets ETags on every response " +
    "instead. In settings files, a module-level `USE_ETAGS = True` is deleted and `\"django.middleware.http.ConditionalGetMiddleware\"` " +
    "is inserted into `MIDDLEWARE` right before `CommonMiddleware` (which used to add the ETags), when `MIDDLEWARE` is one " +
    "module-level literal list or tuple of strings in the same file, never changed elsewhere in it, and the file has no star " +
    "import; if the middleware is already listed, only the setting goes. `USE_ETAGS = False` was the default and is deleted. " +
    "Every other shape (MIDDLEWARE built elsewhere, `MIDDLEWARE_CLASSES`, computed values) is reported.",
  docs: DOCS,
  needles: ["USE_ETAGS"],
  files: "settings",
  create(ctx) {
    return {
      module() {
        const settings = settingAssignments(ctx, "USE_ETAGS");
        // A second assignment (`if DEBUG: USE_ETAGS = False`) or a read would still see the setting
        // after the middleware made ETags unconditional.
        const once = settings.length === 1 && otherMentions(ctx, "USE_ETAGS", settings).length === 0;
        // A settings module that star-imports this one may set USE_ETAGS again (`USE_ETAGS = False`
        // in prod.py) or read it: the middleware would ignore the first, the name is gone for the second.
        const importer = ctx.facts.exportedWhy("USE_ETAGS");
        for (const setting of settings) {
          if (setting.statement.parent?.type !== "module" || setting.chained) continue;
          const value = unparenthesize(setting.value);
          const removal = removeStatement(ctx.source, setting.statement);
          if (value.type === "false") {
            // A read of the name (`CACHE_ETAGS = USE_ETAGS`) would have nothing left to read.
            if (otherMentions(ctx, "USE_ETAGS", settings).length > 0 || importer) continue;
            // Nor would app code reading settings.USE_ETAGS (removing False only tidies: no finding).
            if (readElsewhere(ctx, ["USE_ETAGS"])) continue;
            // After `from .base import *`, False may switch off a True from the base, which turns
            // into ConditionalGetMiddleware there: the override is the user's to move.
            if (/^[ \t]*from\s+\S+\s+import\s+\*/m.test(ctx.source)) {
              ctx.report(
                setting.assignment as Node,
                `USE_ETAGS was removed in Django 2.1: this file star-imports other settings, so USE_ETAGS = False may switch off ETags ` +
                  `a base module turns on; where it does, take "${CONDITIONAL_GET}" out of MIDDLEWARE here, then delete the setting (${DOCS})`,
              );
              continue;
            }
            ctx.fix("USE_ETAGS = False removed (the default)", removal);
            continue;
          }
          let plan =
            value.type !== "true" ? "its value is not a literal True or False"
            : !once ? "USE_ETAGS is assigned again or read elsewhere in this file"
            : importer ? importer
            : middlewarePlan(ctx);
          const reader = typeof plan === "string" ? undefined : readElsewhere(ctx, ["USE_ETAGS"]);
          if (reader) plan = `${reader.where} reads it, which fails once the setting is gone`;
          if (typeof plan === "string") {
            ctx.report(
              setting.assignment as Node,
              `USE_ETAGS was deprecated in Django 1.11 and removed in 2.1: add "${CONDITIONAL_GET}" to MIDDLEWARE ` +
                `(before CommonMiddleware) and delete the setting; left alone because ${plan} (${DOCS})`,
            );
            continue;
          }
          ctx.fix(`USE_ETAGS removed, ${plan.note}`, [...plan.edits, ...removal]);
        }
      },
    };
  },
});
