// django/auth-function-views: Django 1.11 deprecated the function-based views of
// django.contrib.auth.views (removed in 2.1) in favour of class-based views. In a URL pattern,
// `views.login` with an optional dict of view arguments becomes `views.LoginView.as_view(...)`
// with those arguments as keywords, when every key is an attribute of the new class (three are
// plain renames to form_class). Redirect arguments (post_*_redirect: a URL name or a URL, where
// success_url wants a URL) and other uses of the old views are reported.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { literalPairs, plainString } from "../../src/engine/helpers/settings-literals.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, lineOf, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";
const MODULE = "django.contrib.auth.views";
const URL_FUNCTIONS = new Set(["django.conf.urls.url", "django.urls.path", "django.urls.re_path"]);
const COMMON = ["template_name", "extra_context"];
/** Old function → new class, and the view arguments it takes (old key → class attribute). */
const VIEWS: Record<string, { cls: string; keys: Record<string, string> }> = {
  login: { cls: "LoginView", keys: keysOf([...COMMON, "redirect_field_name", "authentication_form", "redirect_authenticated_user"]) },
  logout: { cls: "LogoutView", keys: keysOf([...COMMON, "next_page", "redirect_field_name"]) },
  password_change: { cls: "PasswordChangeView", keys: { ...keysOf(COMMON), password_change_form: "form_class" } },
  password_change_done: { cls: "PasswordChangeDoneView", keys: keysOf(COMMON) },
  password_reset: {
    cls: "PasswordResetView",
    keys: {
      ...keysOf([...COMMON, "email_template_name", "subject_template_name", "token_generator", "from_email", "html_email_template_name", "extra_email_context"]),
      password_reset_form: "form_class",
    },
  },
  password_reset_done: { cls: "PasswordResetDoneView", keys: keysOf(COMMON) },
  password_reset_confirm: { cls: "PasswordResetConfirmView", keys: { ...keysOf([...COMMON, "token_generator"]), set_password_form: "form_class" } },
  password_reset_complete: { cls: "PasswordResetCompleteView", keys: keysOf(COMMON) },
};

function keysOf(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

/**
 * Edits turning the view argument of one URL pattern (`auth_views.login`, or a directly imported
 * `login`) into the class-based view, or why not.
 */
function patternEdits(ctx: RuleContext, attribute: Node, view: { cls: string; keys: Record<string, string> }): Edit[] | string {
  const list = attribute.parent;
  const call = list?.parent;
  if (list?.type !== "argument_list" || call?.type !== "call") return "it is not the view of a URL pattern";
  const callee = call.childForFieldName("function");
  if (!callee || !URL_FUNCTIONS.has(ctx.facts.qualifiedName(callee) ?? "")) return "it is not the view of a url()/path()/re_path() pattern";
  const args = callArgs(call);
  if (!args || args.positional[1]?.id !== attribute.id || args.listSplat || args.dictSplat) return "the pattern's arguments cannot be read";
  const kwargsArg = args.positional[2] ?? args.keywords.get("kwargs");
  const kwargs = kwargsArg?.type === "keyword_argument" ? kwargsArg.childForFieldName("value") : kwargsArg;
  const keywords: string[] = [];
  if (kwargs) {
    const pairs = literalPairs(kwargs);
    if (!pairs) return "its view arguments are not a literal dict";
    for (const pair of pairs) {
      const key = plainString(pair.childForFieldName("key"));
      const attr = key === undefined ? undefined : view.keys[key];
      if (!attr) return `the view argument ${pair.childForFieldName("key")!.text} has no ${view.cls} attribute of the same meaning`;
      const value = pair.childForFieldName("value")!;
      keywords.push(`${attr}=${ctx.source.slice(value.startIndex, value.endIndex)}`);
    }
  }
  const object = attribute.type === "attribute" ? `${attribute.childForFieldName("object")!.text}.` : "";
  const edits: Edit[] = [{ start: attribute.startIndex, end: attribute.endIndex, text: `${object}${view.cls}.as_view(${keywords.join(", ")})` }];
  if (kwargsArg) {
    const removed = removeArgument(ctx.source, args, kwargsArg);
    // removeArgument takes an argument's own comment along; here the argument's text moves into
    // as_view(...), and its comment would be lost on the way.
    if (!removed || removed.some((e) => ctx.source.slice(e.start, e.end).includes("#"))) return "a comment sits next to its view arguments";
    edits.push(...removed);
  }
  return edits;
}

/**
 * `from django.contrib.auth.views import login`: when every use is the view of a URL pattern, the
 * uses become `LoginView.as_view(...)` and the import names LoginView; otherwise why not.
 */
function directImportEdits(ctx: RuleContext, binding: ImportBinding, view: { cls: string; keys: Record<string, string> }): Edit[] | string {
  const exported = ctx.facts.exportedWhy(binding.name);
  if (exported) return exported;
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const qualified = `${MODULE}.${view.cls}`;
  if (!ctx.facts.nameIsFree(view.cls, binding.scope, refs.refs, qualified, binding.statement.endIndex)) return `the name ${view.cls} means something else here`;
  const edits: Edit[] = [];
  for (const ref of refs.refs) {
    const pattern = patternEdits(ctx, ref, view);
    if (typeof pattern === "string") return `${lineOf(ref)}: ${pattern}`;
    edits.push(...pattern);
  }
  // The class may be imported already (`import login, LoginView`): then the old entry just goes.
  const present = ctx.facts.imports.some((b) => b.qualified === qualified && b.name === view.cls && b.scope.id === binding.scope.id);
  const entry = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, present ? null : view.cls]]));
  if (!entry) return "comments inside its import make the rewrite ambiguous";
  return [...edits, ...entry];
}

