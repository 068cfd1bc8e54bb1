// django/overrides-new-parameters-6-1: Django 6.1 passes new arguments to three hooks that user
// classes override, and stops supporting overrides that cannot take them in 7.0:
//   ModelAdmin.get_actions(self, request, action_location=ActionLocation.CHANGE_LIST)
//   ModelAdmin.get_action_choices(self, request, default_choices=..., action_location=...)
//   Model.from_db(cls, db, field_names, values, *, fetch_mode=None)
// An override without the parameter (and without **kwargs to absorb it) is pointed at: adding the
// parameter is easy, but passing it on to super() and using it is a change a person makes.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { MODEL_ADMINS, importsDjango } from "../../src/engine/helpers/django-names.js";
import { enclosingClass } from "../../src/engine/helpers/classes.js";
import { overridesOf, parameterName } from "../../src/engine/helpers/overrides.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1";
const MODELS = new Set([
  "django.db.models.Model", "django.db.models.base.Model", "django.contrib.gis.db.models.Model",
  "django.contrib.auth.models.AbstractUser", "django.contrib.auth.models.AbstractBaseUser",
  "django.contrib.auth.base_user.AbstractBaseUser", "django.contrib.auth.models.PermissionsMixin",
]);
/** Django's own parameter names for from_db: a classmethod spelled this way is a from_db override whatever its bases. */
const FROM_DB_PARAMS = ["cls", "db", "field_names", "values"];

interface Hook {
  method: string;
  parameter: string;
  bases: (qualified: string) => boolean;
  message: string;
}

const HOOKS: Hook[] = [
  {
    method: "get_actions",
    parameter: "action_location",
    bases: (q) => MODEL_ADMINS.has(q),
    message:
      "overriding ModelAdmin.get_actions() without the action_location parameter is deprecated since Django 6.1 (unsupported in 7.0): " +
      "define get_actions(self, request, action_location=ActionLocation.CHANGE_LIST) (ActionLocation from django.contrib.admin.options) and pass it to super().get_actions()",
  },
  {
    method: "get_action_choices",
    parameter: "action_location",
    bases: (q) => MODEL_ADMINS.has(q),
    message:
      "overriding ModelAdmin.get_action_choices() without the action_location parameter is deprecated since Django 6.1 (unsupported in 7.0): " +
      "define get_action_choices(self, request, default_choices=None, action_location=ActionLocation.CHANGE_LIST) and pass it on",
  },
  {
    method: "from_db",
    parameter: "fetch_mode",
    bases: (q) => MODELS.has(q),
    message:
      "Model.from_db() overrides that do not accept the fetch_mode keyword argument are deprecated since Django 6.1 (unsupported in 7.0): " +
      "define from_db(cls, db, field_names, values, *, fetch_mode=None) and pass fetch_mode=fetch_mode to super().from_db()",
  },
];

/** True when the parameters can receive `name` by keyword: a parameter of that name, or **kwargs. */
function accepts(params: Node[], name: string): boolean {
  return params.some((p) => p.type === "dictionary_splat_pattern" || parameterName(p) === name);
}

/** `from_db` classmethods with Django's own parameter names, in files importing Django, whatever their bases. */
function fromDbByShape(ctx: RuleContext, fn: Node): boolean {
  const params = fn.childForFieldName("parameters")?.namedChildren.filter((p): p is Node => p !== null && p.type !== "comment") ?? [];
  if (params.length !== FROM_DB_PARAMS.length || params.some((p, i) => p.type !== "identifier" || p.text !== FROM_DB_PARAMS[i])) return false;
  const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
  const isClassmethod = decorated?.namedChildren.some((d) => d?.type === "decorator" && d.namedChild(0)?.text === "classmethod") ?? false;
  return isClassmethod && enclosingClass(fn) !== undefined && importsDjango(ctx.facts);
}

/**
 * get_actions(self, request) / get_action_choices(self, request[, default_choices]) in a class whose
 * base is named like an admin class (GuardedModelAdmin, CommentsAdmin: third-party ModelAdmin
 * subclasses the file cannot resolve), in a file importing django.contrib.admin.
 */
function adminHookByShape(ctx: RuleContext, fn: Node): boolean {
  const params = fn.childForFieldName("parameters")?.namedChildren.filter((p): p is Node => p !== null && p.type !== "comment") ?? [];
  if (params.length < 2 || params.length > 3 || params[0]!.text !== "self" || parameterName(params[1]!) !== "request") return false;
  if (params.some((p) => p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern" || p.type === "keyword_separator")) return false;
  const cls = enclosingClass(fn);
  const bases = cls?.childForFieldName("superclasses")?.namedChildren ?? [];
  const adminLike = bases.some((b) => (b?.type === "identifier" || b?.type === "attribute") && /Admin$/.test(b.text.slice(b.text.lastIndexOf(".") + 1)));
  return adminLike && ctx.facts.imports.some((b) => b.module === "django.contrib.admin" || b.module.startsWith("django.contrib.admin.") || b.qualified === "django.contrib.admin");
}

export default defineRule({
  id: "django/overrides-new-parameters-6-1",
  framework: "django",
  since: "6.1",
  kind: "finding",
  summary: "warns about get_actions()/get_action_choices()/from_db() overrides without the parameters Django 6.1 passes",
  description:
    "Django 6.1 passes `action_location` to `ModelAdmin.get_actions()` and `get_action_choices()`, and `fetch_mode` to " +
    "`Model.from_db()`; overrides that cannot take them are deprecated and unsupported from Django 7.0. Overrides in ModelAdmin " +
    "subclasses (or, in a file importing django.contrib.admin, `get_actions(self, request)` in a class whose base is named " +
    "`...Admin`, such as a third-party ModelAdmin), and `from_db` in model classes (or any `from_db(cls, db, field_names, values)` " +
    "classmethod in a file importing Django), are reported when they have neither the parameter nor `**kwargs`.",
  docs: DOCS,
  needles: ["get_actions", "get_action_choices", "from_db"],
  // Only definitions matter.
  precheck: (text) => /\bdef\s+(?:get_actions|get_action_choices|from_db)\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const hook of HOOKS) {
          const reported = new Set<number>();
          for (const override of overridesOf(ctx.facts, hook.method, hook.bases)) {
            reported.add(override.fn.id);
            if (!accepts(override.params, hook.parameter)) ctx.report(override.fn.childForFieldName("name")!, `${hook.message}; see ${DOCS}`);
          }
          const byShape = hook.method === "from_db" ? fromDbByShape : adminHookByShape;
          for (const id of ctx.facts.identifiers(hook.method)) {
            const fn = id.parent;
            if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.id !== id.id || reported.has(fn.id)) continue;
            if (byShape(ctx, fn)) ctx.report(id, `${hook.message}; see ${DOCS}`);
          }
        }
      },
    };
  },
});
