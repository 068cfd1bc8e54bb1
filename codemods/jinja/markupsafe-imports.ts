import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "jinja/markupsafe-imports",
  framework: "jinja",
  since: "3.0",
  summary: "jinja2.Markup / jinja2.escape become markupsafe.Markup / markupsafe.escape",
  description:
    "Jinja 3.0 deprecated the `Markup` and `escape` names it re-exported from MarkupSafe (at the top level and in " +
    "`jinja2.utils`), and Jinja 3.1 removed them. Imports (aliases kept) and attribute forms such as " +
    "`jinja2.Markup(...)` use `markupsafe` instead.",
  docs: "https://jinja.palletsprojects.com/en/stable/changes/#version-3-0-0",
  // Every form names jinja2 (the default test would accept any file naming "utils" and "escape").
  precheck: (text) => text.includes("jinja2"),
  moves: [
    { from: "jinja2.Markup", to: "markupsafe.Markup" },
    { from: "jinja2.escape", to: "markupsafe.escape" },
    { from: "jinja2.utils.Markup", to: "markupsafe.Markup" },
    { from: "jinja2.utils.escape", to: "markupsafe.escape" },
  ],
});
