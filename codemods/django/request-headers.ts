// django/request-headers: Django 2.2 added `HttpRequest.headers`, a case-insensitive mapping of the
// HTTP headers. Reads of a header through `request.META["HTTP_..."]` (or `self.request.META`) become
// reads of `request.headers["..."]`. Writes and other keys of META are left as they are: META
// holds more than headers, and a write to `headers` would fail (it is immutable).
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const KEY = /^(?:HTTP_[A-Z0-9_]*[A-Z0-9]|CONTENT_LENGTH|CONTENT_TYPE)$/;
const QUOTES = new Set(['"', "'", '"""', "'''"]);

/** `request.META` or `self.request.META`, the `META` identifier given. */
function isRequestMeta(id: Node): Node | undefined {
  const attribute = id.parent;
  if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) return undefined;
  const object = attribute.childForFieldName("object");
  if (!object) return undefined;
  if (object.type === "identifier" && object.text === "request") return attribute;
  if (object.type === "attribute") {
    const inner = object.childForFieldName("object");
    const name = object.childForFieldName("attribute");
    if (inner?.type === "identifier" && inner.text === "self" && name?.text === "request") return attribute;
  }
  return undefined;
}

/** The edit turning a plain string literal holding a header key of META into the header name. */
function headerKey(node: Node | null | undefined): Edit | undefined {
  if (node?.type !== "string") return undefined;
  const parts = node.namedChildren;
  if (parts.length !== 3) return undefined;
  const [start, content, end] = parts;
  if (start?.type !== "string_start" || content?.type !== "string_content" || end?.type !== "string_end") return undefined;
  if (!QUOTES.has(start.text)) return undefined;
  if (!KEY.test(content.text)) return undefined;
  const name = content.text.replace(/^HTTP_/, "").toLowerCase().replace(/_/g, "-");
  return { start: content.startIndex, end: content.endIndex, text: name };
}

const TARGET_WRAPPERS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple", "list", "parenthesized_expression", "list_splat_pattern", "list_splat"]);

/** True when the expression is assigned to, deleted, or otherwise bound rather than read. */
function isWritten(expression: Node): boolean {
  let node: Node = expression;
  while (node.parent && TARGET_WRAPPERS.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "assignment":
    case "augmented_assignment":
    case "for_statement":
    case "for_in_clause":
      return parent.childForFieldName("left")?.id === node.id;
    case "delete_statement":
    case "as_pattern_target":
    case "as_pattern":
      return true;
    default:
      return false;
  }
}

export default defineRule({
  id: "django/request-headers",
  aliases: ["request_headers"],
  framework: "django",
  since: "2.2",
  style: true,
  summary: 'request.META["HTTP_USER_AGENT"] reads become request.headers["user-agent"]',
  description:
    "Django 2.2 added `HttpRequest.headers`, a case-insensitive view of the request's HTTP headers. Reads of " +
    "`request.META` or `self.request.META` with a literal header key — `META[\"HTTP_X_Y\"]`, `META.get(\"HTTP_X_Y\", ...)`, " +
    "`\"HTTP_X_Y\" in META` and `not in` — use `headers` instead, with the header's own name (`x-y`); `CONTENT_TYPE` and " +
    "`CONTENT_LENGTH` become `content-type` and `content-length`. Other META keys (`REMOTE_ADDR`, ...), computed keys, " +
    "concatenated or f-strings, other receivers and every write (`headers` cannot be assigned to) are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#requests-and-responses",
  needles: ["META"],
  precheck: (text) => /HTTP_|CONTENT_(?:LENGTH|TYPE)/.test(text),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("META")) {
          const meta = isRequestMeta(id);
          if (!meta) continue;
          const rename: Edit = { start: id.startIndex, end: id.endIndex, text: "headers" };
          const parent = meta.parent;
          if (!parent) continue;
          // request.META["HTTP_X"]
          if (parent.type === "subscript" && parent.childForFieldName("value")?.id === meta.id) {
            const keys = parent.childrenForFieldName("subscript");
            if (keys.length !== 1 || isWritten(parent)) continue;
            const key = headerKey(keys[0]);
            if (key) ctx.fix(`${meta.text}[...] → headers[...]`, [rename, key]);
            continue;
          }
          // request.META.get("HTTP_X", default)
          if (parent.type === "attribute" && parent.childForFieldName("object")?.id === meta.id) {
            if (parent.childForFieldName("attribute")?.text !== "get") continue;
            const call = parent.parent;
            if (call?.type !== "call" || call.childForFieldName("function")?.id !== parent.id) continue;
            const list = call.childForFieldName("arguments");
            if (list?.type !== "argument_list") continue;
            const args = list.namedChildren.filter((c) => c && c.type !== "comment");
            if (args.length < 1 || args.length > 2 || args.some((a) => a!.type === "keyword_argument" || a!.type.endsWith("splat"))) continue;
            const key = headerKey(args[0]);
            if (key) ctx.fix(`${meta.text}.get(...) → headers.get(...)`, [rename, key]);
            continue;
          }
          // "HTTP_X" in request.META / not in
          if (parent.type === "comparison_operator") {
            const operands = parent.namedChildren.filter((c) => c && c.type !== "comment");
            if (operands.length !== 2 || operands[1]!.id !== meta.id) continue;
            const operator = parent.childrenForFieldName("operators").map((o) => o?.type).join(" ");
            if (operator !== "in" && operator !== "not in") continue;
            const key = headerKey(operands[0]);
            if (key) ctx.fix(`"..." in ${meta.text} → "..." in headers`, [rename, key]);
          }
        }
      },
    };
  },
});
