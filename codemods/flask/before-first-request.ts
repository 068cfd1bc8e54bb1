// flask/before-first-request: Flask 2.2 deprecated the first-request hooks and Flask 2.3 removed
// them, together with `app.got_first_request` (3.0). There is no hook to convert them into: the
// setup belongs in the application factory. Every registration is reported, nothing is changed.
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { targetReaches } from "../../src/target.js";

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
  kind: "finding",
  framework: "flask",
  since: "2.2",
  summary: "@app.before_first_request, @bp.before_app_first_request and app.got_first_request are reported",
  description:
    "Flask 2.2 deprecated `before_first_request` and `before_app_first_request` and Flask 2.3 removed them; Flask 2.3 " +
    "deprecated `got_first_request` and Flask 3.0 removed it. There is no equivalent hook: the setup should run once " +
    "when the application is created. Each decorator, call and read of these attributes (on any object, in files that " +
    "import Flask or where the object is named like an app or blueprint) is reported with that advice.",
  docs: DOCS_22,
  needles: Object.keys(HOOKS),
  create(ctx) {
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
            ctx.report(attribute, `${hook.message}; see ${hook.docs}`);
          }
        }
      },
    };
  },
});
