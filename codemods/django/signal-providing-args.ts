// django/signal-providing-args: Django 3.1 deprecated Signal's `providing_args` argument, which
// only ever documented the signal; Django 4.0 removed it. The argument goes, keyword or positional.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";

const SIGNALS = ["django.dispatch.Signal", "django.dispatch.dispatcher.Signal"];

export default defineRule({
  id: "django/signal-providing-args",
  aliases: ["signal_providing_args"],
  framework: "django",
  since: "3.1",
  summary: "Signal(providing_args=[...]) loses the argument",
  description:
    "Django 3.1 deprecated the `providing_args` argument of `django.dispatch.Signal`, which was purely " +
    "documentation, and Django 4.0 removed it. It is deleted from `Signal(...)` calls (imported directly, under an " +
    "alias or through the module), together with the comment on its line. A positional first argument is " +
    "`providing_args` too: `Signal([\"book\"])` becomes `Signal()`, and `Signal([\"book\"], True)` becomes " +
    "`Signal(use_caching=True)`, which also works on Django 4.0. Calls with `*args` are left alone.",
  docs: DOCS,
  needles: ["providing_args", "Signal("],
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, SIGNALS)) {
          const args = callArgs(call);
          if (!args || args.listSplat) continue;
          const keyword = args.keywords.get("providing_args");
          const [first, second, ...rest] = args.positional;
          let edits: Edit[] | undefined;
          if (keyword) {
            if (first) continue; // providing_args twice: a TypeError already
            edits = removeArgument(ctx.source, args, keyword);
          } else if (first && !second) {
            edits = removeArgument(ctx.source, args, first);
          } else if (first && second && rest.length === 0 && !args.keywords.has("use_caching")) {
            // `Signal(args, True)`: use_caching by keyword, valid before and after Django 4.0.
            edits = [{ start: first.startIndex, end: second.endIndex, text: `use_caching=${second.text}` }];
            if (ctx.source.slice(first.endIndex, second.startIndex).includes("#")) edits = undefined;
          } else continue;
          if (!edits) {
            ctx.report(call, `providing_args is removed in Django 4.0 but was left here: comments around it make the edit ambiguous; delete it by hand; see ${DOCS}`);
            continue;
          }
          ctx.fix("providing_args removed from Signal()", edits);
        }
      },
    };
  },
});
