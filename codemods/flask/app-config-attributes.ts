// flask/app-config-attributes: Flask 2.2 deprecated five application attributes that only mirrored
// config keys, and Flask 2.3 removed them. On an object known to be the application (see
// helpers/flask-apps.ts), writes become config writes, and reads of the two attributes that
// returned the key unchanged become config reads. Reads of the others computed a fallback
// (a timedelta, `debug`, `testing or debug`), and receivers that cannot be told to be an app are
// reported.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { isFlaskApp, isFlaskClass } from "../../src/engine/helpers/flask-apps.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";

/** attribute → config key, and whether a read of the attribute is the key's value unchanged. */
const ATTRIBUTES: Record<string, { key: string; plainRead: boolean; readNote?: string }> = {
  session_cookie_name: { key: "SESSION_COOKIE_NAME", plainRead: true },
  use_x_sendfile: { key: "USE_X_SENDFILE", plainRead: true },
  send_file_max_age_default: { key: "SEND_FILE_MAX_AGE_DEFAULT", plainRead: false, readNote: "the attribute wrapped the value in a timedelta" },
  propagate_exceptions: { key: "PROPAGATE_EXCEPTIONS", plainRead: false, readNote: "the attribute fell back to `app.testing or app.debug` when the key is None" },
  templates_auto_reload: { key: "TEMPLATES_AUTO_RELOAD", plainRead: false, readNote: "the attribute fell back to `app.debug` when the key is None" },
};

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

/** True when the attribute node is the whole target of a plain `=` assignment. */
function isAssigned(attribute: Node): boolean {
  const parent = attribute.parent;
  return parent?.type === "assignment" && parent.childForFieldName("left")?.id === attribute.id;
}

function isOtherWrite(attribute: Node): boolean {
  const parent = attribute.parent;
  if (!parent) return false;
  if (parent.type === "augmented_assignment" && parent.childForFieldName("left")?.id === attribute.id) return true;
  if (parent.type === "delete_statement") return true;
  // Part of a tuple target, or a chained assignment's inner target.
  return parent.type === "pattern_list" || parent.type === "tuple_pattern";
}

export default defineRule({
  id: "flask/app-config-attributes",
  framework: "flask",
  since: "2.2",
  summary: "app.use_x_sendfile / session_cookie_name / ... become app.config[\"USE_X_SENDFILE\"] / ...",
  description:
    "Flask 2.2 deprecated the application attributes `session_cookie_name`, `send_file_max_age_default`, " +
    "`use_x_sendfile`, `propagate_exceptions` and `templates_auto_reload`, and Flask 2.3 removed them. On an " +
    "application object (a name bound to `Flask(...)` or a subclass of it, `current_app`, `self` in a Flask subclass) " +
    "`app.use_x_sendfile = v` becomes `app.config[\"USE_X_SENDFILE\"] = v` (the same for every attribute), and reads of " +
    "`session_cookie_name` and `use_x_sendfile` read the config key. Reads of the other three (they wrapped or " +
    "defaulted the value), class attributes of Flask subclasses, and these attributes on objects not known to be the " +
    "application (in files that import Flask) are reported.",
  docs: DOCS,
  needles: Object.keys(ATTRIBUTES),
  create(ctx) {
    return {
      module() {
        let flaskFile: boolean | undefined;
        for (const [name, { key, plainRead, readNote }] of Object.entries(ATTRIBUTES)) {
          const todo = `use app.config["${key}"]`;
          for (const id of ctx.facts.identifiers(name)) {
            const parent = id.parent;
            // `use_x_sendfile = True` in the body of a Flask subclass: the descriptor it overrode is gone.
            if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id && parent.parent?.type === "expression_statement") {
              const cls = parent.parent.parent?.parent;
              if (cls?.type === "class_definition" && derivesFrom(ctx.facts, cls, isFlaskClass)) {
                ctx.report(id, `Flask 2.3 removed the ${name} attribute: a class attribute no longer sets anything; set ${key} in the config instead (${DOCS})`);
              }
              continue;
            }
            if (parent?.type !== "attribute" || parent.childForFieldName("attribute")?.id !== id.id) continue;
            const object = parent.childForFieldName("object")!;
            if (!isFlaskApp(ctx.facts, object)) {
              flaskFile ??= importsFlask(ctx);
              // Inside a Flask subclass, `self.x` of a method not recognised (a classmethod...) counts too.
              const inFlaskClass = (() => {
                let fn: Node | null = parent.parent;
                while (fn && fn.type !== "function_definition") fn = fn.parent;
                const cls = fn ? enclosingClass(fn) : undefined;
                return cls !== undefined && derivesFrom(ctx.facts, cls, isFlaskClass);
              })();
              if (flaskFile && (isAssigned(parent) || inFlaskClass || /app$/i.test(object.text))) {
                ctx.report(parent, `Flask 2.3 removed the application attribute ${name}: ${todo} (${DOCS})`);
              }
              continue;
            }
            const replacement = `${object.text}.config["${key}"]`;
            if (isAssigned(parent) || (plainRead && !isOtherWrite(parent))) {
              ctx.fix(`${parent.text} → ${replacement}`, [{ start: parent.startIndex, end: parent.endIndex, text: replacement }]);
            } else if (isOtherWrite(parent)) {
              ctx.report(parent, `Flask 2.3 removed the application attribute ${name}: ${todo} (${DOCS})`);
            } else {
              ctx.report(parent, `Flask 2.3 removed the application attribute ${name}: read app.config["${key}"] instead, but ${readNote} (${DOCS})`);
            }
          }
        }
      },
    };
  },
});
