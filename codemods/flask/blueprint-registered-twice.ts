// flask/blueprint-registered-twice: from Flask 2.0.1 a blueprint registered a second time under
// the name it already has warns, and from Flask 2.1 it is an error; each registration after the
// first needs its own `name=`. Reported where one file shows it: two registrations of the same
// blueprint object on the same receiver in one block, or one inside a loop.
import type { Node } from "../../src/engine/parser.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { defineRule, lineOf } from "../../src/engine/rule.js";
import { statementOf } from "../../src/engine/facts.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { blueprintName, registrations, type Registration } from "../../src/engine/helpers/blueprints.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-0-1";
const LOOPS = new Set(["for_statement", "while_statement"]);

/** The `name=` given to the registration: its literal value, null when absent, undefined when computed. */
function givenName(r: Registration): string | null | undefined {
  const keyword = r.args.keywords.get("name");
  if (!keyword) return null;
  return stringValue(keyword.childForFieldName("value")!);
}

/** The loop around `node` in its own scope that does not also bind the blueprint, if any. */
function enclosingLoop(node: Node, binding: Node): Node | undefined {
  const scope = enclosingScope(node);
  for (let n = node.parent; n && n.id !== scope.id; n = n.parent) {
    if (LOOPS.has(n.type) && !(binding.startIndex >= n.startIndex && binding.endIndex <= n.endIndex)) return n;
  }
  return undefined;
}

export default defineRule({
  id: "flask/blueprint-registered-twice",
  kind: "finding",
  framework: "flask",
  since: "2.0",
  summary: "A blueprint registered twice under the same name is reported (an error from Flask 2.1)",
  description:
    "Flask 2.0.1 deprecated registering a blueprint again under the name it is already registered with, and Flask " +
    "2.1 raises an error; each registration after the first needs a unique `name=` (`app.register_blueprint(bp, " +
    "url_prefix=\"/v2\", name=\"api_v2\")`). Reported: a second `register_blueprint` of the same blueprint object on the " +
    "same receiver in the same block without a different literal `name=` (or of two blueprints created with the same " +
    "literal name), and a `register_blueprint` inside a loop " +
    "(of a blueprint bound outside it) without a computed `name=`.",
  docs: DOCS,
  needles: ["register_blueprint"],
  precheck: (text) => text.includes("flask"),
  create(ctx) {
    return {
      module() {
        const seen = new Map<string, Registration[]>();
        for (const r of registrations(ctx.facts)) {
          const name = givenName(r);
          if (name === undefined) continue;
          if (enclosingLoop(r.call, r.binding) && name === null) {
            ctx.report(r.call, `Flask 2.1 refuses to register blueprint ${r.blueprint.text} again under its own name, and this loop registers it more than once: pass a different name= on each pass (${DOCS})`);
            continue;
          }
          const statement = statementOf(r.call);
          // Registered under name=, else under the blueprint's own name (two objects can share one).
          const registeredAs = name ?? blueprintName(ctx.facts, r.binding) ?? `#${r.binding.id}`;
          const key = `${statement.parent?.id}:${r.receiver.text}:${registeredAs}`;
          const earlier = seen.get(key) ?? [];
          if (earlier.length > 0) {
            ctx.report(r.call, `Flask 2.1 refuses to register blueprint ${r.blueprint.text} twice under the same name (${lineOf(earlier[0]!.call)} registers it already): add name="..." with a unique name to this registration (${DOCS})`);
          }
          earlier.push(r);
          seen.set(key, earlier);
        }
      },
    };
  },
});
