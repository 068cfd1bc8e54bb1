// django/model-field-choices: since Django 5.0 a field's choices= accepts a Choices enumeration
// class itself, so `choices=Status.choices` can drop its `.choices`. Only done when `Status`
// resolves to a top-level class of the same file, defined before the call, whose base is Django's
// TextChoices, IntegerChoices or Choices (resolved through the imports, not by spelling).
import { callOf } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const BASES = new Set(
  ["django.db.models", "django.db.models.enums", "django.contrib.gis.db.models"].flatMap((m) =>
    ["TextChoices", "IntegerChoices", "Choices"].map((n) => `${m}.${n}`),
  ),
);

/** The callee's last name ends with `Field`: `CharField(...)`, `models.IntegerField(...)`. */
function isFieldCall(call: Node): boolean {
  const callee = call.childForFieldName("function");
  const name = callee?.type === "attribute" ? callee.childForFieldName("attribute") : callee;
  return name?.type === "identifier" && /Field$/.test(name.text);
}

/** Whether `name` at `site` is a top-level Django choices class defined before `site`. */
function isChoicesClass(ctx: RuleContext, name: Node, site: Node): boolean {
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.scope?.type !== "module" || resolution.uncertain || resolution.bindings.length !== 1) return false;
  const binding = resolution.bindings[0]!;
  if (binding.star) return false;
  const cls = binding.node.parent;
  if (cls?.type !== "class_definition" || cls.childForFieldName("name")?.id !== binding.node.id) return false;
  if (cls.parent?.type !== "module" || cls.endIndex > site.startIndex) return false;
  const bases = cls.childForFieldName("superclasses");
  if (!bases) return false;
  return bases.namedChildren.some((base) => {
    if (!base || (base.type !== "identifier" && base.type !== "attribute")) return false;
    const qualified = ctx.facts.qualifiedName(base);
    return qualified !== undefined && BASES.has(qualified);
  });
}

export default defineRule({
  id: "django/model-field-choices",
  aliases: ["model_field_choices"],
  framework: "django",
  since: "5.0",
  summary: "choices=Enum.choices in a field call becomes choices=Enum",
  description:
    "Django 5.0 lets a field's `choices` take a `TextChoices`/`IntegerChoices`/`Choices` enumeration class " +
    "directly, so the `.choices` attribute no longer needs spelling out. In models files, `choices=X.choices` passed " +
    "to a call of something named `...Field` becomes `choices=X` when `X` is a class defined at the top level of the " +
    "same file, above the call, whose base is one of Django's choices classes (found through the file's imports). " +
    "Enumerations imported from elsewhere, defined later or nested, and `module.X.choices` are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#models",
  needles: ["choices"],
  // Both a `.choices` attribute and a Choices base class must be written somewhere.
  precheck: (text) => /\.[\s\\]*choices\b/.test(text) && text.includes("Choices"),
  files: "models",
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("choices")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object");
          if (object?.type !== "identifier") continue;
          const keyword = attribute.parent;
          if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("value")?.id !== attribute.id) continue;
          if (keyword.childForFieldName("name")?.text !== "choices") continue;
          const call = keyword.parent?.parent;
          if (keyword.parent?.type !== "argument_list" || call?.type !== "call" || !isFieldCall(call)) continue;
          if (callOf(attribute)) continue;
          // Nothing but the dot and the name (no comment) goes.
          if (!/^[\s\\]*\.[\s\\]*choices$/.test(ctx.source.slice(object.endIndex, attribute.endIndex))) continue;
          if (!isChoicesClass(ctx, object, call)) continue;
          ctx.fix(`choices=${object.text}.choices → choices=${object.text}`, [
            { start: object.endIndex, end: attribute.endIndex, text: "" },
          ]);
        }
      },
    };
  },
});
