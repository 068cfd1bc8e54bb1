// django/jsonfield-encoded-value: Django 4.2 deprecated passing JSON that is already encoded, as a
// string in Value(), to a JSONField and its lookups and aggregates: `Document(data=Value("[]"))`,
// `JSONBAgg("x", default=Value("[]"))`. Until 5.1 such a string was decoded (with a warning); from
// 5.1 on it is a JSON *string*, so Value("null") stores "null" instead of JSON null. The release
// note's replacement is the plain Python value (`data=[]`), or Value(None, JSONField()) for JSON null.
//
// A plain string literal (`data='"x"'`) is not this deprecation: Django always stored it as a JSON
// string and still does, so it is not reported. Reported are Value(<string literal that parses as
// JSON>) calls without an output_field, passed
//   - as `default=` to the postgres JSONBAgg aggregate (its output is JSON), or
//   - as `field=` / `field__exact=` to a model's constructor, or to objects.filter/exclude/get/create/
//     update/get_or_create/update_or_create (also down a queryset chain), where the model is a class
//     of this file, or of a project module it imports, declaring `field = JSONField(...)`.
// Anything whose field cannot be known is left alone.
import { Facts } from "../../src/engine/facts.js";
import { parse, type Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { calledQualified } from "../../src/engine/helpers/bound-value.js";
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { stringValue } from "../../src/engine/helpers/findings.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2";
const JSON_FIELDS = new Set([
  "django.db.models.JSONField", "django.db.models.fields.json.JSONField",
  "django.contrib.postgres.fields.JSONField", "django.contrib.postgres.fields.jsonb.JSONField",
]);
const VALUE = ["django.db.models.Value", "django.db.models.expressions.Value"];
const JSONB_AGG = new Set(["django.contrib.postgres.aggregates.JSONBAgg", "django.contrib.postgres.aggregates.general.JSONBAgg"]);
/** Methods whose keywords are lookups (`field__exact` means the field too). */
const LOOKUP_METHODS = new Set(["filter", "exclude", "get", "aget", "get_or_create", "aget_or_create", "update_or_create", "aupdate_or_create"]);
/** Methods whose keywords are field values. */
const VALUE_METHODS = new Set(["create", "acreate", "update", "aupdate"]);
/** Queryset methods a chain may go through between the manager and the call. */
const CHAIN = new Set(["all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "using", "only", "defer", "distinct"]);
const MANAGERS = new Set(["objects", "_default_manager", "_base_manager"]);

/** The text of a plain string literal, with the simple escapes decoded; undefined when unsure. */
function literalText(node: Node): string | undefined {
  const raw = stringValue(node);
  if (raw === undefined) return undefined;
  const prefix = node.child(0)?.text ?? "";
  if (/[bB]/.test(prefix)) return undefined;
  if (/[rR]/.test(prefix) || !raw.includes("\\")) return raw;
  if (/\\[^"'\\]/.test(raw)) return undefined;
  return raw.replace(/\\(["'\\])/g, "$1");
}

/** `Value("<JSON text>")` without an output_field: the decoded JSON, else undefined. */
function encodedJson(facts: Facts, call: Node): { value: unknown } | undefined {
  const args = callArgs(call);
  if (!args || args.positional.length !== 1 || args.args.length !== 1) return undefined;
  const arg = args.positional[0]!;
  if (arg.type !== "string") return undefined;
  const text = literalText(arg);
  if (text === undefined || text.trim() === "") return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** A Python spelling of a decoded JSON value, for the message. */
function python(value: unknown): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(python).join(", ")}]`;
  return `{${Object.entries(value as object).map(([k, v]) => `${JSON.stringify(k)}: ${python(v)}`).join(", ")}}`;
}

/** Names assigned `JSONField(...)` in the class body, and in the bodies of its bases defined in the same file. */
function jsonFieldsOf(facts: Facts, cls: Node, depth = 0): Set<string> {
  const fields = new Set<string>();
  if (depth > 8) return fields;
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement?.type === "expression_statement" ? statement.namedChild(0) : undefined;
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type === "identifier" && right && JSON_FIELDS.has(calledQualified(facts, right) ?? "")) fields.add(left.text);
  }
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (base?.type !== "identifier") continue;
    const local = topLevelClass(facts, base);
    if (local && local.id !== cls.id) for (const f of jsonFieldsOf(facts, local, depth + 1)) fields.add(f);
  }
  return fields;
}

/** The top-level class a name means, when exactly one `class` statement of this file binds it. */
function topLevelClass(facts: Facts, name: Node): Node | undefined {
  const resolution = facts.resolveName(name.text, name);
  if (resolution.scope?.type !== "module" || resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star) return undefined;
  const cls = resolution.bindings[0]!.node.parent;
  return cls?.type === "class_definition" && cls.parent?.type === "module" ? cls : undefined;
}

/** The JSON fields of the model a name stands for: a class of this file, or of a project module it imports. */
function modelJsonFields(ctx: RuleContext, name: Node, cache: Map<string, Set<string>>): Set<string> {
  const local = topLevelClass(ctx.facts, name);
  if (local) return jsonFieldsOf(ctx.facts, local);
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star || !ctx.project) return new Set();
  const bound = resolution.bindings[0]!.node;
  let statement: Node | null = bound.parent;
  while (statement && statement.type !== "import_from_statement" && statement.type !== "module") statement = statement.parent;
  if (statement?.type !== "import_from_statement") return new Set();
  const entry = bound.parent?.type === "aliased_import" ? bound.parent : bound.parent?.type === "dotted_name" ? bound.parent : undefined;
  const imported = entry?.type === "aliased_import" ? entry.childForFieldName("name")?.text : entry?.text;
  const spec = statement.childForFieldName("module_name")?.text.replace(/\s+/g, "");
  if (!imported || imported.includes(".") || !spec || spec.startsWith("django")) return new Set();
  const key = `${spec}:${imported}`;
  const known = cache.get(key);
  if (known) return known;
  let fields = new Set<string>();
  const other = ctx.project.module(spec);
  if (other && other.source.includes("JSONField") && other.summary.bound.get(imported) === null) {
    const tree = parse(other.source);
    try {
      if (!tree.rootNode.hasError) {
        const facts = new Facts(other.source, tree.rootNode);
        const classes = tree.rootNode.namedChildren.filter((c) => c?.type === "class_definition" && c.childForFieldName("name")?.text === imported);
        if (classes.length === 1) fields = jsonFieldsOf(facts, classes[0]!);
      }
    } finally {
      tree.delete();
    }
  }
  cache.set(key, fields);
  return fields;
}

/** For a call taking field keywords: the model name node and whether keywords are lookups. */
function modelOfCall(call: Node): { model: Node; lookups: boolean } | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") return { model: callee, lookups: false };
  if (callee?.type !== "attribute") return undefined;
  const method = callee.childForFieldName("attribute")!.text;
  const lookups = LOOKUP_METHODS.has(method);
  if (!lookups && !VALUE_METHODS.has(method)) return undefined;
  let object = callee.childForFieldName("object");
  // Down the chain: Model.objects.filter(...).exclude(...).update(...)
  while (object?.type === "call") {
    const inner = object.childForFieldName("function");
    if (inner?.type !== "attribute" || !CHAIN.has(inner.childForFieldName("attribute")!.text)) return undefined;
    object = inner.childForFieldName("object");
  }
  if (object?.type !== "attribute" || !MANAGERS.has(object.childForFieldName("attribute")!.text)) return undefined;
  const model = object.childForFieldName("object");
  return model?.type === "identifier" ? { model, lookups } : undefined;
}

export default defineRule({
  id: "django/jsonfield-encoded-value",
  framework: "django",
  since: "4.2",
  kind: "finding",
  summary: "warns about Value(\"<JSON text>\") passed to a JSONField (deprecated in Django 4.2; a JSON string from 5.1)",
  description:
    "Django 4.2 deprecated passing already-encoded JSON in `Value()` to a `JSONField` and its lookups and aggregates; from " +
    "Django 5.1 the string is stored as a JSON string (`Value(\"null\")` is the string \"null\", not JSON null). " +
    "`Value(\"<text that parses as JSON>\")` without an `output_field` is reported as `JSONBAgg(..., default=...)` and as a " +
    "keyword for a `JSONField` of a model this file or a project module it imports declares (constructor, " +
    "`objects.filter/exclude/get/create/update/get_or_create/update_or_create`, `field__exact`): pass the Python value, or " +
    "`Value(None, JSONField())` for JSON null. Plain string literals are not this deprecation (they were always JSON strings).",
  docs: DOCS,
  needles: ["Value"],
  // A Value( call whose first argument is a string literal that may hold JSON.
  precheck: (text) => /\bValue\s*\(\s*[rRuU]?(?:"|')[\s\\]*(?:[[{"'\d-]|null|true|false)/.test(text),
  create(ctx) {
    return {
      module() {
        const cache = new Map<string, Set<string>>();
        for (const { call } of callsTo(ctx.facts, VALUE)) {
          const decoded = encodedJson(ctx.facts, call);
          if (!decoded) continue;
          const keyword = call.parent;
          if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("value")?.id !== call.id) continue;
          const outer = keyword.parent?.parent;
          if (keyword.parent?.type !== "argument_list" || outer?.type !== "call") continue;
          const name = keyword.childForFieldName("name")!.text;
          let where: string | undefined;
          if (name === "default" && JSONB_AGG.has(calledQualified(ctx.facts, outer) ?? "")) where = "JSONBAgg(default=...)";
          else {
            const found = modelOfCall(outer);
            if (!found) continue;
            const field = found.lookups ? name.replace(/__exact$/, "") : name;
            if (field.includes("__") || !modelJsonFields(ctx, found.model, cache).has(field)) continue;
            where = `the JSONField ${found.model.text}.${field}`;
          }
          const instead = decoded.value === null ? "Value(None, JSONField()) for JSON null (None alone means SQL NULL)" : `the Python value, ${python(decoded.value)}`;
          ctx.report(call, `passing encoded JSON in Value() to ${where} is deprecated since Django 4.2 (from 5.1 it is stored as a JSON string): pass ${instead}; see ${DOCS}`);
        }
      },
    };
  },
});
