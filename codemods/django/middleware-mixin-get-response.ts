// django/middleware-mixin-get-response: Django 3.1 deprecated creating a MiddlewareMixin without
// its get_response argument and Django 4.0 made it required, so an old-style middleware that
// overrides __init__(self) (or calls super().__init__() bare) fails when Django builds the chain.
// Passing get_response through changes the constructor's signature, so it is pointed at.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { classMethods, derivesFrom } from "../../src/engine/helpers/classes.js";

const MIXIN = "django.utils.deprecation.MiddlewareMixin";
const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";

/** True when the method can take a get_response argument after self (a second parameter, or *args). */
function takesGetResponse(fn: Node): boolean {
  const params = fn.childForFieldName("parameters")?.namedChildren.filter((p): p is Node => p !== null && p.type !== "comment") ?? [];
  return params.length > 1 || params.some((p) => p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern");
}

/** `super().__init__()` / `MiddlewareMixin.__init__(self)` calls in `fn` that pass no get_response. */
function bareSuperInits(fn: Node): Node[] {
  return fn.descendantsOfType("call").filter((call): call is Node => {
    const callee = call?.childForFieldName("function");
    if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "__init__") return false;
    const object = callee.childForFieldName("object")!;
    const args = call!.childForFieldName("arguments")?.namedChildren.filter((a) => a !== null && a.type !== "comment") ?? [];
    const isSuper = object.type === "call" && object.childForFieldName("function")?.text === "super";
    return (isSuper && args.length === 0) || (!isSuper && object.text === "MiddlewareMixin" && args.length === 1);
  });
}

export default defineRule({
  id: "django/middleware-mixin-get-response",
  framework: "django",
  since: "3.1",
  kind: "finding",
  summary: "warns about MiddlewareMixin subclasses whose __init__ takes no get_response (required since Django 4.0)",
  description:
    "Django 3.1 deprecated creating a `MiddlewareMixin` without `get_response`, and Django 4.0 requires it. A " +
    "subclass whose `__init__(self)` takes nothing after `self`, or that calls `super().__init__()` without " +
    "arguments, is reported: define `__init__(self, get_response)` and pass it on with `super().__init__(get_response)`.",
  docs: DOCS,
  needles: ["MiddlewareMixin"],
  precheck: (text) => text.includes("__init__"),
  create(ctx) {
    return {
      module() {
        for (const cls of ctx.root.descendantsOfType("class_definition")) {
          if (!cls || !derivesFrom(ctx.facts, cls, (q) => q === MIXIN)) continue;
          for (const fn of classMethods(cls).get("__init__") ?? []) {
            const name = fn.childForFieldName("name")!;
            if (!takesGetResponse(fn)) {
              ctx.report(name, `${cls.childForFieldName("name")!.text}.__init__ takes no get_response, which MiddlewareMixin requires since Django 4.0: define __init__(self, get_response) and call super().__init__(get_response); see ${DOCS}`);
              continue;
            }
            for (const call of bareSuperInits(fn)) {
              ctx.report(call, `MiddlewareMixin.__init__ needs get_response since Django 4.0: pass it on (super().__init__(get_response)); see ${DOCS}`);
            }
          }
        }
      },
    };
  },
});
