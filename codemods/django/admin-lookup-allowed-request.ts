// django/admin-lookup-allowed-request: Django 5.0 passes the request to
// ModelAdmin.lookup_allowed(lookup, value, request), and Django 6.0 requires overrides to accept it.
// `def lookup_allowed(self, lookup, value)` in a class deriving from a Django admin class gains
// `request=None`, and its `super().lookup_allowed(lookup, value)` calls pass `request` on.
import type { Edit } from "../../src/engine/edits.js";
import { insertArgument } from "../../src/engine/helpers/calls.js";
import { allPlain, insertParameter, mentions, overridesOf, superCalls } from "../../src/engine/helpers/overrides.js";
import { defineRule } from "../../src/engine/rule.js";
import { MODEL_ADMINS } from "../../src/engine/helpers/django-names.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0";

export default defineRule({
  id: "django/admin-lookup-allowed-request",
  framework: "django",
  since: "5.0",
  summary: "ModelAdmin.lookup_allowed(self, lookup, value) overrides gain request=None",
  description:
    "Django 5.0 passes the request to `ModelAdmin.lookup_allowed()` and deprecated overrides without it (required from " +
    "Django 6.0). In a class deriving from a Django admin class (`ModelAdmin`, inlines, `UserAdmin`, the GIS admins; " +
    "resolved through the imports or classes of the same file), `def lookup_allowed(self, lookup, value)` becomes " +
    "`def lookup_allowed(self, lookup, value, request=None)` and `super().lookup_allowed(lookup, value)` inside it passes " +
    "`request`. Other shapes are left alone; a body that already uses the name `request` is reported.",
  docs: DOCS,
  needles: ["lookup_allowed"],
  create(ctx) {
    return {
      module() {
        for (const o of overridesOf(ctx.facts, "lookup_allowed", (q) => MODEL_ADMINS.has(q))) {
          if (o.params.length !== 3 || !allPlain(o.params)) continue;
          const leave = (why: string) =>
            ctx.report(o.fn, `lookup_allowed() receives the request since Django 5.0 (required from 6.0) but was left alone: ${why}; add a request parameter by hand; see ${DOCS}`);
          if (mentions(ctx.facts, o.fn, "request")) {
            leave("its body already uses the name request");
            continue;
          }
          const edits: Edit[] = insertParameter(ctx.source, o, 3, "request=None", ctx.newline);
          let ok = true;
          for (const s of superCalls(ctx.facts, o.fn, "lookup_allowed")) {
            if (!s.args || s.args.args.length !== 2 || s.args.positional.length !== 2) ok = false;
            else edits.push(...insertArgument(ctx.source, s.args, 2, "request", ctx.newline));
          }
          if (!ok) {
            leave("a super().lookup_allowed() call inside it has an unexpected shape");
            continue;
          }
          ctx.fix("lookup_allowed(self, lookup, value) → (self, lookup, value, request=None)", edits);
        }
      },
    };
  },
});
