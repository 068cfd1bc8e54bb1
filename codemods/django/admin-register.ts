// django/admin-register: Django 1.7 added the `@admin.register(Model, ...)` class decorator. A
// module-level `admin.site.register(Model, ModelAdmin)` statement that follows the admin class it
// names becomes that decorator on the class, and the statement goes. Only the plain form is
// rewritten: two positional names, the default site of django.contrib's admin module (imported
// unaliased as `admin` before the class), an admin class defined once at module level, and models
// bound before the class. Everything else is reported and left alone.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, importedAt } from "../../src/engine/helpers/calls.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import { removeStatementAndSpacing } from "../../src/engine/helpers/versioned-code.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { lineStart } from "../../src/engine/text.js";
import { enclosingScope } from "../../src/engine/scope.js";

const ADMIN: ReadonlySet<string> = new Set(["django.contrib.admin", "django.contrib.gis.admin"]);
const REGISTER: ReadonlySet<string> = new Set([...ADMIN].map((m) => `${m}.site.register`));

interface Registration {
  statement: Node;
  call: Node;
  /** The registered models: plain names or dotted names (`models.Article`). */
  models: Node[];
  admin: Node;
}

/**
 * The class definition bound by a `class Name` (decorated or not) defined once at module scope,
 * in the same block as `block` (the module, or the body of a top-level `if`), or undefined.
 */
function classIn(ctx: RuleContext, name: string, block: Node): { cls: Node; outer: Node } | undefined {
  const bindings = ctx.facts.table(name).bindings.get(ctx.root.id) ?? [];
  if (bindings.length !== 1 || bindings[0]!.star) return undefined;
  const node = bindings[0]!.node;
  const cls = node.parent;
  if (cls?.type !== "class_definition" || cls.childForFieldName("name")?.id !== node.id) return undefined;
  const outer = cls.parent?.type === "decorated_definition" ? cls.parent : cls;
  if (outer.parent?.id !== block.id) return undefined;
  return { cls, outer };
}

/** A model argument: a name or a dotted name (`models.Article`), giving its first name. */
function modelRoot(node: Node): Node | undefined {
  let current = node;
  while (current.type === "attribute") current = current.childForFieldName("object")!;
  return current.type === "identifier" ? current : undefined;
}

/** The models of `register(models_or_iterable, ...)`: one model, or a list/tuple of them. */
function modelsOf(node: Node): Node[] | undefined {
  const items = node.type === "list" || node.type === "tuple" ? node.namedChildren.filter((c): c is Node => c !== null) : [node];
  if (items.length === 0 || items.some((item) => item.type === "comment" || !modelRoot(item))) return undefined;
  return items;
}

/** True when `node` sits inside a function or lambda (a `global` binding, say). */
function inFunction(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda") return true;
  }
  return false;
}

/** True when every module-level binding of the model name comes before `before` and none is unclear. */
function boundBefore(ctx: RuleContext, model: Node, before: number): boolean {
  const bindings = ctx.facts.table(model.text).bindings.get(ctx.root.id) ?? [];
  if (bindings.length === 0) return false;
  return bindings.every((b) => !b.star && b.node.endIndex <= before && !inFunction(b.node));
}

/**
 * True when code in the class body may need the class's own name while the decorator runs:
 * `admin.register` instantiates the admin class before the name is bound, so `super(Cls, self)`
 * or any other mention of `Cls` in any function of the body (an `__init__` inside an `if`, a
 * helper it calls) would fail with NameError. Any `super()` with arguments counts as well.
 */
function needsOwnName(cls: Node, name: string): boolean {
  const body = cls.childForFieldName("body");
  if (!body) return true;
  for (const node of body.descendantsOfType(["call", "identifier"])) {
    if (!node) continue;
    if (node.type === "identifier") {
      if (node.text === name) return true;
      continue;
    }
    if (node.childForFieldName("function")?.text !== "super") continue;
    const args = node.childForFieldName("arguments");
    if (!args || args.namedChildren.filter((c) => c && c.type !== "comment").length > 0) return true;
  }
  return false;
}

