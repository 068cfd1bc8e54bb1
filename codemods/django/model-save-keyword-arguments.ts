// django/model-save-keyword-arguments: Django 5.1 deprecated positional arguments to Model.save()
// and asave() (keyword-only from 6.0). Inside a model class (deriving from Django's Model, through
// the imports or classes of the same file), `super().save(...)`, `super(Cls, self).save(...)` and
// `self.save(...)` calls with positional arguments name them after the old signature:
// force_insert, force_update, using, update_fields. Only where the call reaches Django's own
// method: the bases are Django models (or same-file classes that do not override it), and for
// `self.save(...)` the class does not override it either.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { classMethods, reachesFrameworkMethod } from "../../src/engine/helpers/classes.js";
import type { Facts } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { callArgumentsText } from "../../src/engine/text-scan.js";

const NAMES = ["force_insert", "force_update", "using", "update_fields"];
const MODELS = new Set([
  "django.db.models.Model", "django.db.models.base.Model", "django.contrib.gis.db.models.Model",
  "django.contrib.auth.models.AbstractUser", "django.contrib.auth.models.AbstractBaseUser",
  "django.contrib.auth.base_user.AbstractBaseUser",
]);

const SAVE_CALL = /(?:\bsuper[\s\\]*\([^()]*\)|\bself)[\s\\]*\.[\s\\]*a?save[\s\\]*\(/g;

/** Whether some `super().save(` / `self.save(` call might start with a positional argument. */
function someSaveCallWithPositional(text: string): boolean {
  for (const m of text.matchAll(SAVE_CALL)) {
    const args = callArgumentsText(text, m.index + m[0].length - 1);
    if (args === undefined || (args.length > 0 && !/^[\s\\]*(?:\*|\w+[\s\\]*=(?!=))/.test(args))) return true;
  }
  return false;
}

/** The class whose method body holds `node` (the nearest function's class), if any. */
function methodClass(node: Node): Node | undefined {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const statement = fn?.parent?.type === "decorated_definition" ? fn.parent : fn;
  const cls = statement?.parent?.parent;
  return statement?.parent?.type === "block" && cls?.type === "class_definition" ? cls : undefined;
}

/**
 * True when the class's own save is `def save(self, *args, **kwargs)` and its body uses args and
 * kwargs only to hand them on, unchanged, to `super().save(*args, **kwargs)`: then `self.save(...)`
 * reaches Django's save with the same arguments, and naming them changes nothing on the way.
 */
function passesThrough(facts: Facts, definitions: Node[], method: string): boolean {
  if (definitions.length !== 1) return false;
  const definition = definitions[0]!;
  // A decorator may see or change the arguments on the way.
  const fn = definition.parent?.type === "decorated_definition" ? null : definition;
  const params = fn?.childForFieldName("parameters")?.namedChildren.filter((p): p is Node => p !== null && p.type !== "comment") ?? [];
  if (!fn || params.length !== 3 || params[0]!.type !== "identifier") return false;
  if (params[1]!.type !== "list_splat_pattern" || params[2]!.type !== "dictionary_splat_pattern") return false;
  const args = params[1]!.namedChild(0)?.text;
  const kwargs = params[2]!.namedChild(0)?.text;
  const body = fn.childForFieldName("body")!;
  if (!args || !kwargs) return false;
  const inBody = (name: string) => facts.identifiers(name).filter((id) => id.startIndex >= body.startIndex && id.endIndex <= body.endIndex);
  const forwarded = (id: Node, splat: string): boolean => {
    const holder = id.parent;
    const list = holder?.type === splat ? holder.parent : undefined;
    const call = list?.type === "argument_list" ? list.parent : undefined;
    const callee = call?.type === "call" ? call.childForFieldName("function") : undefined;
    const object = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
    return callee?.childForFieldName("attribute")?.text === method && object?.type === "call" && object.childForFieldName("function")?.text === "super";
  };
  const argUses = inBody(args);
  const kwargUses = inBody(kwargs);
  // Both must reach super().save: a positional argument named here moves from args to kwargs.
  return argUses.length > 0 && kwargUses.length > 0 && argUses.every((id) => forwarded(id, "list_splat")) && kwargUses.every((id) => forwarded(id, "dictionary_splat"));
}

export default defineRule({
  id: "django/model-save-keyword-arguments",
  framework: "django",
  since: "5.1",
  summary: "positional arguments of super().save() / self.save() in models become keywords",
  description:
    "Django 5.1 deprecated passing positional arguments to `Model.save()` and `asave()`; from Django 6.0 they are " +
    "keyword-only. In a class deriving from Django's `Model` (or `AbstractUser`/`AbstractBaseUser`; through the imports " +
    "or classes of the same file), `super().save(...)`, `super(Cls, self).save(...)` and `self.save(...)` calls — and the " +
    "`asave` forms — have their positional arguments named `force_insert=`, `force_update=`, `using=`, `update_fields=`. " +
    "`self.save(...)` in a class with its own `save` counts only when that save hands `*args, **kwargs` unchanged to " +
    "`super().save(*args, **kwargs)`. Other receivers (a form's `save(False)` means commit) and calls with `*args` are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["save", "asave"],
  // Only `super().save(`, `super(...).save(` or `self.save(` calls whose first argument is not a
  // keyword (nor *args), in a file that names one of the model classes: form.save(commit=False)
  // and the like are not parsed for.
  precheck: (text) => /\b(?:Model|AbstractUser|AbstractBaseUser)\b/.test(text) && someSaveCallWithPositional(text),
  create(ctx) {
    return {
      module() {
        for (const method of ["save", "asave"]) {
          for (const id of ctx.facts.identifiers(method)) {
            const attribute = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            const object = attribute.childForFieldName("object")!;
            const isSelf = object.type === "identifier" && object.text === "self";
            const isSuper = object.type === "call" && object.childForFieldName("function")?.text === "super";
            if (!isSelf && !isSuper) continue;
            const call = callOf(attribute);
            const args = call && callArgs(call);
            if (!args || args.positional.length === 0 || args.listSplat || args.positional.length > NAMES.length) continue;
            const names = NAMES.slice(0, args.positional.length);
            if (names.some((n) => args.keywords.has(n))) continue;
            const cls = methodClass(call!);
            // The call must reach Django's own save(), with Django's parameters.
            if (!cls || !reachesFrameworkMethod(ctx.facts, cls, (q) => MODELS.has(q), method)) continue;
            if (isSelf && classMethods(cls).has(method) && !passesThrough(ctx.facts, classMethods(cls).get(method)!, method)) continue;
            const edits: Edit[] = args.positional.map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${names[i]}=` }));
            ctx.fix(`${method}() positional arguments → ${names.map((n) => `${n}=`).join(", ")}`, edits);
          }
        }
      },
    };
  },
});
