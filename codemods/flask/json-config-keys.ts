// flask/json-config-keys: Flask 2.2 moved the JSON settings from config keys to attributes of the
// app's JSON provider and Flask 2.3 stopped reading the keys. A write of one of them on the config
// of a known application object becomes the provider attribute; config classes and files (loaded
// into an app elsewhere) are reported by flask/removed-apis.
//
// The attribute lives on the provider object the app holds at the time of the write, while the key
// was read whenever JSON was produced: a provider set afterwards (`app.json = P(app)`, or the old
// `app.json_encoder = E`, which becomes that) would start from its own defaults and drop the
// setting. So a write is left to flask/removed-apis's finding when the file replaces a provider
// after it or in another function, where the order is unknown.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { indentAt } from "../../src/engine/text.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { isFlaskApp } from "../../src/engine/helpers/flask-apps.js";

/** key → provider attribute, and how the value maps. */
const KEYS: Record<string, { attribute: string; value: (v: Node) => string | undefined }> = {
  JSON_AS_ASCII: { attribute: "ensure_ascii", value: (v) => v.text },
  JSON_SORT_KEYS: { attribute: "sort_keys", value: (v) => v.text },
  JSONIFY_MIMETYPE: { attribute: "mimetype", value: (v) => v.text },
  // Pretty-printing was on when the key was true or the app in debug mode; the provider's compact
  // is None by default (pretty in debug mode only) and False for always pretty.
  JSONIFY_PRETTYPRINT_REGULAR: {
    attribute: "compact",
    value: (v) => (v.type === "true" ? "False" : v.type === "false" ? "None" : undefined),
  },
};

const PROVIDER_ASSIGNMENT = /\.[ \t]*(?:json|json_encoder|json_decoder|json_provider_class)[ \t]*=(?!=)/g;

/** Statements of the file that replace an app's JSON provider (`x.json = ...`, `x.json_encoder = ...`). */
function providerReplacements(ctx: RuleContext): Node[] {
  const found: Node[] = [];
  for (const match of ctx.source.matchAll(PROVIDER_ASSIGNMENT)) {
    let node: Node | null = ctx.root.descendantForIndex(match.index!, match.index! + 1);
    while (node && node.type !== "attribute" && node.type !== "module") node = node.parent;
    const assignment = node?.parent;
    if (node?.type === "attribute" && assignment?.type === "assignment" && assignment.childForFieldName("left")?.id === node.id) found.push(assignment);
  }
  return found;
}

/** True when a provider may be replaced after `write` runs: later in its function, or in another one. */
function providerReplacedAfter(replacements: readonly Node[], write: Node): boolean {
  const scope = enclosingScope(write);
  return replacements.some((r) => enclosingScope(r).id !== scope.id || r.startIndex > write.startIndex);
}

/** Values whose evaluation cannot be told apart when moved after the call: literals, names, attribute chains. */
function inert(node: Node): boolean {
  if (["string", "integer", "float", "true", "false", "none", "identifier"].includes(node.type)) return !(node.type === "string" && node.text.startsWith("f"));
  return node.type === "attribute" && inert(node.childForFieldName("object")!);
}

/**
 * `app.config.update(JSON_SORT_KEYS=False, SECRET_KEY=s)` as a statement on a known application:
 * the JSON keywords leave the call and become provider assignments after it (the whole statement
 * when they were all it held). Only literal, name or attribute values, so nothing runs in another order.
 */
