// django/constraint-keyword-arguments: Django 5.0 deprecated positional arguments to BaseConstraint
// (keyword-only from 6.0). `BaseConstraint(name, message)` calls, and `super().__init__(...)` calls
// inside `__init__` of a class deriving from BaseConstraint, name them: name, violation_error_message.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callOf, callsTo, type CallArgs } from "../../src/engine/helpers/calls.js";
import { enclosingClass, reachesFrameworkMethod } from "../../src/engine/helpers/classes.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const NAMES = ["name", "violation_error_message"];
const BASES = new Set(["django.db.models.BaseConstraint", "django.db.models.constraints.BaseConstraint"]);

function nameArguments(ctx: RuleContext, args: CallArgs | undefined): void {
  if (!args || args.positional.length === 0 || args.listSplat || args.positional.length > NAMES.length) return;
  const names = NAMES.slice(0, args.positional.length);
  if (names.some((n) => args.keywords.has(n))) return;
  const edits: Edit[] = args.positional.map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${names[i]}=` }));
  ctx.fix(`BaseConstraint positional arguments → ${names.map((n) => `${n}=`).join(", ")}`, edits);
}

export default defineRule({
  id: "django/constraint-keyword-arguments",
  framework: "django",
  since: "5.0",
  summary: "positional name / violation_error_message of BaseConstraint become keywords",
  description:
    "Django 5.0 deprecated positional arguments to `BaseConstraint`; from Django 6.0 they are keyword-only. Calls of " +
    "`BaseConstraint(...)` (however imported), and `super().__init__(...)` inside the `__init__` of a class deriving " +
    "from it (through the imports or classes of the same file), get `name=` and `violation_error_message=` for their " +
    "positional arguments. `CheckConstraint`, `UniqueConstraint` and `ExclusionConstraint` already take keywords only " +
    "(UniqueConstraint's positional arguments are expressions) and are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  needles: ["BaseConstraint"],
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, BASES)) nameArguments(ctx, callArgs(found.call));
        for (const id of ctx.facts.identifiers("__init__")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          if (object.type !== "call" || object.childForFieldName("function")?.text !== "super") continue;
          const call = callOf(attribute);
          if (!call) continue;
          let fn: Node | null = call.parent;
          while (fn && fn.type !== "function_definition") fn = fn.parent;
          if (!fn || fn.childForFieldName("name")?.text !== "__init__") continue;
          const cls = enclosingClass(fn);
          if (!cls || !reachesFrameworkMethod(ctx.facts, cls, (q) => BASES.has(q), "__init__")) continue;
          nameArguments(ctx, callArgs(call));
        }
      },
    };
  },
});
