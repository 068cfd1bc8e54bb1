import { versionAttribute } from "../../src/engine/helpers/version-attribute.js";

export default versionAttribute({
  id: "itsdangerous/version-attribute",
  framework: "itsdangerous",
  since: "2.2",
  module: "itsdangerous",
  description: "itsdangerous 2.2 deprecated `itsdangerous.__version__` (removed in the next feature release); the installed version is read with `importlib.metadata`.",
  docs: "https://itsdangerous.palletsprojects.com/en/stable/changes/#version-2-2-0",
});
