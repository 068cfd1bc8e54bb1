import { keywordRenames } from "../../src/engine/helpers/keyword-renames.js";

export default keywordRenames({
  id: "flask/static-path",
  framework: "flask",
  since: "1.0",
  summary: "Flask(static_path=...) becomes Flask(static_url_path=...)",
  description:
    "Flask 0.10 renamed the `static_path` argument of the application class to `static_url_path`, and Flask 1.0 " +
    "removed the old name. The keyword is renamed in calls that resolve to `flask.Flask` (however imported).",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-1-0",
  callables: ["flask.Flask", "flask.app.Flask"],
  renames: { static_path: "static_url_path" },
});
