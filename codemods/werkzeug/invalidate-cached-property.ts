// werkzeug/invalidate-cached-property: Werkzeug 2.0 deprecated
// werkzeug.utils.invalidate_cached_property(obj, name) and 2.1 removed it. Its deprecated body was
// `delattr(obj, name)` (2.0 also gave cached_property a __delete__ that drops the cached value), so
// a call standing alone as a statement with a literal attribute name becomes `del obj.name`, and
// any other call becomes `delattr(obj, name)`: the same operation, and the same None result.
// (Before 2.0 the function stored a "missing" marker instead and did not raise when nothing was
// cached; 2.0's own function already raised, so the rule applies from 2.0.)
import { argText, callReplacements } from "../../src/engine/helpers/call-replacements.js";
import type { Node } from "../../src/engine/parser.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield",
]);

/** The attribute a plain string literal names (`"perms"`), if it is a valid identifier. */
function literalAttribute(node: Node): string | undefined {
  const match = /^(["'])([^"'\\]*)\1$/.exec(node.text);
  const name = match?.[2];
  return name !== undefined && IDENTIFIER.test(name) && !KEYWORDS.has(name) && !name.startsWith("__") ? name : undefined;
}

/** Expressions that take `.name` directly; anything else is parenthesized. */
const PRIMARY = new Set(["identifier", "attribute", "subscript", "call", "parenthesized_expression"]);

export default callReplacements({
  id: "werkzeug/invalidate-cached-property",
  framework: "werkzeug",
  since: "2.0",
  summary: "invalidate_cached_property(obj, \"name\") becomes del obj.name (delattr(obj, name) where a statement cannot stand)",
  description:
    "Werkzeug 2.0 deprecated `werkzeug.utils.invalidate_cached_property` and 2.1 removed it; deleting the attribute " +
    "clears a `cached_property`. A call that is a statement of its own and names the property with a string literal " +
    "becomes `del obj.name`; any other call becomes `delattr(obj, name)`, which is what the deprecated function ran. " +
    "Calls with keywords, `*args` or another number of arguments are reported.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  advice: "was removed in Werkzeug 2.1: write `del obj.name` (or delattr(obj, name)) instead",
  needles: ["invalidate_cached_property"],
  precheck: (text) => text.includes("werkzeug"),
  replacements: [
    {
      from: "werkzeug.utils.invalidate_cached_property",
      to: "builtins.delattr",
      rewrite(args, source, name) {
        if (args.listSplat || args.dictSplat || args.keywords.size > 0 || args.positional.length !== 2) {
          return "!does not pass exactly the object and the name, positionally";
        }
        const [target, property] = args.positional as [Node, Node];
        const attribute = literalAttribute(property);
        if (attribute !== undefined && args.call.parent?.type === "expression_statement" && args.call.parent.namedChildCount === 1) {
          const object = PRIMARY.has(target.type) ? argText(source, target) : `(${argText(source, target)})`;
          return `del ${object}.${attribute}`;
        }
        return `${name}(${argText(source, target)}, ${argText(source, property)})`;
      },
    },
  ],
});
