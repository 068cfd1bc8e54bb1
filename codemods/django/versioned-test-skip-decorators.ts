// django/versioned-test-skip-decorators: skip decorators that test `django.VERSION` against a
// release the target has passed are settled: a test that always runs loses the decorator, a test
// that is always skipped is deleted with its decorators.
import type { Edit } from "../../src/engine/edits.js";
import { djangoVersionCheck, removeStatementAndSpacing } from "../../src/engine/helpers/versioned-code.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { ownsItsLines } from "../../src/engine/helpers/statements.js";
import { removeDecoratorLines } from "../../src/engine/helpers/decorators.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

/** Decorators by qualified name: whether a true condition means the test is skipped. */
const DECORATORS = new Map<string, { skipWhenTrue: boolean; pytest: boolean }>([
  ["unittest.skipIf", { skipWhenTrue: true, pytest: false }],
  ["unittest.skipUnless", { skipWhenTrue: false, pytest: false }],
  ["unittest.case.skipIf", { skipWhenTrue: true, pytest: false }],
  ["unittest.case.skipUnless", { skipWhenTrue: false, pytest: false }],
  ["pytest.mark.skipif", { skipWhenTrue: true, pytest: true }],
]);
const DEFINITIONS = new Set(["function_definition", "class_definition"]);

export default defineRule({
  id: "django/versioned-test-skip-decorators",
  aliases: ["versioned_test_skip_decorators"],
  framework: "django",
  since: "1.7",
  summary: "Skip decorators testing django.VERSION settled by the target are removed, or the skipped test is",
  description:
    "`@unittest.skipIf(django.VERSION < (4, 2), \"...\")`, `@unittest.skipUnless(...)` (also `skipIf` / `skipUnless` " +
    "imported from `unittest`) and `@pytest.mark.skipif(..., reason=...)` whose condition is settled by the target " +
    "version: when the test always runs the decorator line is removed; when it is always skipped the whole test " +
    "function or class, with its decorators, is deleted (`pass` is left when it was alone in its block). The " +
    "condition must compare `django.VERSION` (with `django` bound by `import django`) to a tuple of one or two " +
    "integers; unittest decorators must have exactly a condition and a message, pytest's a condition and `reason=`. " +
    "Anything else is left alone.",
  docs: "https://docs.djangoproject.com/en/stable/internals/release-process/#deprecation-policy",
  needles: ["skipIf", "skipUnless", "skipif"],
  precheck: (text) => /VERSION[\s\\]*[<>]/.test(text),
  create(ctx) {
    return {
      module() {
        const target = ctx.targets.django;
        if (!target) return;
        const seen = new Set<number>();
        const words = new Set(["skipIf", "skipUnless", "skipif"]);
        for (const binding of ctx.facts.imports) if (binding.alias && DECORATORS.has(binding.qualified)) words.add(binding.alias);
        for (const word of words) {
          for (const id of ctx.facts.identifiers(word)) {
            const callee = id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id ? id.parent : id;
            const call = callee.parent;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id) continue;
            const decorator = call.parent;
            if (decorator?.type !== "decorator" || seen.has(decorator.id)) continue;
            seen.add(decorator.id);
            const decorated = decorator.parent;
            if (decorated?.type !== "decorated_definition") continue;
            const definition = decorated.childForFieldName("definition");
            if (!definition || !DEFINITIONS.has(definition.type)) continue;
            const qualified = ctx.facts.qualifiedName(callee);
            const spec = qualified === undefined ? undefined : DECORATORS.get(qualified);
            if (!spec) continue;
            const args = callArgs(call);
            if (!args || args.listSplat || args.dictSplat || args.comments.length > 0) continue;
            if (spec.pytest) {
              if (args.positional.length !== 1 || args.args.length !== 2 || !args.keywords.has("reason")) continue;
            } else if (args.positional.length !== 2 || args.args.length !== 2) continue;
            const outcome = djangoVersionCheck(ctx.facts, ctx.source, args.positional[0]!, target);
            if (outcome === undefined) continue;
            const skipped = outcome === spec.skipWhenTrue;
            let edits: Edit[];
            if (skipped) {
              edits = removeStatementAndSpacing(ctx.source, decorated);
            } else {
              if (!ownsItsLines(ctx.source, decorator)) continue;
              edits = [removeDecoratorLines(ctx.source, decorator)];
            }
            ctx.fix(
              skipped
                ? `test always skipped from Django ${target} on: removed`
                : `skip condition never true from Django ${target} on: decorator removed`,
              edits,
            );
          }
        }
      },
    };
  },
});
