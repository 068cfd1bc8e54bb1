// django/request-user-attributes: Django 1.10 turned `User.is_authenticated` and `is_anonymous`
// into properties; calling them kept working until Django 2.0. Only receivers that are surely the
// request's user (`request.user`, `self.request.user`) are rewritten.
import type { Node } from "../../src/engine/parser.js";
import { callOf } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";

const ATTRIBUTES = ["is_authenticated", "is_anonymous"];

/** `name` as a bare identifier, or `obj.name` where obj passes `object`. */
function isAttribute(node: Node | null, name: string, object: (n: Node) => boolean): boolean {
  if (node?.type !== "attribute") return false;
  const attribute = node.childForFieldName("attribute");
  const inner = node.childForFieldName("object");
  return attribute?.text === name && inner !== null && object(inner);
}

const isName = (name: string) => (node: Node) => node.type === "identifier" && node.text === name;

/** `request.user` or `self.request.user`. */
function isRequestUser(node: Node): boolean {
  return isAttribute(node, "user", (o) => isName("request")(o) || isAttribute(o, "request", isName("self")));
}

export default defineRule({
  id: "django/request-user-attributes",
  aliases: ["request_user_attributes"],
  framework: "django",
  since: "1.10",
  summary: "request.user.is_authenticated() / is_anonymous() lose their call parentheses",
  description:
    "Since Django 1.10 `is_authenticated` and `is_anonymous` are properties of users; Django 2.0 removed the " +
    "support for calling them. `request.user.is_authenticated()` and `self.request.user.is_anonymous()` " +
    "become attribute reads. Other receivers (`user.is_authenticated()`) are left alone because nothing proves " +
    "they are Django users, and so are calls with arguments or with comments inside the parentheses.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.10/#using-user-is-authenticated-and-user-is-anonymous-as-methods",
  needles: ATTRIBUTES,
  // Modern code reads the properties: only files that still call one with empty parentheses.
  precheck: (text) => /\bis_(?:authenticated|anonymous)[\s\\]*\([\s\\]*\)/.test(text),
  create(ctx) {
    return {
      module() {
        for (const name of ATTRIBUTES) {
          for (const id of ctx.facts.identifiers(name)) {
            const attribute = id.parent;
            if (!attribute || !isAttribute(attribute, name, isRequestUser)) continue;
            if (attribute.childForFieldName("attribute")?.id !== id.id) continue;
            const call = callOf(attribute);
            const args = call?.childForFieldName("arguments");
            if (!call || args?.type !== "argument_list" || args.namedChildCount > 0) continue;
            ctx.fix(`${name}() → ${name}`, [{ start: args.startIndex, end: args.endIndex, text: "" }]);
          }
        }
      },
    };
  },
});
