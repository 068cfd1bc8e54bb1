// werkzeug/proxy-fix-num-proxies: ProxyFix(num_proxies=N) was deprecated in Werkzeug 0.15 and
// removed in 1.0. In 0.15 setting num_proxies set x_for, x_proto and x_host to N (its warning says
// to write exactly that), so the keyword becomes `x_for=N, x_proto=N, x_host=N`. N is written three
// times, so it must be a literal or a plain name; a call that also passes one of those three (which
// num_proxies overrode) is reported. A positional second argument is left alone: it meant
// num_proxies before 0.15 and means x_for since.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-15-0";
const PROXY_FIX = ["werkzeug.middleware.proxy_fix.ProxyFix", "werkzeug.contrib.fixers.ProxyFix"];

function simple(node: Node): boolean {
  if (node.type === "integer" || node.type === "identifier") return true;
  return node.type === "attribute" && simple(node.childForFieldName("object")!);
}

export default defineRule({
  id: "werkzeug/proxy-fix-num-proxies",
  framework: "werkzeug",
  since: "0.15",
  summary: "ProxyFix(app, num_proxies=N) becomes ProxyFix(app, x_for=N, x_proto=N, x_host=N)",
  description:
    "Werkzeug 0.15 deprecated `ProxyFix(num_proxies=)` and 1.0 removed it; in 0.15 it set `x_for`, `x_proto` and `x_host` " +
    "to the same count, which the keyword becomes. A value other than a literal or a plain name, or a call that also " +
    "passes one of those three, is reported.",
  docs: DOCS,
  needles: ["num_proxies"],
  precheck: (text) => text.includes("ProxyFix"),
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, PROXY_FIX)) {
          const args = callArgs(call);
          const keyword = args?.keywords.get("num_proxies");
          if (!args || !keyword) continue;
          const value = keyword.childForFieldName("value")!;
          const clash = ["x_for", "x_proto", "x_host"].find((k) => args.keywords.has(k));
          if (clash || args.dictSplat || args.positional.length > 1 || !simple(value)) {
            const why = clash ? `it also passes ${clash}=, which num_proxies overrode` : "its count is not a literal or a plain name";
            ctx.report(keyword, `ProxyFix(num_proxies=) was removed in Werkzeug 1.0 (use x_for=N, x_proto=N, x_host=N) but was left alone: ${why}; see ${DOCS}`);
            continue;
          }
          const n = value.text;
          ctx.fix("ProxyFix(num_proxies=N) → x_for=N, x_proto=N, x_host=N", [
            { start: keyword.startIndex, end: keyword.endIndex, text: `x_for=${n}, x_proto=${n}, x_host=${n}` },
          ]);
        }
      },
    };
  },
});
