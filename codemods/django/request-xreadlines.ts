// django/request-xreadlines: Django 2.0 deprecated HttpRequest.xreadlines() (removed in 3.0); the
// request is iterable itself. `for line in request.xreadlines():` loops over `request`, and other
// `request.xreadlines()` calls become `iter(request)`. Receivers are `request` or `self.request`.
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { isRequestExpression } from "../../src/engine/helpers/django-names.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  id: "django/request-xreadlines",
  framework: "django",
  since: "2.0",
  summary: "request.xreadlines() becomes iteration over the request",
  description:
    "Django 2.0 deprecated `HttpRequest.xreadlines()` and Django 3.0 removed it: a request is iterable. In " +
    "`for line in request.xreadlines():` the call becomes `request`; elsewhere `request.xreadlines()` becomes " +
    "`iter(request)` (when `iter` is the builtin). Receivers are `request` and `self.request`; others are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.0/#features-deprecated-in-2-0",
  needles: ["xreadlines"],
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("xreadlines")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const receiver = attribute.childForFieldName("object");
          if (!isRequestExpression(receiver)) continue;
          const call = callOf(attribute);
          const args = call && callArgs(call);
          if (!call || !args || args.args.length > 0 || args.comments.length > 0) continue;
          const loop = call.parent;
          if ((loop?.type === "for_statement" || loop?.type === "for_in_clause") && loop.childForFieldName("right")?.id === call.id) {
            ctx.fix("request.xreadlines() → request", [{ start: call.startIndex, end: call.endIndex, text: receiver!.text }]);
            continue;
          }
          if (ctx.facts.resolveName("iter", call).scope !== null) continue;
          ctx.fix("request.xreadlines() → iter(request)", [{ start: call.startIndex, end: call.endIndex, text: `iter(${receiver!.text})` }]);
        }
      },
    };
  },
});
