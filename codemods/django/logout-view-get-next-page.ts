// django/logout-view-get-next-page: Django 4.1 rebuilt LogoutView on RedirectURLMixin; where to go
// after logging out now comes from get_success_url(), and get_next_page() overrides are no longer
// consulted. In a class deriving from Django's LogoutView, `def get_next_page(self)` becomes
// `def get_success_url(self)`, with the `self.get_next_page()` / `super().get_next_page()` calls in
// that class renamed along.
import type { Edit } from "../../src/engine/edits.js";
import { classMethods } from "../../src/engine/helpers/classes.js";
import { overridesOf } from "../../src/engine/helpers/overrides.js";
import { defineRule } from "../../src/engine/rule.js";

const LOGOUT = new Set(["django.contrib.auth.views.LogoutView"]);
const OLD = "get_next_page";
const NEW = "get_success_url";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#miscellaneous";

export default defineRule({
  id: "django/logout-view-get-next-page",
  framework: "django",
  since: "4.1",
  summary: "LogoutView.get_next_page() overrides become get_success_url()",
  description:
    "Django 4.1 moved `LogoutView` onto `RedirectURLMixin`: the page to go to after logging out comes from " +
    "`get_success_url()`, and an override of `get_next_page()` is no longer called. In a class deriving from " +
    "`django.contrib.auth.views.LogoutView` (through the imports or classes of the same file), `def get_next_page(self)` " +
    "is renamed `get_success_url`, and so are `self.get_next_page()` and `super().get_next_page()` calls inside the " +
    "class. A class that already defines `get_success_url`, or other parameters, is reported and left alone.",
  docs: DOCS,
  needles: [OLD],
  precheck: (text) => text.includes("LogoutView"),
  create(ctx) {
    return {
      module() {
        for (const o of overridesOf(ctx.facts, OLD, (q) => LOGOUT.has(q))) {
          if (o.params.length !== 1 || o.params[0]!.type !== "identifier") continue;
          if (classMethods(o.cls).has(NEW)) {
            ctx.report(o.fn, `LogoutView uses get_success_url() since Django 4.1, and this get_next_page() is no longer called, but the class also defines get_success_url: merge them by hand; see ${DOCS}`);
            continue;
          }
          const edits: Edit[] = [];
          const body = o.cls.childForFieldName("body")!;
          for (const id of ctx.facts.identifiers(OLD)) {
            if (id.startIndex < body.startIndex || id.endIndex > body.endIndex) continue;
            const parent = id.parent;
            if (parent?.type === "function_definition" && parent.childForFieldName("name")?.id === id.id) {
              if (parent.id === o.fn.id) edits.push({ start: id.startIndex, end: id.endIndex, text: NEW });
              continue;
            }
            if (parent?.type !== "attribute" || parent.childForFieldName("attribute")?.id !== id.id) continue;
            const object = parent.childForFieldName("object")!;
            const isSelf = object.type === "identifier" && object.text === "self";
            const isSuper = object.type === "call" && object.childForFieldName("function")?.text === "super";
            if (isSelf || isSuper) edits.push({ start: id.startIndex, end: id.endIndex, text: NEW });
          }
          ctx.fix(`${OLD}() → ${NEW}()`, edits);
        }
      },
    };
  },
});
