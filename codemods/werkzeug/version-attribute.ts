import { versionAttribute } from "../../src/engine/helpers/version-attribute.js";

export default versionAttribute({
  id: "werkzeug/version-attribute",
  framework: "werkzeug",
  since: "3.0",
  module: "werkzeug",
  description: "Werkzeug 3.0 deprecated `werkzeug.__version__` and 3.1 removed it; the installed version is read with `importlib.metadata`.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-3-0-0",
});