export default defineRule({
  id: "django/auth-function-views",
  framework: "django",
  since: "1.11",
  summary: "auth_views.login & co. in URL patterns become LoginView.as_view(...) & co., view arguments as keywords",
  description:
    "Django 1.11 deprecated the function-based views of `django.contrib.auth.views` (`login`, `logout`, `password_change`, " +
    "`password_change_done`, `password_reset`, `password_reset_done`, `password_reset_confirm`, `password_reset_complete`; " +
    "removed in 2.1) in favour of `LoginView`, `LogoutView` and the `Password*View` classes. In a `url()`/`path()`/`re_path()` " +
    "pattern whose view is the module form (`auth_views.login`, however the module was imported), the view becomes " +
    "`auth_views.LoginView.as_view(...)` and a literal dict of view arguments (third argument or `kwargs=`) moves into " +
    "`as_view()` as keywords; `password_change_form`, `password_reset_form` and `set_password_form` become `form_class`. " +
    "Patterns with other arguments (`post_change_redirect`/`post_reset_redirect`, which took URL names where `success_url` " +
    "takes a URL; `current_app`) and other uses of the old views are reported. A directly imported view " +
    "(`from django.contrib.auth.views import login`) whose every use is such a pattern becomes `LoginView.as_view(...)`, " +
    "and its import names `LoginView`.",
  docs: DOCS,
  needles: Object.keys(VIEWS),
  // An import of django.contrib.auth.views, or of `views` from django.contrib.auth.
  precheck: (text) => /django\.contrib\.auth\.views|django\.contrib\.auth[\s\\]+import\b[^;]*?\bviews\b/.test(text),
  create(ctx) {
    return {
      module() {
        for (const [old, view] of Object.entries(VIEWS)) {
          const qualified = `${MODULE}.${old}`;
          for (const id of ctx.facts.identifiers(old)) {
            const parent = id.parent;
            const attribute = parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id ? parent : undefined;
            if (attribute) {
              if (ctx.facts.qualifiedName(attribute) !== qualified) continue;
              const edits = patternEdits(ctx, attribute, view);
              if (typeof edits === "string") {
                ctx.report(attribute, `the ${old} view was removed in Django 2.1: use ${view.cls}.as_view() with the view arguments as keywords; left alone because ${edits}; see ${DOCS}`);
              } else ctx.fix(`${attribute.text} → ${view.cls}.as_view()`, edits);
            }
          }
        }
        // Directly imported views, aliased or not (`from django.contrib.auth.views import login as auth_login`).
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || binding.module !== MODULE || !Object.hasOwn(VIEWS, binding.imported ?? "")) continue;
          const old = binding.imported!;
          const view = VIEWS[old]!;
          const edits = directImportEdits(ctx, binding, view);
          if (typeof edits === "string") {
            ctx.report(binding.entry, `the ${old} view was removed in Django 2.1: import ${view.cls} and use ${view.cls}.as_view() with the view arguments as keywords; left alone because ${edits}; see ${DOCS}`);
          } else ctx.fix(`${old} → ${view.cls}.as_view()`, edits);
        }
      },
    };
  },
});
