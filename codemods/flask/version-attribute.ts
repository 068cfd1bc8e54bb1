import { versionAttribute } from "../../src/engine/helpers/version-attribute.js";

export default versionAttribute({
  id: "flask/version-attribute",
  framework: "flask",
  since: "3.0",
  module: "flask",
  description:
    "Flask 3.0 deprecated `flask.__version__` (to be removed in 3.2); the installed version is read with " +
    "`importlib.metadata.version(\"flask\")`, as the changelog advises.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-3-0-0",
});
