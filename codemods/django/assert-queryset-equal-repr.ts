// django/assert-queryset-equal-repr: Django 3.2 deprecated assertQuerysetEqual()'s implicit repr()
// of the queryset's items when compared with strings (removed in 4.1). A call whose expected values
// are a literal list of model reprs (`["<Book: Dune>"]`) relies on it for sure and gets
// `transform=repr`; lists of other strings may be compared with string items and are reported.
import { callArgs, insertArgument } from "../../src/engine/helpers/calls.js";
import { definesInHierarchy, derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const METHODS = ["assertQuerysetEqual", "assertQuerySetEqual"];

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2";

/** The class whose method holds `node`, if `node` sits in a method. */
function methodClass(node: Node): Node | undefined {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  return fn ? enclosingClass(fn) : undefined;
}

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
    "`values_list(flat=True)` results), as are querysets built with `values_list`. Calls in classes that define their own " +
    "`assertQuerysetEqual` (or in a same-file base), in plain `unittest.TestCase` subclasses, or outside a method are left alone.",
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
            // A class that writes its own assertQuerysetEqual (or a plain unittest.TestCase, which
            // has none) does not run Django's, and may not take transform=.
            const cls = methodClass(call);
            if (!cls || definesInHierarchy(ctx.facts, cls, METHODS)) continue;
            if (derivesFrom(ctx.facts, cls, (q) => q.startsWith("unittest.")) && !derivesFrom(ctx.facts, cls, (q) => q.startsWith("django."))) continue;
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
