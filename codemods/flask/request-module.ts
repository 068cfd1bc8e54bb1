// flask/request-module: `request.module` (the blueprint name, from the time blueprints were
// called modules) was removed in Flask 1.0; `request.blueprint` is the same value.
import { defineRule } from "../../src/engine/rule.js";
import { mayUsePackage } from "../../src/engine/text-scan.js";

const REQUEST = new Set(["flask.request", "flask.globals.request"]);

export default defineRule({
  id: "flask/request-module",
  framework: "flask",
  since: "1.0",
  summary: "request.module becomes request.blueprint",
  description:
    "Flask 1.0 removed `request.module`, the name of the current blueprint from the time blueprints were called " +
    "modules; `request.blueprint` holds the same value. Reads on Flask's `request` proxy (however imported) are " +
    "rewritten; other objects' `module` attributes are left alone.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-1-0",
  needles: ["module"],
  // `request.module`, or any `.module` when request is imported under another name.
  precheck: (text) => mayUsePackage(text, "flask") && (/\brequest[\s\\]*\.[\s\\]*module\b/.test(text) || (/\brequest[\s\\]+as\b/.test(text) && /\.[\s\\]*module\b/.test(text))),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("module")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const qualified = ctx.facts.qualifiedName(attribute.childForFieldName("object")!);
          if (qualified === undefined || !REQUEST.has(qualified)) continue;
          ctx.fix("request.module → request.blueprint", [{ start: id.startIndex, end: id.endIndex, text: "blueprint" }]);
        }
      },
    };
  },
});
