import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "flask/environ-builder",
  framework: "flask",
  since: "1.1",
  summary: "flask.testing.make_test_environ_builder(app, ...) becomes flask.testing.EnvironBuilder(app, ...)",
  description:
    "Flask 1.1 deprecated `flask.testing.make_test_environ_builder` in favour of the `flask.testing.EnvironBuilder` " +
    "class it returned (same arguments), and Flask 2.0 removed it.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-1-1-0",
  moves: [{ from: "flask.testing.make_test_environ_builder", to: "flask.testing.EnvironBuilder" }],
});
