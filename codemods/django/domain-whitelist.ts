// django/domain-whitelist: Django 3.2 renamed EmailValidator.domain_whitelist to domain_allowlist
// (the old attribute stayed as a deprecated property until 4.1). A subclass that sets the old
// class attribute overrides that property and is silently ignored from 3.2 on, so the rename also
// fixes it. The `whitelist=` keyword is django/email-validator's job.
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { isMethodSelf } from "../../src/engine/helpers/methods.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2";
const VALIDATOR = "django.core.validators.EmailValidator";

/** The class a statement or method body is written directly in (through one def for `self`). */
function classOf(node: Node): Node | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === "class_definition") return n;
    if (n.type === "function_definition") return enclosingClass(n);
  }
  return undefined;
}

export default defineRule({
  id: "django/domain-whitelist",
  framework: "django",
  since: "3.2",
  summary: "EmailValidator subclasses: domain_whitelist becomes domain_allowlist",
  description:
    "Django 3.2 renamed `EmailValidator.domain_whitelist` to `domain_allowlist` (the old name was a deprecated property until " +
    "Django 4.1). In a class deriving from `django.core.validators.EmailValidator` (directly or through classes of the same " +
    "file), a `domain_whitelist = ...` class attribute and `self.domain_whitelist` in its methods are renamed. From 3.2 such " +
    "a class attribute was silently ignored, since it only hid the deprecated property. Other `.domain_whitelist` reads in " +
    "files that import EmailValidator are reported.",
  docs: DOCS,
  needles: ["domain_whitelist"],
  create(ctx) {
    return {
      module() {
        const validatorClass = (cls: Node | undefined) => cls !== undefined && derivesFrom(ctx.facts, cls, (q) => q === VALIDATOR);
        for (const id of ctx.facts.identifiers("domain_whitelist")) {
          const parent = id.parent;
          const isClassAttribute =
            parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id &&
            parent.parent?.type === "expression_statement" && parent.parent.parent?.type === "block" &&
            parent.parent.parent.parent?.type === "class_definition";
          if (isClassAttribute && validatorClass(parent!.parent!.parent!.parent!)) {
            ctx.fix("domain_whitelist → domain_allowlist", [{ start: id.startIndex, end: id.endIndex, text: "domain_allowlist" }]);
            continue;
          }
          if (parent?.type !== "attribute" || parent.childForFieldName("attribute")?.id !== id.id) continue;
          const object = parent.childForFieldName("object")!;
          if (object.type === "identifier" && isMethodSelf(ctx.facts, object) && validatorClass(classOf(parent))) {
            ctx.fix("self.domain_whitelist → self.domain_allowlist", [{ start: id.startIndex, end: id.endIndex, text: "domain_allowlist" }]);
            continue;
          }
          if (ctx.facts.imports.some((b) => b.qualified === VALIDATOR || b.qualified === "django.core.validators")) {
            ctx.report(parent, `EmailValidator.domain_whitelist was renamed domain_allowlist in Django 3.2 and removed in 4.1: use domain_allowlist (${DOCS})`);
          }
        }
      },
    };
  },
});