function updateCalls(ctx: RuleContext, replacements: readonly Node[]): void {
  for (const id of ctx.facts.identifiers("update")) {
    const member = id.parent;
    const call = member?.parent;
    if (member?.type !== "attribute" || member.childForFieldName("attribute")?.id !== id.id) continue;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== member.id) continue;
    const config = member.childForFieldName("object")!;
    if (config.type !== "attribute" || config.childForFieldName("attribute")?.text !== "config") continue;
    const app = config.childForFieldName("object")!;
    const statement = call.parent;
    if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) continue;
    if (statement.parent?.type !== "block" && statement.parent?.type !== "module") continue;
    const args = callArgs(call);
    if (!args || args.listSplat || args.dictSplat || args.comments.length > 0 || args.positional.length > 0) continue;
    const moved = [...args.keywords].filter(([name]) => name in KEYS);
    if (moved.length === 0 || !isFlaskApp(ctx.facts, app) || providerReplacedAfter(replacements, statement)) continue;
    const lines: string[] = [];
    let ok = true;
    for (const [name, keyword] of moved) {
      const value = keyword.childForFieldName("value")!;
      const text = inert(value) ? KEYS[name]!.value(value) : undefined;
      if (text === undefined) ok = false;
      else lines.push(`${app.text}.json.${KEYS[name]!.attribute} = ${text}`);
    }
    if (!ok) continue;
    const indent = indentAt(ctx.source, statement.startIndex);
    const after = lines.join(`${ctx.newline}${indent}`);
    const keys = moved.map(([name]) => name).join(", ");
    if (moved.length === args.keywords.size) {
      ctx.fix(`config.update(${keys}) → json attributes`, [{ start: statement.startIndex, end: statement.endIndex, text: after }]);
      continue;
    }
    // One keyword leaves through removeArgument (which keeps the layout); several from a one-line
    // call leave by writing the remaining arguments again.
    const keep = args.args.filter((a) => !moved.some(([, k]) => k.id === a.id));
    const edits: Edit[] | undefined = moved.length === 1
      ? removeArgument(ctx.source, args, moved[0]![1])
      : /[\r\n]/.test(args.list.text) ? undefined : [{ start: args.list.startIndex, end: args.list.endIndex, text: `(${keep.map((a) => a.text).join(", ")})` }];
    if (!edits) continue;
    edits.push({ start: statement.endIndex, end: statement.endIndex, text: `${ctx.newline}${indent}${after}` });
    ctx.fix(`config.update(${keys}) → json attributes`, edits);
  }
}

export default defineRule({
  id: "flask/json-config-keys",
  framework: "flask",
  since: "2.2",
  summary: 'app.config["JSON_SORT_KEYS"] = v becomes app.json.sort_keys = v (and the other JSON keys)',
  description:
    "Flask 2.2 replaced the config keys `JSON_AS_ASCII`, `JSON_SORT_KEYS`, `JSONIFY_MIMETYPE` and " +
    "`JSONIFY_PRETTYPRINT_REGULAR` by attributes of the app's JSON provider, and Flask 2.3 ignores the keys. A " +
    "statement `app.config[\"KEY\"] = value` on a known application object becomes `app.json.ensure_ascii`, " +
    "`sort_keys` or `mimetype = value`; `JSONIFY_PRETTYPRINT_REGULAR = True` becomes `app.json.compact = False` and " +
    "`= False` (the old default: pretty only in debug mode) becomes `app.json.compact = None`. A statement " +
    "`app.config.update(KEY=value, ...)` loses those keywords, and the same assignments follow it (values that are " +
    "literals, names or attributes, so nothing is evaluated in another order). Other values of that " +
    "key, `update({...})` with a dict, config classes or modules, and writes followed by a new JSON provider (`app.json = ...`, " +
    "`app.json_encoder = ...`, which would start from its own defaults) are reported by flask/removed-apis.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0",
  needles: Object.keys(KEYS),
  create(ctx) {
    return {
      module() {
        const replacements = providerReplacements(ctx);
        updateCalls(ctx, replacements);
        for (const [key, { attribute, value }] of Object.entries(KEYS)) {
          let from = 0;
          for (;;) {
            const at = ctx.source.indexOf(key, from);
            if (at < 0) break;
            from = at + key.length;
            let string: Node | null = ctx.root.descendantForIndex(at, from);
            while (string && string.type !== "string" && string.type !== "module") string = string.parent;
            if (string?.type !== "string" || stringValue(string) !== key) continue;
            const subscript = string.parent;
            if (subscript?.type !== "subscript" || subscript.childrenForFieldName("subscript").length !== 1) continue;
            const config = subscript.childForFieldName("value");
            if (config?.type !== "attribute" || config.childForFieldName("attribute")?.text !== "config") continue;
            const app = config.childForFieldName("object")!;
            const assignment = subscript.parent;
            if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== subscript.id) continue;
            if (assignment.parent?.type !== "expression_statement") continue;
            const right = assignment.childForFieldName("right");
            if (!right || right.type === "assignment" || !isFlaskApp(ctx.facts, app)) continue;
            const text = value(right);
            if (text === undefined || providerReplacedAfter(replacements, assignment)) continue;
            ctx.fix(`config["${key}"] → json.${attribute}`, [
              { start: subscript.startIndex, end: right.endIndex, text: `${app.text}.json.${attribute} = ${text}` },
            ]);
          }
        }
      },
    };
  },
});
