// django/cached-property-name: Django 4.1 deprecated the `name` argument of
// django.utils.functional.cached_property (removed in 5.0): since Python 3.6 the descriptor learns
// its attribute name from __set_name__, and Django already ignored the argument. It is dropped.
import { callArgs, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";
import { someCallArguments } from "../../src/engine/text-scan.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1";

export default defineRule({
  id: "django/cached-property-name",
  framework: "django",
  since: "4.1",
  summary: "cached_property(func, name=...) loses its name argument",
  description:
    "Django 4.1 deprecated the `name` argument of `django.utils.functional.cached_property` (removed in 5.0); the property " +
    "takes its name from the class attribute it is assigned to. `cached_property(f, name=\"x\")` and `cached_property(f, \"x\")` " +
    "become `cached_property(f)`, however `cached_property` was imported (aliases and module forms included). Calls with " +
    "`*args`/`**kwargs` are reported.",
  docs: DOCS,
  needles: ["cached_property"],
  // A call with a name: two arguments or name= (the decorator form has none).
  precheck: (text) => someCallArguments(text, ["cached_property"], (args) => args.includes(",") || /(?<![\w])name[\s\\]*=(?!=)/.test(args)),
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, ["django.utils.functional.cached_property"])) {
          const args = callArgs(call);
          if (!args) continue;
          const name = args.keywords.get("name") ?? (args.positional.length === 2 ? args.positional[1] : undefined);
          if (!name) continue;
          const edits = args.listSplat || args.dictSplat ? undefined : removeArgument(ctx.source, args, name);
          if (!edits) {
            ctx.report(name, `the name argument of cached_property was removed in Django 5.0: delete it by hand (${DOCS})`);
            continue;
          }
          ctx.fix("cached_property name argument removed", edits);
        }
      },
    };
  },
});
