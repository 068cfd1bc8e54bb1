// django/geoip2-coords: Django 5.1 deprecated GeoIP2.coords() (use lon_lat(), which returns the
// same (longitude, latitude) pair) and the GeoIP2.open() classmethod (call GeoIP2() with the same
// arguments); both go in 6.0. Calls are rewritten where the receiver is known to be a GeoIP2.
import { callArgs, callOf, removeArgument } from "../../src/engine/helpers/calls.js";
import { literalItems, plainString } from "../../src/engine/helpers/settings-literals.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1";
const GEOIP2 = new Set(["django.contrib.gis.geoip2.GeoIP2", "django.contrib.gis.geoip2.base.GeoIP2"]);

const isGeoip2Class = (ctx: RuleContext, node: Node) => GEOIP2.has(ctx.facts.qualifiedName(node) ?? "");

/** True when `node` is `GeoIP2(...)` or a name bound once, in its scope, to `GeoIP2(...)`. */
function isGeoip2Instance(ctx: RuleContext, node: Node): boolean {
  if (node.type === "call") return isGeoip2Class(ctx, node.childForFieldName("function")!);
  if (node.type !== "identifier") return false;
  const resolution = ctx.facts.resolveName(node.text, node);
  if (!resolution.scope || resolution.uncertain || resolution.bindings.length !== 1) return false;
  const binding = resolution.bindings[0]!.node;
  const assignment = binding.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== binding.id) return false;
  const value = assignment.childForFieldName("right");
  return value?.type === "call" && isGeoip2Class(ctx, value.childForFieldName("function")!);
}

export default defineRule({
  id: "django/geoip2-coords",
  framework: "django",
  since: "5.1",
  summary: "GeoIP2.coords(query) becomes lon_lat(query); GeoIP2.open(path, cache) becomes GeoIP2(path, cache)",
  description:
    "Django 5.1 deprecated `GeoIP2.coords()` in favour of `GeoIP2.lon_lat()` (the same longitude/latitude pair) and the " +
    "`GeoIP2.open()` classmethod in favour of the constructor; both are removed in 6.0. `x.coords(query)` is renamed when " +
    "`x` is `GeoIP2(...)` itself or a name bound once in its scope to `GeoIP2(...)`; a literal `ordering` of " +
    "`(\"latitude\", \"longitude\")` picks `lat_lon(query)` instead (and the reverse `lon_lat`), other orderings are reported. `GeoIP2.open(...)` on the class (however imported) becomes `GeoIP2(...)`.",
  docs: DOCS,
  needles: ["coords", "open"],
  precheck: (text) => text.includes("GeoIP2"),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("coords")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callOf(attribute);
          if (!call || !isGeoip2Instance(ctx, attribute.childForFieldName("object")!)) continue;
          const args = callArgs(call);
          const ordering = args && (args.positional[1] ?? args.keywords.get("ordering"));
          if (args && ordering && args.args.length === 2 && !args.listSplat && !args.dictSplat) {
            // A literal ordering names one of the two fixed-order methods (lat_lon stays in 6.0).
            const value = ordering.type === "keyword_argument" ? ordering.childForFieldName("value")! : ordering;
            const names = literalItems(value)?.items.map((i) => plainString(i));
            const method = names?.join() === "longitude,latitude" ? "lon_lat" : names?.join() === "latitude,longitude" ? "lat_lon" : undefined;
            const removed = method && removeArgument(ctx.source, args, ordering);
            if (method && removed) {
              ctx.fix(`GeoIP2.coords(ordering=...) → ${method}()`, [{ start: id.startIndex, end: id.endIndex, text: method }, ...removed]);
              continue;
            }
          }
          if (!args || args.keywords.has("ordering") || args.positional.length > 1 || args.listSplat || args.dictSplat) {
            ctx.report(attribute, `GeoIP2.coords() was removed in Django 6.0: use lon_lat(query), which returns (longitude, latitude); left alone because this call passes an ordering or *args; see ${DOCS}`);
            continue;
          }
          ctx.fix("GeoIP2.coords() → lon_lat()", [{ start: id.startIndex, end: id.endIndex, text: "lon_lat" }]);
        }
        for (const id of ctx.facts.identifiers("open")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const object = attribute.childForFieldName("object")!;
          if (!callOf(attribute) || !isGeoip2Class(ctx, object)) continue;
          ctx.fix("GeoIP2.open() → GeoIP2()", [{ start: attribute.startIndex, end: attribute.endIndex, text: object.text }]);
        }
      },
    };
  },
});
