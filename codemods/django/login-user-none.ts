// django/login-user-none: Django 5.2 deprecated login(request, None) / alogin(request, None), which
// fell back to request.user (removed in 6.1). The fallback is written out: `login(request,
// request.user)`. Only when the request argument is a plain name or `self.request`, so repeating
// it evaluates nothing twice.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { isRequestExpression } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";
import { mayReachNames, someCallArguments } from "../../src/engine/text-scan.js";

const LOGINS = ["django.contrib.auth.login", "django.contrib.auth.alogin"];
const mayReachLogins = mayReachNames(LOGINS, { bare: true });

export default defineRule({
  id: "django/login-user-none",
  framework: "django",
  since: "5.2",
  summary: "login(request, None) / alogin(request, None) pass request.user explicitly",
  description:
    "Django 5.2 deprecated calling `django.contrib.auth.login()` or `alogin()` with `None` as the user, which fell back " +
    "to `request.user`. `login(request, None)` (or `user=None`) becomes `login(request, request.user)` when the request " +
    "argument is a plain name (`request`, `req`) or `self.request`; other shapes (a call such as `get_request()`) are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.2/#features-deprecated-in-5-2",
  needles: ["login", "alogin"],
  // Only files with a login(...)/alogin(...) call that passes None at its top level.
  precheck: (text) => /\bNone\b/.test(text) && mayReachLogins(text) && someCallArguments(text, ["login", "alogin"], (args) => /\bNone\b/.test(args)),
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, LOGINS)) {
          const args = callArgs(found.call);
          if (!args || args.listSplat || args.dictSplat) continue;
          const request = args.positional[0] ?? args.keywords.get("request")?.childForFieldName("value");
          // A plain name (`req`) is read twice to the same value; so is `self.request`.
          if (!request || (request.type !== "identifier" && !isRequestExpression(request))) continue;
          const user = args.positional[1] ?? args.keywords.get("user")?.childForFieldName("value");
          if (user?.type !== "none") continue;
          ctx.fix(`${found.callee.text}(request, None) → request.user`, [{ start: user.startIndex, end: user.endIndex, text: `${request.text}.user` }]);
        }
      },
    };
  },
});
