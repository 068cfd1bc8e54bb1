// flask/removed-apis: what Flask removed with no mechanical replacement (the review rows of the
// catalog's Flask section), reported where the code uses it; nothing is changed.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { derivesFrom, enclosingClass } from "../../src/engine/helpers/classes.js";
import { isFlaskApp, isFlaskClass } from "../../src/engine/helpers/flask-apps.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { targetReaches } from "../../src/target.js";

const V10 = "https://flask.palletsprojects.com/en/stable/changes/#version-1-0";
const V20 = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0";
const V22 = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";
const V23 = "https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0";

/** Config keys Flask stopped reading, with what to do instead. */
const CONFIG_KEYS: Record<string, { since: string; docs: string; advice: string }> = {
  LOGGER_NAME: { since: "1.0", docs: V10, advice: "Flask 1.0 ignores it: the logger is named after the app; configure logging directly" },
  LOGGER_HANDLER_POLICY: { since: "1.0", docs: V10, advice: "Flask 1.0 ignores it: configure logging handlers directly" },
  ENV: { since: "2.2", docs: V22, advice: "Flask 2.3 removed the ENV key: use DEBUG / `flask --debug` and read app.debug" },
  JSON_AS_ASCII: { since: "2.2", docs: V22, advice: "Flask 2.3 ignores it: set app.json.ensure_ascii in the app factory" },
  JSON_SORT_KEYS: { since: "2.2", docs: V22, advice: "Flask 2.3 ignores it: set app.json.sort_keys in the app factory" },
  JSONIFY_MIMETYPE: { since: "2.2", docs: V22, advice: "Flask 2.3 ignores it: set app.json.mimetype in the app factory" },
  JSONIFY_PRETTYPRINT_REGULAR: { since: "2.2", docs: V22, advice: "Flask 2.3 ignores it: set app.json.compact = not <value> in the app factory" },
};

// The precheck's view of the rule. Config keys are looked for in any file: a removed key as a word
// (`ENV` only as the string "ENV" or the keyword `ENV=`, as the rule reports it). Everything else
// needs an import of flask and one of the names below.
const CONFIG_KEY_TEXT = /\b(?:LOGGER_NAME|LOGGER_HANDLER_POLICY|JSON_AS_ASCII|JSON_SORT_KEYS|JSONIFY_MIMETYPE|JSONIFY_PRETTYPRINT_REGULAR)\b|["']ENV["']|\bENV[\s\\]*=(?!=)/;
const IMPORTS_FLASK_TEXT = /\b(?:from|import)\b(?:[^\n\\]|\\(?:\r\n|[^]))*\bflask\b/;
const FLASK_ONLY_TEXT = /\binit_jinja_globals\b|\berror_handlers\b|\bscript_info\b|\.[\s\\]*env\b|FLASK_ENV|\bis_ip\b|\bjson_available\b|\bsignals_available\b/;

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

function say(ctx: RuleContext, at: Node, message: string, docs: string): void {
  ctx.report(at, `${message}; see ${docs}`);
}

/** `app.config["KEY"]`, `config.update(KEY=...)` / `dict(KEY=...)`, and `KEY = ...` at module or class level. */
function configKeys(ctx: RuleContext): void {
  for (const [key, { since, docs, advice }] of Object.entries(CONFIG_KEYS)) {
    if (!targetReaches(ctx.targets, "flask", since)) continue;
    // String keys: `config["JSON_SORT_KEYS"]`, `{"JSON_SORT_KEYS": ...}`.
    let from = 0;
    for (;;) {
      const at = ctx.source.indexOf(key, from);
      if (at < 0) break;
      from = at + key.length;
      let node: Node | null = ctx.root.descendantForIndex(at, from);
      while (node && node.type !== "string" && node.type !== "module") node = node.parent;
      if (node?.type !== "string" || stringValue(node) !== key) continue;
      const parent = node.parent;
      const isConfigSubscript = parent?.type === "subscript" && /config$/i.test(parent.childForFieldName("value")?.text ?? "");
      const isDictKey = parent?.type === "pair" && parent.childForFieldName("key")?.id === node.id;
      if (isConfigSubscript || isDictKey) say(ctx, node, `${key}: ${advice}`, docs);
    }
    for (const id of ctx.facts.identifiers(key)) {
      const parent = id.parent;
      if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) {
        const callee = parent.parent?.parent?.childForFieldName("function");
        if (callee && /(?:^|\.)(?:update|from_mapping|dict)$/.test(callee.text)) say(ctx, id, `${key}: ${advice}`, docs);
        continue;
      }
      // `JSON_SORT_KEYS = False` in a config module (the flask-config role, read from the file's
      // path and keys) or in a config class; a module-level constant elsewhere is the file's own.
      if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id && parent.parent?.type === "expression_statement") {
        const block = parent.parent.parent;
        const cls = block?.type === "block" && block.parent?.type === "class_definition" ? block.parent : undefined;
        const configModule = ctx.roles.has("flask-config");
        const configClass = cls !== undefined && cls.parent?.type === "module" && (configModule || /Config$/.test(cls.childForFieldName("name")!.text));
        // `ENV` is a common word: only a config module's own settings count.
        const counts = key === "ENV" ? configModule && (block?.type === "module" || configClass) : (block?.type === "module" && configModule) || configClass;
        if (counts) say(ctx, id, `${key}: ${advice}`, docs);
      }
    }
  }
}

