// django/inline-has-add-permission: Django 2.1 passes the parent object to
// InlineModelAdmin.has_add_permission(request, obj); overrides taking only `request` stopped working
// in Django 3.0. An override `def has_add_permission(self, request)` in a class that derives from a
// Django inline class (through the imports, or through classes of the same file) gains `obj=None`,
// and its `super().has_add_permission(request)` calls pass `obj` on.
import type { Edit } from "../../src/engine/edits.js";
import { insertArgument } from "../../src/engine/helpers/calls.js";
import { allPlain, insertParameter, mentions, overridesOf, superCalls } from "../../src/engine/helpers/overrides.js";
import { defineRule } from "../../src/engine/rule.js";
import { INLINE_ADMINS } from "../../src/engine/helpers/django-names.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.1/#features-deprecated-in-2-1";

export default defineRule({
  id: "django/inline-has-add-permission",
  framework: "django",
  since: "2.1",
  summary: "InlineModelAdmin.has_add_permission(self, request) overrides gain obj=None",
  description:
    "Django 2.1 started passing the parent object to `InlineModelAdmin.has_add_permission()`, and Django 3.0 requires " +
    "overrides to accept it. In a class deriving from `TabularInline`, `StackedInline`, `InlineModelAdmin` or the generic " +
    "inlines (resolved through the imports, or through classes of the same file), `def has_add_permission(self, request)` " +
    "becomes `def has_add_permission(self, request, obj=None)` and `super().has_add_permission(request)` inside it passes " +
    "`obj`. Overrides in other classes, with other parameters, or whose body already uses the name `obj` are left alone " +
    "(the last ones reported).",
  docs: DOCS,
  needles: ["has_add_permission"],
  precheck: (text) => /Inline/.test(text),
  create(ctx) {
    return {
      module() {
        for (const o of overridesOf(ctx.facts, "has_add_permission", (q) => INLINE_ADMINS.has(q))) {
          if (o.params.length !== 2 || !allPlain(o.params)) continue;
          const leave = (why: string) =>
            ctx.report(o.fn, `has_add_permission() of an inline receives obj since Django 2.1 (required from 3.0) but was left alone: ${why}; add an obj=None parameter by hand; see ${DOCS}`);
          if (mentions(ctx.facts, o.fn, "obj")) {
            leave("its body already uses the name obj");
            continue;
          }
          const edits: Edit[] = insertParameter(ctx.source, o, 2, "obj=None", ctx.newline);
          let ok = true;
          for (const s of superCalls(ctx.facts, o.fn, "has_add_permission")) {
            if (!s.args || s.args.args.length !== 1 || s.args.positional.length !== 1) ok = false;
            else edits.push(...insertArgument(ctx.source, s.args, 1, "obj", ctx.newline));
          }
          if (!ok) {
            leave("a super().has_add_permission() call inside it has an unexpected shape");
            continue;
          }
          ctx.fix("has_add_permission(self, request) → (self, request, obj=None)", edits);
        }
      },
    };
  },
});
