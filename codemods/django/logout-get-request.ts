// django/logout-get-request: Django 4.1 deprecated logging out with a GET request to LogoutView and
// 5.0 removed it (405 Method Not Allowed). Test code that logs out through the test client with
// GET, `self.client.get(reverse("logout"))`, then fails, or passes while testing something else. Only
// the URL names Django gives LogoutView itself ("logout" in django.contrib.auth.urls, "admin:logout")
// and the admin's written-out path are known to be LogoutView; other logout URLs may be any view.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { calledQualified } from "../../src/engine/helpers/bound-value.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1";
const REVERSE = new Set([
  "django.urls.reverse", "django.urls.reverse_lazy", "django.urls.base.reverse", "django.core.urlresolvers.reverse",
  "django.core.urlresolvers.reverse_lazy", "django.shortcuts.resolve_url",
]);
const LOGOUT_NAMES = new Set(["logout", "admin:logout"]);
/** The admin's logout path, optionally after a language prefix (/en/, /pt-br/). */
const ADMIN_PATH = /^(?:\/[a-z]{2}(?:[-_][a-zA-Z]{2,4})?)?\/admin\/logout\/?(?:[?#%].*)?$/;

/** The first argument names Django's LogoutView: reverse("logout"), reverse("admin:logout"), "/admin/logout/...". */
function namesLogoutView(facts: import("../../src/engine/facts.js").Facts, arg: Node): boolean {
  if (arg.type === "call" && REVERSE.has(calledQualified(facts, arg) ?? "")) {
    const first = callArgs(arg)?.positional[0];
    const name = first?.type === "string" ? stringValue(first) : undefined;
    return name !== undefined && LOGOUT_NAMES.has(name);
  }
  // "/admin/logout/?%s" % x, or the plain literal.
  const literal = arg.type === "binary_operator" && arg.childForFieldName("operator")?.type === "%" ? arg.childForFieldName("left") : arg;
  if (literal?.type !== "string") return false;
  const text = literal.children.filter((c) => c?.type === "string_content").map((c) => c!.text).join("");
  return ADMIN_PATH.test(text);
}

export default defineRule({
  id: "django/logout-get-request",
  framework: "django",
  since: "4.1",
  kind: "finding",
  summary: "warns about test clients logging out with GET (client.get(reverse(\"logout\"))); removed in Django 5.0",
  description:
    "Django 4.1 deprecated logging out with a GET request to `LogoutView` and Django 5.0 answers it with 405. " +
    "`<...>client.get(...)` calls (the test client, pytest-django's `client`/`admin_client`) whose URL is `reverse(\"logout\")`, " +
    "`reverse(\"admin:logout\")` or the admin's written-out `/admin/logout/` path (optionally after a language prefix) are " +
    "reported: log out with `client.post(...)`, or `client.logout()` when the request is not what the test is about. Other " +
    "logout URL names are not reported (which view serves them is not known).",
  docs: DOCS,
  needles: ["logout"],
  // The URL as the rule knows it ("logout", "admin:logout", /admin/logout) and a client's get( call.
  precheck: (text) => /["'](?:admin:)?logout["']|\/admin\/logout/.test(text) && /client\s*\.\s*get\s*\(/.test(text),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("get")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const receiver = attribute.childForFieldName("object")!;
          const last = receiver.type === "attribute" ? receiver.childForFieldName("attribute")?.text : receiver.type === "identifier" ? receiver.text : undefined;
          if (!last || !/client$/i.test(last)) continue;
          const call = callOf(attribute);
          const first = call ? callArgs(call)?.positional[0] : undefined;
          if (!call || !first || !namesLogoutView(ctx.facts, first)) continue;
          ctx.report(call, `logging out with a GET request is removed in Django 5.0 (deprecated in 4.1): LogoutView answers 405; use ${receiver.text}.post(...) (or ${receiver.text}.logout() when the request itself is not under test); see ${DOCS}`);
        }
      },
    };
  },
});
