// flask/request-globals-class: Flask 0.10 renamed the class behind `g` from
// `request_globals_class` to `app_ctx_globals_class` (g moved from the request to the app
// context), and Flask 1.0 dropped the old name. Setting the old attribute no longer changes `g`,
// silently. The new name exists since 0.10, so the rename is safe for every Flask target.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { isFlaskApp, isFlaskClass } from "../../src/engine/helpers/flask-apps.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-1-0";
const OLD = "request_globals_class";
const NEW = "app_ctx_globals_class";

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

/** True when `node` sits in a method of a class deriving from Flask (so `self` or `cls` is the app). */
function inFlaskSubclass(ctx: RuleContext, node: Node): boolean {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const cls = fn ? enclosingClass(fn) : undefined;
  return cls !== undefined && derivesFrom(ctx.facts, cls, isFlaskClass);
}

export default defineRule({
  id: "flask/request-globals-class",
  framework: "flask",
  since: "1.0",
  summary: "app.request_globals_class becomes app.app_ctx_globals_class",
  description:
    "Flask 0.10 renamed `Flask.request_globals_class` (the class of `g`) to `app_ctx_globals_class` and Flask 1.0 " +
    "removed the old name, so assigning it no longer changes `g`. The attribute is renamed on a known application " +
    "object (a name bound to `Flask(...)` or a subclass, `current_app`, `self` in a Flask subclass) and as a class " +
    "attribute in the body of a Flask subclass. The same attribute on an object that cannot be told to be the " +
    "application, in a file that imports Flask, is reported.",
  docs: DOCS,
  needles: [OLD],
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers(OLD)) {
          const parent = id.parent;
          // `request_globals_class = MyGlobals` in the body of a Flask subclass.
          if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id && parent.parent?.type === "expression_statement") {
            const cls = parent.parent.parent?.parent;
            if (cls?.type === "class_definition" && derivesFrom(ctx.facts, cls, isFlaskClass)) {
              ctx.fix(`${OLD} → ${NEW}`, [{ start: id.startIndex, end: id.endIndex, text: NEW }]);
            }
            continue;
          }
          if (parent?.type !== "attribute" || parent.childForFieldName("attribute")?.id !== id.id) continue;
          const object = parent.childForFieldName("object")!;
          if (isFlaskApp(ctx.facts, object)) {
            ctx.fix(`${OLD} → ${NEW}`, [{ start: id.startIndex, end: id.endIndex, text: NEW }]);
          } else if (importsFlask(ctx) && (inFlaskSubclass(ctx, parent) || /app$/i.test(object.text))) {
            ctx.report(parent, `Flask 1.0 removed ${OLD}: if ${object.text} is the application, use ${object.text}.${NEW} (${DOCS})`);
          }
        }
      },
    };
  },
});
