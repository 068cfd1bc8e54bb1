import { nameMoves } from "../../src/engine/helpers/name-moves.js";

const OLD: [string, string][] = [
  ["contextfilter", "pass_context"],
  ["contextfunction", "pass_context"],
  ["evalcontextfilter", "pass_eval_context"],
  ["evalcontextfunction", "pass_eval_context"],
  ["environmentfilter", "pass_environment"],
  ["environmentfunction", "pass_environment"],
];

// Jinja 2 defined the *filter decorators in jinja2.filters and the *function ones in jinja2.utils,
// and re-exported all six at the top level; Jinja 3.0 exports the pass_* replacements at the top.
const HOME: Record<string, string> = {
  contextfilter: "jinja2.filters",
  evalcontextfilter: "jinja2.filters",
  environmentfilter: "jinja2.filters",
  contextfunction: "jinja2.utils",
  evalcontextfunction: "jinja2.utils",
  environmentfunction: "jinja2.utils",
};

export default nameMoves({
  id: "jinja/pass-context-decorators",
  framework: "jinja",
  since: "3.0",
  summary: "contextfilter / evalcontextfunction / environmentfilter ... become pass_context / pass_eval_context / pass_environment",
  description:
    "Jinja 3.0 replaced the six decorators `contextfilter`, `contextfunction`, `evalcontextfilter`, " +
    "`evalcontextfunction`, `environmentfilter` and `environmentfunction` by three that work for filters, tests and " +
    "functions alike (`pass_context`, `pass_eval_context`, `pass_environment`), and Jinja 3.1 removed the old ones. " +
    "Imports from `jinja2`, `jinja2.filters` and `jinja2.utils` (aliases kept) and attribute forms such as " +
    "`@jinja2.contextfilter` are rewritten; the new names are imported from `jinja2`.",
  docs: "https://jinja.palletsprojects.com/en/stable/changes/#version-3-0-0",
  moves: OLD.flatMap(([old, replacement]) => [
    { from: `jinja2.${old}`, to: `jinja2.${replacement}` },
    { from: `${HOME[old]}.${old}`, to: `jinja2.${replacement}` },
  ]),
});
