import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "flask/locked-cached-property",
  framework: "flask",
  since: "2.3",
  summary: "flask.helpers.locked_cached_property becomes werkzeug.utils.cached_property",
  description:
    "Flask 2.3 deprecated `flask.helpers.locked_cached_property` and Flask 3.0 removed it; the changelog points to " +
    "Werkzeug's `cached_property`. The replacement does not take a lock: a property whose first computation must not " +
    "run twice in parallel needs a lock inside the function.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0",
  moves: [{ from: "flask.helpers.locked_cached_property", to: "werkzeug.utils.cached_property" }],
});