/** `"FLASK_ENV"` string literals (`os.environ.get("FLASK_ENV")`, `env["FLASK_ENV"] = ...`). */
function flaskEnvStrings(ctx: RuleContext): void {
  let from = 0;
  for (;;) {
    const at = ctx.source.indexOf("FLASK_ENV", from);
    if (at < 0) break;
    from = at + "FLASK_ENV".length;
    let node: Node | null = ctx.root.descendantForIndex(at, from);
    while (node && node.type !== "string" && node.type !== "module") node = node.parent;
    if (node?.type === "string" && stringValue(node) === "FLASK_ENV") {
      say(ctx, node, "Flask 2.3 ignores FLASK_ENV: set FLASK_DEBUG=1 (or use `flask --debug`) instead", V22);
    }
  }
}

export default defineRule({
  id: "flask/removed-apis",
  kind: "finding",
  framework: "flask",
  since: "1.0",
  summary: "Flask APIs removed without a mechanical replacement are reported (config keys, overrides, app.env, is_ip, ...)",
  description:
    "Reports what Flask removed with no 1:1 rewrite: the `LOGGER_NAME` / `LOGGER_HANDLER_POLICY` keys (1.0), overriding " +
    "`init_jinja_globals` and the `error_handlers` dict (1.0), an app factory taking `script_info` (2.1), `ENV` / " +
    "`FLASK_ENV` / `app.env` (2.3), the JSON config keys `JSON_AS_ASCII`, `JSON_SORT_KEYS`, `JSONIFY_MIMETYPE`, " +
    "`JSONIFY_PRETTYPRINT_REGULAR` (2.3; they move to `app.json` in the factory), and `flask.helpers.is_ip` (3.0). " +
    "Upper-case assignments of these keys count in a config module (the `flask-config` role: a `config.py`/" +
    "`settings.py`-like path or a `*Config` class holding Flask keys) and in `*Config` classes; `ENV = ...` only in a " +
    "config module. Each finding says what to do instead.",
  docs: V10,
  needles: [
    "LOGGER_NAME", "LOGGER_HANDLER_POLICY", "ENV", "FLASK_ENV", "JSON_AS_ASCII", "JSON_SORT_KEYS", "JSONIFY_MIMETYPE",
    "JSONIFY_PRETTYPRINT_REGULAR", "init_jinja_globals", "error_handlers", "script_info", "env", "is_ip",
  ],
  // `env` and `ENV` are common words: the precheck follows what the rule looks at (see there).
  precheck: (text) => CONFIG_KEY_TEXT.test(text) || (IMPORTS_FLASK_TEXT.test(text) && FLASK_ONLY_TEXT.test(text)),
  create(ctx) {
    const reaches = (version: string) => targetReaches(ctx.targets, "flask", version);
    return {
      module() {
        if (!importsFlask(ctx)) {
          // Config modules need not import Flask; only the config keys (and, in a module with the
          // flask-config role, `os.environ["FLASK_ENV"]`) are looked for there.
          configKeys(ctx);
          if (ctx.roles.has("flask-config") && targetReaches(ctx.targets, "flask", "2.2")) flaskEnvStrings(ctx);
          return;
        }
        configKeys(ctx);
        // def init_jinja_globals(self) in a Flask subclass.
        for (const id of ctx.facts.identifiers("init_jinja_globals")) {
          const fn = id.parent;
          if (fn?.type !== "function_definition" || fn.childForFieldName("name")?.id !== id.id) continue;
          const cls = enclosingClass(fn);
          if (cls && derivesFrom(ctx.facts, cls, isFlaskClass)) {
            say(ctx, id, "Flask 1.0 no longer calls init_jinja_globals: override create_jinja_environment, call super() and add the globals to the environment it returns", V10);
          }
        }
        for (const id of ctx.facts.identifiers("error_handlers")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          if (isFlaskApp(ctx.facts, object) || /app$/i.test(object.text)) {
            say(ctx, attribute, "Flask 1.0 removed app.error_handlers: register handlers with @app.errorhandler(code) or app.register_error_handler(code, f)", V10);
          }
        }
        if (reaches("2.0")) {
          for (const id of ctx.facts.identifiers("script_info")) {
            const params = id.parent?.type === "default_parameter" ? id.parent.parent : id.parent;
            if (params?.type !== "parameters") continue;
            say(ctx, id, "Flask 2.1 no longer passes script_info to the app factory: drop the parameter (use click.get_current_context().obj if you need it)", V20);
          }
        }
        if (reaches("2.2")) {
          for (const id of ctx.facts.identifiers("env")) {
            const attribute = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (isFlaskApp(ctx.facts, attribute.childForFieldName("object")!)) {
              say(ctx, attribute, "Flask 2.3 removed app.env: read app.debug (or your own config key) instead", V22);
            }
          }
          flaskEnvStrings(ctx);
        }
        const names: [string, string, string, string][] = [
          ["flask.helpers.is_ip", "2.3", V23, "flask.helpers.is_ip was removed in Flask 3.0: use ipaddress.ip_address(value) in a try/except ValueError"],
        ];
        for (const [qualified, since, docs, message] of names) {
          if (!reaches(since)) continue;
          for (const b of ctx.facts.imports) if (b.qualified === qualified) say(ctx, b.entry, message, docs);
          const word = qualified.slice(qualified.lastIndexOf(".") + 1);
          for (const id of ctx.facts.identifiers(word)) {
            const attribute = id.parent;
            if (attribute?.type === "attribute" && attribute.childForFieldName("attribute")?.id === id.id && ctx.facts.qualifiedName(attribute) === qualified) {
              say(ctx, attribute, message, docs);
            }
          }
        }
      },
    };
  },
});
