// flask/before-first-request: Flask 2.2 deprecated the first-request hooks and Flask 2.3 removed
// them, together with `app.got_first_request` (3.0). There is no hook to convert them into: the
// setup belongs in the application factory. The catalog's safe shape (F28, M*) is rewritten: in an
// app factory (the flask-app role), a function without parameters decorated with
// `@app.before_first_request`, where `app = Flask(...)` is the factory's own and the factory ends
// with `return app`, loses the decorator and is called under `with app.app_context():` just before
// that return, once everything else in the factory has run, as the first request would have found
// it. A body that needs a request (`request`, `session`, `url_for`, ...) keeps the finding, as does
// every other registration.
import type { Edit } from "../../src/engine/edits.js";
import { isFlaskApp } from "../../src/engine/helpers/flask-apps.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { indentAt, lineStart } from "../../src/engine/text.js";
import { targetReaches } from "../../src/target.js";

/** Names that need a request context, which a first-request hook had and app_context() has not. */
const NEEDS_REQUEST = new Set([
  "request", "session", "url_for", "flash", "get_flashed_messages", "redirect", "make_response", "after_this_request",
  "copy_current_request_context", "has_request_context", "stream_with_context", "_request_ctx_stack", "request_ctx",
]);

/** The factory function whose body holds `statement` directly, with its `return <app>` last statement. */
function factoryOf(statement: Node, appName: string): { factory: Node; returned: Node } | undefined {
  const block = statement.parent;
  const factory = block?.parent;
  if (block?.type !== "block" || factory?.type !== "function_definition") return undefined;
  const last = block.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment").at(-1);
  const value = last?.type === "return_statement" ? last.namedChildren[0] : undefined;
  if (!last || value?.type !== "identifier" || value.text !== appName) return undefined;
  return { factory, returned: last };
}

/** The edits for a hook in the safe shape, or undefined. */
function inFactory(ctx: RuleContext, attribute: Node, indentUnit: (fn: Node) => string): { edits: Edit[]; name: string } | undefined {
  const decorator = attribute.parent;
  const decorated = decorator?.parent;
  if (decorator?.type !== "decorator" || decorated?.type !== "decorated_definition") return undefined;
  const decorators = decorated.namedChildren.filter((c) => c?.type === "decorator");
  const fn = decorated.childForFieldName("definition");
  if (decorators.length !== 1 || fn?.type !== "function_definition" || /^\s*async\b/.test(fn.text)) return undefined;
  // Only blank space between the decorator and the def (a comment there would go with the line).
  if (ctx.source.slice(decorator.endIndex, fn.startIndex).trim() !== "") return undefined;
  if ((fn.childForFieldName("parameters")?.namedChildren.length ?? 1) !== 0) return undefined;
  const app = attribute.childForFieldName("object")!;
  if (app.type !== "identifier" || !isFlaskApp(ctx.facts, app)) return undefined;
  const shape = factoryOf(decorated, app.text);
  if (!shape) return undefined;
  // The app is the factory's own local, and the returned name is that same binding.
  const resolution = ctx.facts.resolveName(app.text, app);
  if (resolution.scope?.id !== shape.factory.id) return undefined;
  const returned = ctx.facts.resolveName(app.text, shape.returned.namedChildren[0]!);
  if (returned.scope?.id !== shape.factory.id || returned.bindings.length !== resolution.bindings.length) return undefined;
  const body = fn.childForFieldName("body")!;
  for (const word of NEEDS_REQUEST) if (new RegExp(`\\b${word}\\b`).test(body.text)) return undefined;
  const name = fn.childForFieldName("name")!.text;
  const indent = indentAt(ctx.source, shape.returned.startIndex);
  const unit = indentUnit(fn);
  const from = lineStart(ctx.source, decorator.startIndex);
  const nl = ctx.newline;
  return {
    name,
    edits: [
      { start: from, end: fn.startIndex, text: ctx.source.slice(from, decorator.startIndex) },
      { start: shape.returned.startIndex, end: shape.returned.startIndex, text: `with ${app.text}.app_context():${nl}${indent}${unit}${name}()${nl}${indent}` },
    ],
  };
}

const DOCS_22 = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";
const DOCS_23 = "https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0";

const HOOKS: Record<string, { since: string; message: string; docs: string }> = {
  before_first_request: {
    since: "2.2", docs: DOCS_22,
    message: "app.before_first_request was removed in Flask 2.3: run this setup once while creating the app (in the factory, under `with app.app_context():`)",
  },
  before_app_first_request: {
    since: "2.2", docs: DOCS_22,
    message: "Blueprint.before_app_first_request was removed in Flask 2.3: run this setup once where the app is created (e.g. a function the factory calls after register_blueprint)",
  },
  got_first_request: {
    since: "2.3", docs: DOCS_23,
    message: "app.got_first_request was removed in Flask 3.0 and has no replacement: track the state yourself if you need it",
  },
};

function importsFlask(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((b) => b.module === "flask" || b.module.startsWith("flask."));
}

export default defineRule({
  id: "flask/before-first-request",
  framework: "flask",
  since: "2.2",
  summary: "@app.before_first_request in an app factory becomes a call under app.app_context() before `return app`; other first-request hooks are reported",
  description:
    "Flask 2.2 deprecated `before_first_request` and `before_app_first_request` and Flask 2.3 removed them; Flask 2.3 " +
    "deprecated `got_first_request` and Flask 3.0 removed it. There is no equivalent hook: the setup should run once " +
    "when the application is created. In an app factory (the `flask-app` role) that builds `app = Flask(...)` and ends with " +
    "`return app`, a function without parameters decorated with `@app.before_first_request` directly in the factory loses " +
    "the decorator and is called under `with app.app_context():` just before the return, after the rest of the factory as " +
    "the first request found it; it now runs when the app is created (once per factory call, errors surfacing there) " +
    "rather than on the first request. A body that needs a request (`request`, `session`, `url_for`, ...) and every other " +
    "decorator, call and read of these attributes (on any object, in files that import Flask or where the object is named " +
    "like an app or blueprint) is reported with advice.",
  docs: DOCS_22,
  needles: Object.keys(HOOKS),
  create(ctx) {
    // The file's own indentation step: a def's body against the def.
    const indentUnit = (fn: Node): string => {
      const body = fn.childForFieldName("body")!;
      const inner = indentAt(ctx.source, body.startIndex);
      const outer = indentAt(ctx.source, fn.startIndex);
      return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : "    ";
    };
    return {
      module() {
        let flaskFile: boolean | undefined;
        for (const [name, hook] of Object.entries(HOOKS)) {
          if (!targetReaches(ctx.targets, "flask", hook.since)) continue;
          for (const id of ctx.facts.identifiers(name)) {
            const attribute: Node | null = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            const object = attribute.childForFieldName("object")!;
            flaskFile ??= importsFlask(ctx);
            if (!flaskFile && !/(?:app|bp|blueprint)$/i.test(object.text)) continue;
            const moved = name === "before_first_request" && ctx.roles.has("flask-app") ? inFactory(ctx, attribute, indentUnit) : undefined;
            if (moved) {
              ctx.fix(`@app.before_first_request ${moved.name} → ${moved.name}() under app.app_context() at the end of the factory`, moved.edits);
              continue;
            }
            ctx.report(attribute, `${hook.message}; see ${hook.docs}`);
          }
        }
      },
    };
  },
});
