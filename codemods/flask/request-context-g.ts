// flask/request-context-g: `RequestContext.g` was a shortcut to the app context's `g`; Flask 2.1
// deprecated it and Flask 2.2 removed it. While the request context is pushed, `flask.g` is that
// very object, so `ctx.g` becomes `g` inside `with app.test_request_context() as ctx:` (or
// `app.request_context(environ)`), in the body's own scope: a function defined there may run
// after the block, when the context is gone. Other `.g` reads of a request context are reported.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { isFlaskApp } from "../../src/engine/helpers/flask-apps.js";
import { fromImportAt } from "../../src/engine/helpers/from-import.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-1-0";
const CONTEXT_METHODS = new Set(["test_request_context", "request_context"]);

/**
 * Cheap text test: some name bound by `as name` or by `name = ….request_context(…)` is read as
 * `name.g`. Every shape the rule fixes or reports has such a binding (see bindingOf).
 */
function mayReadContextG(text: string): boolean {
  if (!text.includes("flask")) return false;
  const names = new Set<string>();
  for (const m of text.matchAll(/\bas[\s\\]+([A-Za-z_]\w*)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)[ \t]*=[^=\r\n][^\r\n]*request_context/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)[\s\\]*\.[\s\\]*g\b/g)) if (names.has(m[1]!)) return true;
  return false;
}

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

/** True when `value` is `app.test_request_context(...)` / `app.request_context(...)` on a Flask app. */
function makesRequestContext(ctx: RuleContext, value: Node | null): boolean {
  if (value?.type !== "call") return false;
  const callee = value.childForFieldName("function");
  if (callee?.type !== "attribute") return false;
  const method = callee.childForFieldName("attribute")!.text;
  if (!CONTEXT_METHODS.has(method)) return false;
  const app = callee.childForFieldName("object")!;
  if (isFlaskApp(ctx.facts, app)) return true;
  // `test_request_context` is Flask's own name (Quart's is used with `async with`, in files that
  // do not import Flask); `request_context` is too common a word to go on without the app.
  return method === "test_request_context" && importsFlask(ctx);
}

/** How the name `object` was bound: by `with <request context> as name:`, by `name = <request context>`, or otherwise. */
function bindingOf(ctx: RuleContext, object: Node): { kind: "with"; statement: Node } | { kind: "assigned" } | undefined {
  const resolution = ctx.facts.resolveName(object.text, object);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star) return undefined;
  const bound = resolution.bindings[0]!.node;
  const target = bound.parent;
  if (target?.type === "as_pattern_target") {
    const pattern = target.parent;
    const item = pattern?.parent;
    const statement = item?.parent?.parent;
    if (pattern?.type !== "as_pattern" || item?.type !== "with_item" || statement?.type !== "with_statement") return undefined;
    if (statement.children.some((c) => c?.type === "async")) return undefined;
    return makesRequestContext(ctx, pattern.namedChild(0)) ? { kind: "with", statement } : undefined;
  }
  if (target?.type === "assignment" && target.childForFieldName("left")?.id === bound.id) {
    return makesRequestContext(ctx, target.childForFieldName("right")) ? { kind: "assigned" } : undefined;
  }
  return undefined;
}

function isWritten(attribute: Node): boolean {
  const parent = attribute.parent;
  if (!parent) return false;
  if ((parent.type === "assignment" || parent.type === "augmented_assignment") && parent.childForFieldName("left")?.id === attribute.id) return true;
  return parent.type === "delete_statement" || parent.type === "pattern_list" || parent.type === "tuple_pattern";
}

function inside(node: Node, ancestor: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n.id === ancestor.id) return true;
  return false;
}

export default defineRule({
  id: "flask/request-context-g",
  framework: "flask",
  since: "1.0",
  summary: "ctx.g becomes g inside `with app.test_request_context() as ctx:`",
  description:
    "Flask 2.1 deprecated `RequestContext.g` and Flask 2.2 removed it; it was the app context's `g`, which is what " +
    "`flask.g` is while the request context is pushed. Inside `with app.test_request_context(...) as ctx:` or " +
    "`with app.request_context(environ) as ctx:` (at the block's own level, not in a function defined there), " +
    "`ctx.g` becomes `g`, and `from flask import g` is added when `g` is free. `ctx.g` on a request context used " +
    "outside such a block, assignments to `ctx.g`, and blocks where `g` means something else are reported.",
  docs: DOCS,
  needles: ["test_request_context", "request_context"],
  precheck: mayReadContextG,
  create(ctx) {
    return {
      module() {
        const uses: Node[] = [];
        for (const id of ctx.facts.identifiers("g")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          if (object.type !== "identifier") continue;
          const binding = bindingOf(ctx, object);
          if (!binding) continue;
          const safe =
            binding.kind === "with" &&
            !isWritten(attribute) &&
            inside(attribute, binding.statement.childForFieldName("body")!) &&
            enclosingScope(attribute).id === enclosingScope(binding.statement).id;
          if (safe) uses.push(attribute);
          else ctx.report(attribute, `Flask 2.2 removed RequestContext.g: use flask.g (or the app context's g) while the context is pushed (${DOCS})`);
        }
        if (uses.length === 0) return;
        const importEdits = fromImportAt(ctx.facts, ctx.source, ctx.newline, "flask", "g", uses);
        if (!importEdits) {
          for (const use of uses) ctx.report(use, `Flask 2.2 removed RequestContext.g: use flask.g; left alone because \`g\` means something else here (${DOCS})`);
          return;
        }
        const edits: Edit[] = uses.map((use) => ({ start: use.startIndex, end: use.endIndex, text: "g" }));
        ctx.fix(`${uses[0]!.text} → g`, [...edits, ...importEdits]);
      },
    };
  },
});
