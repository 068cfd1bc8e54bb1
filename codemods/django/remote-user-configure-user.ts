// django/remote-user-configure-user: RemoteUserBackend.configure_user() received the request as a
// new first argument in Django 2.2 (the old signature stopped working in 3.1), and a `created` flag
// in Django 4.1 (required from 5.0; from then on the method runs for every login, not only for new
// users). Overrides in classes deriving from Django's RemoteUserBackend get the parameters the
// target needs; with `created` comes a guard returning the user unchanged when it was not created,
// which keeps the old behavior.
import type { Edit } from "../../src/engine/edits.js";
import { insertArgument } from "../../src/engine/helpers/calls.js";
import { allPlain, insertParameter, mentions, overridesOf, parameterName, superCalls } from "../../src/engine/helpers/overrides.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { targetReaches } from "../../src/target.js";
import { indentAt, lineStart } from "../../src/engine/text.js";

const BACKENDS = new Set(
  ["RemoteUserBackend", "AllowAllUsersRemoteUserBackend"].map((n) => `django.contrib.auth.backends.${n}`),
);

/** The first statement of the body that is not the docstring, when it starts a line of its own. */
function firstStatement(ctx: RuleContext, fn: Node): Node | undefined {
  const body = fn.childForFieldName("body");
  const statements = (body?.namedChildren ?? []).filter((s): s is Node => s !== null && s.type !== "comment");
  let first = statements[0];
  if (first?.type === "expression_statement" && first.namedChild(0)?.type === "string") first = statements[1];
  if (!first) return undefined;
  if (ctx.source.slice(lineStart(ctx.source, first.startIndex), first.startIndex).trim() !== "") return undefined;
  return first;
}

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2";

export default defineRule({
  id: "django/remote-user-configure-user",
  framework: "django",
  since: "2.2",
  summary: "RemoteUserBackend.configure_user(self, user) overrides gain request (2.2) and created=True (4.1)",
  description:
    "Django 2.2 passes the request to `RemoteUserBackend.configure_user()` as its first argument (overrides without it " +
    "stopped working in 3.1), and Django 4.1 adds a `created` argument (required from 5.0, when the method is called for " +
    "every authenticated user instead of only new ones). In a class deriving from Django's `RemoteUserBackend` or " +
    "`AllowAllUsersRemoteUserBackend`, `def configure_user(self, user)` becomes `def configure_user(self, request, user)`; " +
    "for a 4.1+ target the signature also gains `created=True` and the body starts with `if not created: return user`, so " +
    "the method still acts only on new users. `super().configure_user(...)` calls inside it are adjusted alike. Bodies that " +
    "already use the new names, one-line bodies and other shapes are left alone (reported).",
  docs: DOCS,
  needles: ["configure_user"],
  create(ctx) {
    const wantsCreated = targetReaches(ctx.targets, "django", "4.1");
    return {
      module() {
        for (const o of overridesOf(ctx.facts, "configure_user", (q) => BACKENDS.has(q))) {
          const names = o.params.map(parameterName);
          const oldStyle = o.params.length === 2 && allPlain(o.params);
          const hasRequest = o.params.length === 3 && allPlain(o.params) && names[1] === "request";
          if (!oldStyle && !hasRequest) {
            // From 4.1 Django calls configure_user(request, user, created=created): a signature that
            // cannot take that (`(self, user, created=True)`, `(self, req, usr)`) fails at login.
            const open = o.params.some((p) => !["identifier", "default_parameter", "typed_parameter", "typed_default_parameter"].includes(p.type));
            const created = names.indexOf("created");
            if (wantsCreated && !open && (created < 0 || created < 3)) {
              ctx.report(o.fn, `configure_user() is called as configure_user(request, user, created=...) since Django 4.1, which this signature cannot take; left alone: write it as (self, request, user, created=True) by hand; see ${DOCS}`);
            }
            continue;
          }
          const addCreated = wantsCreated;
          if (!oldStyle && !addCreated) continue;
          const leave = (why: string) =>
            ctx.report(o.fn, `configure_user() takes (request, user, created=True) since Django ${addCreated ? "4.1" : "2.2"} but was left alone: ${why}; change the signature by hand; see ${DOCS}`);
          if (oldStyle && mentions(ctx.facts, o.fn, "request")) {
            leave("its body already uses the name request");
            continue;
          }
          if (addCreated && mentions(ctx.facts, o.fn, "created")) {
            leave("its body already uses the name created");
            continue;
          }
          const userParam = o.params[o.params.length - 1]!;
          const edits: Edit[] = [];
          if (oldStyle) edits.push(...insertParameter(ctx.source, o, 1, "request", ctx.newline));
          if (addCreated) {
            edits.push(...insertParameter(ctx.source, o, o.params.length, "created=True", ctx.newline));
            const first = firstStatement(ctx, o.fn);
            if (!first) {
              leave("its body is not on lines of its own");
              continue;
            }
            const indent = indentAt(ctx.source, first.startIndex);
            const unit = indent.slice(indentAt(ctx.source, o.fn.startIndex).length) || "    ";
            const at = lineStart(ctx.source, first.startIndex);
            edits.push({
              start: at, end: at,
              text: `${indent}if not created:${ctx.newline}${indent}${unit}return ${userParam.text}${ctx.newline}`,
            });
          }
          let ok = true;
          for (const s of superCalls(ctx.facts, o.fn, "configure_user")) {
            const expected = oldStyle ? 1 : 2;
            if (!s.args || s.args.args.length !== expected || s.args.positional.length !== expected) {
              ok = false;
              continue;
            }
            if (oldStyle) edits.push(...insertArgument(ctx.source, s.args, 0, "request", ctx.newline));
            if (addCreated) edits.push(...insertArgument(ctx.source, s.args, expected, "created=created", ctx.newline));
          }
          if (!ok) {
            leave("a super().configure_user() call inside it has an unexpected shape");
            continue;
          }
          const signature = addCreated ? "(self, request, user, created=True) with an early return for existing users" : "(self, request, user)";
          ctx.fix(`configure_user → ${signature}`, edits);
        }
      },
    };
  },
});