/**
 * Merges overlapping or touching deletions so the fix's edits never collide. A deletion that runs
 * to the end of the file takes the blank lines before it too, so no trailing blank lines are left.
 */
function mergeDeletions(source: string, edits: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end && last.text === "" && e.text === "") last.end = Math.max(last.end, e.end);
    else out.push({ ...e });
  }
  const last = out[out.length - 1];
  if (last && last.text === "" && source.slice(last.end).trim() === "") {
    while (last.start > 0) {
      const previous = lineStart(source, last.start - 1);
      if (source.slice(previous, last.start).trim() !== "") break;
      last.start = previous;
    }
  }
  return out;
}

export default defineRule({
  id: "django/admin-register",
  aliases: ["admin_register"],
  framework: "django",
  since: "1.7",
  style: true,
  summary: "admin.site.register(Model, ModelAdmin) after the admin class becomes @admin.register(Model) on the class",
  description:
    "Django 1.7 added the `@admin.register()` class decorator. A statement `admin.site.register(Model, ModelAdmin)` " +
    "(`admin` imported unaliased from `django.contrib` or `django.contrib.gis`) that follows the admin class it names, " +
    "in the same block (the module, or the body of a top-level `if`), is removed and `@admin.register(Model)` goes " +
    "above the class, above any decorators it has. The model may be a dotted name (`models.Article`) or a list or " +
    "tuple of models, and both arguments may be written as keywords (`model_or_iterable=`, `admin_class=`). Several " +
    "registrations of one admin class merge into one decorator with the models sorted. Models must be bound before " +
    "the class. Other options, custom sites, admin classes defined more than once, imported or in another block, " +
    "registrations before the class, used call results, classes whose body names the class itself (`super(Cls, " +
    "self)` in any method, at any depth: the decorator instantiates the class before its name exists), and files " +
    "that call `unregister` are left as they are. This is a style rewrite: when it declines, nothing is reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.7/#admin-shortcuts-support-time-zones",
  needles: ["register"],
  precheck: (text) => /\badmin\b/.test(text) && /\.[ \t]*register[ \t]*\(/.test(text),
  create(ctx) {
    return {
      module() {
        const registrations = new Map<string, Registration[]>();
        const refused = new Set<string>();
        const found: Registration[] = [];
        for (const id of ctx.facts.identifiers("register")) {
          const callee = id.parent;
          if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callee.parent;
          if (call?.type !== "call" || call.childForFieldName("function")?.id !== callee.id) continue;
          const site = callee.childForFieldName("object");
          if (!site) continue;
          const qualified = ctx.facts.qualifiedName(callee);
          if (qualified === undefined || !REGISTER.has(qualified)) {
            if (/site$/i.test(site.text) && site.text !== "admin.site" && ctx.facts.qualifiedName(site) === undefined) {
              ctx.report(call, "custom admin site: register() left as it is");
            }
            continue;
          }
          const base = site.type === "attribute" ? site.childForFieldName("object") : undefined;
          const binding = base?.type === "identifier" ? ctx.facts.importOf(base) : undefined;
          if (!binding || binding.name !== "admin" || binding.alias !== null || binding.kind !== "from" || site.childForFieldName("attribute")?.text !== "site") {
            ctx.report(call, "admin.site.register() through another name: left as it is");
            continue;
          }
          const statement = call.parent;
          const block = statement?.parent;
          if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1 || !block || enclosingScope(statement).id !== ctx.root.id) {
            ctx.report(call, "admin.site.register() whose result is used or that is not a module-level statement: left as it is");
            continue;
          }
          // register(model_or_iterable, admin_class=None, **options): the models and the admin
          // class, positional or by keyword; options would make Django build another class.
          const args = callArgs(call);
          const keywords = args ? [...args.keywords.keys()] : [];
          const model = args?.positional[0] ?? args?.keywords.get("model_or_iterable")?.childForFieldName("value");
          const admin = args?.positional[1] ?? args?.keywords.get("admin_class")?.childForFieldName("value");
          if (!args || !model || !admin || args.args.length !== 2 || args.listSplat || args.dictSplat || args.comments.length > 0 ||
            keywords.some((k) => k !== "model_or_iterable" && k !== "admin_class") || (args.positional.length === 1 && keywords.includes("model_or_iterable"))) {
            ctx.report(call, "admin.site.register() with options, keywords or other arguments: left as it is");
            if (admin?.type === "identifier") refused.add(admin.text);
            continue;
          }
          const models = modelsOf(model);
          if (!models || admin.type !== "identifier") {
            ctx.report(call, "admin.site.register() with models or admin class that are not plain names: left as it is");
            if (admin.type === "identifier") refused.add(admin.text);
            continue;
          }
          found.push({ statement, call, models, admin });
        }
        if (found.length === 0) return;
        if (ctx.facts.identifiers("unregister").length > 0) {
          for (const r of found) ctx.report(r.call, "the file calls unregister(): admin.site.register() left as it is");
          return;
        }
        for (const r of found) {
          const list = registrations.get(r.admin.text) ?? [];
          list.push(r);
          registrations.set(r.admin.text, list);
        }
        const edits: Edit[] = [];
        const names: string[] = [];
        for (const [name, list] of registrations) {
          const refuse = (message: string) => {
            for (const r of list) ctx.report(r.call, message);
          };
          if (refused.has(name)) {
            refuse(`${name} has another registration that cannot be rewritten: left as it is`);
            continue;
          }
          const block = list[0]!.statement.parent!;
          const found = list.every((r) => r.statement.parent!.id === block.id) ? classIn(ctx, name, block) : undefined;
          if (!found) {
            refuse(`${name} is not a class defined once at module level, in the block of its registration: left as it is`);
            continue;
          }
          const { cls, outer } = found;
          if (list.some((r) => r.statement.startIndex < outer.endIndex)) {
            refuse(`admin.site.register() before the class ${name}: left as it is`);
            continue;
          }
          if (!importedAt(ctx.facts, "admin", outer, ADMIN) || list.some((r) => !importedAt(ctx.facts, "admin", r.statement, ADMIN)) ||
            ctx.facts.imports.some((b) => b.name === "admin" && b.scope.id === ctx.root.id && (b.alias !== null || !ADMIN.has(b.qualified)))) {
            refuse(`admin is not imported from django.contrib before the class ${name}: left as it is`);
            continue;
          }
          if (outer.type === "decorated_definition" && outer.namedChildren.some((d) => d?.type === "decorator" && /\bregister\b/.test(d.text))) {
            refuse(`${name} already has a register decorator: left as it is`);
            continue;
          }
          if (needsOwnName(cls, name)) {
            refuse(`${name} names itself in its body (super() with arguments, say), which the decorator does not allow: left as it is`);
            continue;
          }
          const modelNodes = list.flatMap((r) => r.models);
          const models = modelNodes.map((m) => m.text);
          if (new Set(models).size !== models.length || modelNodes.some((m) => modelRoot(m)!.text === name || !boundBefore(ctx, modelRoot(m)!, outer.startIndex))) {
            refuse(`a model registered with ${name} is not bound once before the class: left as it is`);
            continue;
          }
          models.sort();
          edits.push(insertAbove(ctx.source, outer, [`@admin.register(${models.join(", ")})`], ctx.newline));
          for (const r of list) edits.push(...removeStatementAndSpacing(ctx.source, r.statement));
          names.push(name);
        }
        if (edits.length === 0) return;
        ctx.fix(`admin.site.register(...) → @admin.register(...) on ${names.join(", ")}`, mergeDeletions(ctx.source, edits));
      },
    };
  },
});
