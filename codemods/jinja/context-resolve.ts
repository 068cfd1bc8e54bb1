import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "jinja/context-resolve",
  framework: "jinja",
  since: "3.0",
  summary: "Context subclasses overriding resolve() are reported (override resolve_or_missing)",
  description:
    "Jinja 3.0 stopped calling `Context.resolve` when templates look up names and Jinja 3.1 removed the fallback that " +
    "still honoured an override; a subclass must override `resolve_or_missing` instead (returning `missing` for an " +
    "unknown name). Each such override is reported.",
  docs: "https://jinja.palletsprojects.com/en/stable/changes/#version-3-0-0",
  needles: ["resolve"],
  precheck: (text) => text.includes("Context"),
  patterns: [
    {
      kind: "method-def",
      names: ["resolve"],
      bases: ["jinja2.runtime.Context", "jinja2.Context"],
      message: "Jinja 3.0 no longer calls an overridden Context.resolve for template lookups: override resolve_or_missing(key) instead, returning jinja2.runtime.missing for unknown names",
    },
  ],
});
