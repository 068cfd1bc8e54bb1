import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "flask/markupsafe-imports",
  framework: "flask",
  since: "2.3",
  summary: "flask.Markup / flask.escape become markupsafe.Markup / markupsafe.escape",
  description:
    "Flask 2.3 deprecated the `Markup` and `escape` names it re-exported from MarkupSafe, and Flask 3.0 removed them. " +
    "Imports from `flask` (aliases kept) and attribute forms such as `flask.Markup(...)` use `markupsafe` instead; " +
    "other names in the same `from flask import ...` statement stay.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0",
  moves: [
    { from: "flask.Markup", to: "markupsafe.Markup" },
    { from: "flask.escape", to: "markupsafe.escape" },
  ],
});
