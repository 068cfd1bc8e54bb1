// django/mail-mimebase-attachments: Django 6.0 moved django.core.mail to Python's modern email API
// and deprecated passing a legacy email.mime object (MIMEBase and its subclasses: MIMEImage,
// MIMEText, MIMEApplication, ...) to EmailMessage.attach() or in its attachments list; 7.0 removes
// it. The replacement (attach(filename, content, mimetype), or a modern email.message.MIMEPart) is
// built differently, so the call is pointed at.
//
// Known shapes only: the argument is a legacy MIME constructor call, written in the call or bound
// once to a local name in the same scope. The receiver is a Django message built in the same scope
// (or `self` in a Django message subclass), or unknown in a file that imports django.core.mail (the
// finding says so). A receiver the file shows to be something else, such as the standard library's
// MIMEMultipart, whose attach() takes exactly these objects, is never reported.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { calledQualified, soleAssignedValue } from "../../src/engine/helpers/bound-value.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.0/#features-deprecated-in-6-0";
const MIME_MODULES: Record<string, string[]> = {
  base: ["MIMEBase"], nonmultipart: ["MIMENonMultipart"], multipart: ["MIMEMultipart"], text: ["MIMEText"],
  image: ["MIMEImage"], audio: ["MIMEAudio"], application: ["MIMEApplication"], message: ["MIMEMessage"],
};
const LEGACY_MIME = new Set([
  ...Object.entries(MIME_MODULES).flatMap(([module, names]) => names.map((n) => `email.mime.${module}.${n}`)),
  // Django's own legacy subclasses (deprecated themselves in 6.0).
  ...["django.core.mail", "django.core.mail.message"].flatMap((m) => [`${m}.SafeMIMEText`, `${m}.SafeMIMEMultipart`]),
]);
const DJANGO_MESSAGES = new Set(
  ["django.core.mail", "django.core.mail.message"].flatMap((m) => [`${m}.EmailMessage`, `${m}.EmailMultiAlternatives`]),
);

/** A legacy MIME object: a constructor call, or a local name bound once to one. */
function isLegacyMime(facts: import("../../src/engine/facts.js").Facts, node: Node): boolean {
  const value = node.type === "identifier" ? soleAssignedValue(facts, node) : node;
  const qualified = value ? calledQualified(facts, value) : undefined;
  return qualified !== undefined && LEGACY_MIME.has(qualified);
}

type Receiver = "django" | "unknown" | "other";

function receiverKind(facts: import("../../src/engine/facts.js").Facts, node: Node): Receiver {
  if (node.type === "call") {
    const qualified = calledQualified(facts, node);
    return qualified !== undefined && DJANGO_MESSAGES.has(qualified) ? "django" : "other";
  }
  if (node.type !== "identifier") return "unknown";
  const value = soleAssignedValue(facts, node);
  if (value) {
    if (value.type !== "call") return "unknown";
    const qualified = calledQualified(facts, value);
    if (qualified !== undefined && DJANGO_MESSAGES.has(qualified)) return "django";
    // Built here by something else: a MIMEMultipart, a helper of the project, ...
    return "other";
  }
  // `self` in a method of a message class.
  let fn: Node | null = node.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const first = fn?.childForFieldName("parameters")?.namedChildren.find((p) => p !== null && p.type !== "comment");
  const cls = fn ? enclosingClass(fn) : undefined;
  if (cls && first?.type === "identifier" && first.text === node.text) {
    if (derivesFrom(facts, cls, (q) => DJANGO_MESSAGES.has(q))) return "django";
    if (derivesFrom(facts, cls, (q) => LEGACY_MIME.has(q) || q.startsWith("email."))) return "other";
  }
  // Names imported from elsewhere, parameters, attributes: unknown.
  return facts.qualifiedName(node) !== undefined ? "other" : "unknown";
}

export default defineRule({
  id: "django/mail-mimebase-attachments",
  framework: "django",
  since: "6.0",
  kind: "finding",
  summary: "warns about legacy email.mime objects (MIMEImage, MIMEText, ...) passed to EmailMessage.attach() (deprecated in Django 6.0)",
  description:
    "Django 6.0 deprecated passing a legacy `email.mime` object (`MIMEBase` and its subclasses) to `EmailMessage.attach()` or in " +
    "its `attachments` list; Django 7.0 removes it. `message.attach(MIMEImage(...))` (the object built in the call or bound once " +
    "in the same scope) is reported when `message` is a Django `EmailMessage`/`EmailMultiAlternatives` built in the same scope, " +
    "`self` in a subclass of one, or unknown in a file that imports `django.core.mail`; so is `EmailMessage(..., " +
    "attachments=[MIMEImage(...)])`. Receivers the file shows to be something else (the standard library's `MIMEMultipart`, " +
    "whose `attach()` takes these objects) are not reported. Use `attach(filename, content, mimetype)` or a " +
    "`email.message.MIMEPart`.",
  docs: DOCS,
  needles: ["MIME"],
  precheck: (text) => text.includes("attach"),
  create(ctx) {
    return {
      module() {
        const importsMail = ctx.facts.imports.some((b) => b.module === "django.core.mail" || b.module.startsWith("django.core.mail.") || b.qualified === "django.core.mail");
        for (const id of ctx.facts.identifiers("attach")) {
          const callee = id.parent;
          if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callee.parent;
          if (call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id) continue;
          const args = callArgs(call);
          if (!args || args.args.length !== 1 || args.positional.length !== 1) continue;
          if (!isLegacyMime(ctx.facts, args.positional[0]!)) continue;
          const kind = receiverKind(ctx.facts, callee.childForFieldName("object")!);
          if (kind === "other" || (kind === "unknown" && !importsMail)) continue;
          const hedge = kind === "unknown" ? ` (if ${callee.childForFieldName("object")!.text} is a Django EmailMessage; the file does not show what it is)` : "";
          ctx.report(call, `passing a legacy email.mime object to EmailMessage.attach() is deprecated since Django 6.0 (removed in 7.0)${hedge}: call attach(filename, content, mimetype), or pass an email.message.MIMEPart; see ${DOCS}`);
        }
        // EmailMessage(..., attachments=[MIMEImage(...), ...])
        for (const id of ctx.facts.identifiers("attachments")) {
          const keyword = id.parent;
          if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
          const call = keyword.parent?.parent;
          if (call?.type !== "call" || !DJANGO_MESSAGES.has(calledQualified(ctx.facts, call) ?? "")) continue;
          const value = keyword.childForFieldName("value");
          if (value?.type !== "list" && value?.type !== "tuple") continue;
          for (const item of value.namedChildren) {
            if (item && isLegacyMime(ctx.facts, item)) {
              ctx.report(item, `a legacy email.mime object in EmailMessage attachments is deprecated since Django 6.0 (removed in 7.0): list (filename, content, mimetype) tuples or email.message.MIMEPart objects; see ${DOCS}`);
            }
          }
        }
      },
    };
  },
});
