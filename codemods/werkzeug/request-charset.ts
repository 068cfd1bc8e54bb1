// werkzeug/request-charset: Werkzeug 2.3 deprecated the charset settings of the wrappers (always
// UTF-8 from 3.0): `charset`, `url_charset`, `encoding_errors` class attributes of Request and
// Response subclasses. A setting that states the default ("utf-8", or "replace" for the errors)
// changes nothing and is deleted; another value is reported, since the data will be read as UTF-8.
import { removeStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { mayReachNames } from "../../src/engine/text-scan.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

const WRAPPERS = new Set([
  "werkzeug.Request", "werkzeug.Response", "werkzeug.wrappers.Request", "werkzeug.wrappers.Response",
  "werkzeug.wrappers.request.Request", "werkzeug.wrappers.response.Response",
  "flask.Request", "flask.Response", "flask.wrappers.Request", "flask.wrappers.Response",
]);

const mayReachWrappers = mayReachNames([...WRAPPERS], { bare: true });

const DEFAULTS: Record<string, RegExp> = {
  charset: /^(["'])utf-?8\1$/i,
  url_charset: /^(["'])utf-?8\1$/i,
  encoding_errors: /^(["'])replace\1$/,
};

export default defineRule({
  id: "werkzeug/request-charset",
  framework: "werkzeug",
  since: "2.3",
  summary: "charset / url_charset / encoding_errors settings of Request and Response subclasses are deleted when they state the default",
  description:
    "Werkzeug 2.3 deprecated `Request.charset`, `Request.url_charset`, `Request.encoding_errors` and " +
    "`Response.charset` (3.0 always uses UTF-8). In a class deriving from a Werkzeug or Flask Request/Response, a " +
    "class attribute that sets the default (`\"utf-8\"`, or `\"replace\"` for `encoding_errors`) is deleted; any other " +
    "value is reported.",
  docs: DOCS,
  needles: ["charset", "encoding_errors"],
  // An assignment to one of the settings, in a class whose base is one of the wrappers.
  precheck: (text) => /(?<![\w.])(?:url_charset|charset|encoding_errors)[\s\\]*[=:](?!=)/.test(text) && mayReachWrappers(text),
  create(ctx) {
    return {
      module() {
        const byClass = new Map<number, { block: Node; statements: Node[]; names: string[] }>();
        for (const name of Object.keys(DEFAULTS)) {
          for (const id of ctx.facts.identifiers(name)) {
            const assignment = id.parent;
            const statement = assignment?.parent;
            const block = statement?.parent;
            const cls = block?.parent;
            if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) continue;
            if (statement?.type !== "expression_statement" || block?.type !== "block" || cls?.type !== "class_definition") continue;
            const bases = cls.childForFieldName("superclasses");
            const wrapped = bases?.namedChildren.some((b: Node | null) => {
              const q = b ? ctx.facts.qualifiedName(b) : undefined;
              return q !== undefined && WRAPPERS.has(q);
            });
            if (!wrapped) continue;
            const value = assignment.childForFieldName("right");
            if (!value || !DEFAULTS[name]!.test(value.text)) {
              ctx.report(statement, `${name} is deprecated in Werkzeug 2.3 and ignored from 3.0 (always UTF-8): decode the data yourself where another charset is needed; see ${DOCS}`);
              continue;
            }
            const entry = byClass.get(cls.id) ?? { block, statements: [], names: [] };
            entry.statements.push(statement);
            entry.names.push(name);
            byClass.set(cls.id, entry);
          }
        }
        for (const { block, statements, names } of byClass.values()) {
          const rest = block.namedChildren.filter((c) => c !== null && c.type !== "comment" && !statements.some((s) => s.id === c.id));
          // Deleting every statement of the class body would leave it empty: the first becomes `pass`.
          const sorted = [...statements].sort((a, b) => a.startIndex - b.startIndex);
          const edits = rest.length === 0
            ? [{ start: sorted[0]!.startIndex, end: sorted[0]!.endIndex, text: "pass" }, ...sorted.slice(1).flatMap((st) => removeStatement(ctx.source, st))]
            : sorted.flatMap((st) => removeStatement(ctx.source, st));
          ctx.fix(`${names.join(", ")} deleted (the UTF-8 default)`, edits);
        }
      },
    };
  },
});
