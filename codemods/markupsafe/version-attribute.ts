import { versionAttribute } from "../../src/engine/helpers/version-attribute.js";

export default versionAttribute({
  id: "markupsafe/version-attribute",
  framework: "markupsafe",
  since: "3.0",
  module: "markupsafe",
  description: "MarkupSafe 3.0 deprecated `markupsafe.__version__` (removed in 3.1); the installed version is read with `importlib.metadata`.",
  docs: "https://markupsafe.palletsprojects.com/en/stable/changes/#version-3-0-0",
});
