// django/field-cache-name: Django 5.1 deprecated FieldCacheMixin.get_cache_name() in favour of the
// cache_name cached property (removed in 6.0). An override in the plain shape (`def
// get_cache_name(self):`, undecorated, in a class deriving from a Django related field) becomes a
// `cache_name` property, with its `super().get_cache_name()` calls read as `super().cache_name`.
// Other overrides, and calls of get_cache_name() elsewhere (on objects whose class this file cannot
// know), are reported.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { overridesOf, superCalls, type Override } from "../../src/engine/helpers/overrides.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { indentAt } from "../../src/engine/text.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1";
const RELATED = ["ForeignObject", "ForeignKey", "OneToOneField", "ManyToManyField"];
const BASES = new Set([
  "django.db.models.fields.mixins.FieldCacheMixin",
  ...["django.db.models", "django.db.models.fields.related"].flatMap((m) => RELATED.map((n) => `${m}.${n}`)),
  "django.contrib.contenttypes.fields.GenericForeignKey",
  "django.contrib.contenttypes.fields.GenericRelation",
]);
const OVERRIDE_MESSAGE = `get_cache_name() is no longer called since Django 6.0 (deprecated in 5.1): turn this override into @cached_property def cache_name(self); see ${DOCS}`;
const CALL_MESSAGE = `get_cache_name() was removed in Django 6.0 (deprecated in 5.1): read the cache_name property instead; see ${DOCS}`;

/** The edits turning a plain override into a `cache_name` property, or undefined when its shape is not plain. */
function asProperty(ctx: RuleContext, o: Override): { edits: Edit[]; supers: Set<number> } | undefined {
  const fn = o.fn;
  if (fn.parent?.type === "decorated_definition" || !fn.text.startsWith("def")) return undefined;
  if (o.params.length !== 1 || o.params[0]!.type !== "identifier") return undefined;
  // The class must not already have a cache_name, and `property` must be the builtin here.
  const body = o.cls.childForFieldName("body")!;
  if (ctx.facts.identifiers("cache_name").some((id) => id.startIndex >= body.startIndex && id.endIndex <= body.endIndex)) return undefined;
  if (ctx.facts.resolveName("property", fn).scope !== null) return undefined;
  const edits: Edit[] = [];
  const supers = new Set<number>();
  for (const { call, args } of superCalls(ctx.facts, fn, "get_cache_name")) {
    if (!args || args.args.length > 0 || args.comments.length > 0) return undefined;
    const attribute = call.childForFieldName("function")!.childForFieldName("attribute")!;
    edits.push({ start: attribute.startIndex, end: call.endIndex, text: "cache_name" });
    supers.add(call.id);
  }
  const name = fn.childForFieldName("name")!;
  edits.push(
    { start: fn.startIndex, end: fn.startIndex, text: `@property${ctx.newline}${indentAt(ctx.source, fn.startIndex)}` },
    { start: name.startIndex, end: name.endIndex, text: "cache_name" },
  );
  return { edits, supers };
}

export default defineRule({
  id: "django/field-cache-name",
  framework: "django",
  since: "5.1",
  summary: "get_cache_name() overrides of related fields become cache_name properties; calls are reported",
  description:
    "Django 5.1 deprecated `FieldCacheMixin.get_cache_name()` in favour of the `cache_name` cached property; Django 6.0 " +
    "removed it, so an override is no longer called. An override in a class deriving from `FieldCacheMixin`, a related " +
    "field (`ForeignKey`, `OneToOneField`, `ManyToManyField`, `ForeignObject`) or `GenericForeignKey`/`GenericRelation`, " +
    "written `def get_cache_name(self):` without decorators, in a class that has no `cache_name` yet, becomes " +
    "`@property def cache_name(self):`, and its `super().get_cache_name()` calls become `super().cache_name`. Other " +
    "overrides, and `.get_cache_name()` calls in files that import from Django, are reported: read `.cache_name` instead " +
    "(the call cannot be rewritten without knowing the object's class).",
  docs: DOCS,
  needles: ["get_cache_name"],
  create(ctx) {
    return {
      module() {
        const rewritten = new Set<number>();
        for (const o of overridesOf(ctx.facts, "get_cache_name", (q) => BASES.has(q))) {
          const plan = asProperty(ctx, o);
          if (!plan) {
            ctx.report(o.fn.childForFieldName("name")!, OVERRIDE_MESSAGE);
            continue;
          }
          for (const id of plan.supers) rewritten.add(id);
          ctx.fix("get_cache_name() override → cache_name property", plan.edits);
        }
        if (!importsDjango(ctx.facts)) return;
        for (const id of ctx.facts.identifiers("get_cache_name")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callOf(attribute);
          if (!call || !callArgs(call) || rewritten.has(call.id)) continue;
          // A call inside an override we report is part of that report.
          const fn = enclosingFunction(call);
          const cls = fn ? enclosingClass(fn) : undefined;
          if (fn?.childForFieldName("name")?.text === "get_cache_name" && cls && derivesFrom(ctx.facts, cls, (q) => BASES.has(q)) && attribute.childForFieldName("object")?.type === "call") continue;
          ctx.report(attribute, CALL_MESSAGE);
        }
      },
    };
  },
});

function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return undefined;
}
