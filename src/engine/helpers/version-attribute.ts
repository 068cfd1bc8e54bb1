// The `__version__` removals of the Pallets projects as data: `pkg.__version__` and
// `from pkg import __version__` become `importlib.metadata.version("pkg")`, which reads the
// installed distribution's version (the projects' own advice when they deprecated the attribute).
import type { Rule, RuleMeta } from "../rule.js";
import { nameMoves } from "./name-moves.js";

export interface VersionAttributeRule extends Omit<RuleMeta, "needles" | "summary"> {
  /** The import name, which is also the distribution name here: `werkzeug`, `markupsafe`. */
  module: string;
  /** The distribution name for importlib.metadata when it differs (`Jinja2` for `jinja2`). */
  distribution?: string;
}

export function versionAttribute(spec: VersionAttributeRule): Rule {
  const { module, distribution, ...meta } = spec;
  return nameMoves({
    ...meta,
    summary: `${module}.__version__ becomes importlib.metadata.version("${distribution ?? module}")`,
    moves: [{
      from: `${module}.__version__`, to: "importlib.metadata.version", style: "attribute",
      suffix: `(${JSON.stringify(distribution ?? module)})`,
    }],
    needles: ["__version__"],
  });
}
