// django/assert-queryset-equal-repr: Django 3.2 deprecated assertQuerysetEqual()'s implicit repr()
// of the queryset's items when compared with strings (removed in 4.1). A call whose expected values
// are a literal list of model reprs (`["<Book: Dune>"]`) relies on it for sure and gets
// `transform=repr`; lists of other strings may be compared with string items and are reported.
import { callArgs, insertArgument } from "../../src/engine/helpers/calls.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { defineRule } from "../../src/engine/rule.js";

const METHODS = ["assertQuerysetEqual", "assertQuerySetEqual"];

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2";

export default defineRule({
  id: "django/assert-queryset-equal-repr",
  framework: "django",
  since: "3.2",
  summary: 'self.assertQuerysetEqual(qs, ["<Model: x>", ...]) gains transform=repr',
  description:
    "Before Django 3.2, `assertQuerysetEqual()` applied `repr()` to the queryset's items when the expected values were " +
    "strings; Django 3.2 deprecated that and 4.1 removed it. `self.assertQuerysetEqual(qs, [...])` (or " +
    "`assertQuerySetEqual`) without a transform, whose expected values are a literal list or tuple of model reprs " +
    "(strings written `<...>`), gets `transform=repr`. Lists of other strings are reported (they may be meant for " +
    "`values_list(flat=True)` results), as are querysets built with `values_list`.",
  docs: DOCS,
  needles: METHODS,
  create(ctx) {
    return {
      module() {
        for (const method of METHODS) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (attribute.childForFieldName("object")?.text !== "self") continue;
            const call = attribute.parent;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== attribute.id) continue;
            const args = callArgs(call);
            if (!args || args.listSplat || args.dictSplat || args.keywords.has("transform")) continue;
            const values = args.positional[1] ?? args.keywords.get("values")?.childForFieldName("value");
            const qs = args.positional[0] ?? args.keywords.get("qs")?.childForFieldName("value");
            if (!values || !qs || args.positional.length > 2) continue;
            if (values.type !== "list" && values.type !== "tuple") continue;
            const items = values.namedChildren.filter((c) => c !== null && c.type !== "comment");
            const strings = items.map((c) => stringValue(c!));
            if (items.length === 0 || strings.some((s) => s === undefined)) continue;
            // A flat values_list yields the strings themselves: nothing relied on repr().
            if (qs.text.includes("values_list")) continue;
            const reprs = strings.every((s) => s!.startsWith("<") && s!.endsWith(">"));
            if (!reprs || ctx.facts.resolveName("repr", call).scope !== null) {
              ctx.report(call, `${method}() no longer applies repr() to the items since Django 4.1 (deprecated in 3.2); if these strings are reprs, add transform=repr by hand; see ${DOCS}`);
              continue;
            }
            ctx.fix("transform=repr made explicit", insertArgument(ctx.source, args, args.args.length, "transform=repr", ctx.newline));
          }
        }
      },
    };
  },
});
