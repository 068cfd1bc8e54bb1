// flask/json-provider: Flask 2.2 replaced the app's JSON encoder/decoder classes by a JSON provider
// (`app.json`), deprecated `app.json_encoder` and `flask.json.JSONEncoder`, and Flask 2.3 removed
// them (assigning `app.json_encoder` then does nothing at all). The usual shape converts exactly:
// an encoder subclass whose only method is `default(self, o)`, calling the base's `default` for
// what it does not handle, becomes a DefaultJSONProvider subclass with the same `default`, and
// `app.json_encoder = Encoder` becomes `app.json = Encoder(app)`. Anything else is reported.
import type { Edit } from "../../src/engine/edits.js";
import { Facts } from "../../src/engine/facts.js";
import { parse, type Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { classMethods } from "../../src/engine/helpers/classes.js";
import { isFlaskApp, isFlaskClass } from "../../src/engine/helpers/flask-apps.js";
import { fromImportLine, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import { mayReachNames, mayUsePackage } from "../../src/engine/text-scan.js";
import { derivesFrom } from "../../src/engine/helpers/classes.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";
const ENCODER = new Set(["flask.json.JSONEncoder"]);
const mayReachEncoders = mayReachNames(["flask.json.JSONEncoder", "flask.json.JSONDecoder"], { bare: true });
const PROVIDER = "flask.json.provider.DefaultJSONProvider";

interface Conversion {
  cls: Node;
  base: Node;
  /** `JSONEncoder.default(self, o)` / `super(C, self).default(o)` calls, to become `super().default(o)`. */
  baseCalls: { call: Node; argument: Node }[];
}

/** The call `X.default(...)` in `fn` that passes the base's default on, with its value argument. */
function baseDefaultCall(facts: Facts, call: Node, cls: Node, self: string): Node | undefined | null {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "default") return undefined;
  const object = callee.childForFieldName("object")!;
  const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== "comment");
  const qualified = facts.qualifiedName(object);
  if (qualified !== undefined && ENCODER.has(qualified)) {
    return args.length === 2 && args[0]!.text === self && args[1]!.type !== "keyword_argument" && !args[1]!.type.endsWith("splat") ? args[1]! : null;
  }
  if (object.type === "call" && object.childForFieldName("function")?.text === "super") {
    const superArgs = (object.childForFieldName("arguments")?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== "comment");
    const plain = superArgs.length === 0 || (superArgs.length === 2 && superArgs[0]!.text === cls.childForFieldName("name")!.text && superArgs[1]!.text === self);
    return plain && args.length === 1 && args[0]!.type !== "keyword_argument" && !args[0]!.type.endsWith("splat") ? args[0]! : null;
  }
  return undefined;
}

/**
 * The conversion of a class of the usual shape: one base resolving to flask.json.JSONEncoder, a
 * body of a docstring and a single undecorated `def default(self, o)`, whose `self` is used only to
 * pass the value on to the base's default. Undefined for any other class.
 */
export function encoderConversion(facts: Facts, cls: Node): Conversion | undefined {
  const bases = (cls.childForFieldName("superclasses")?.namedChildren ?? []).filter((b): b is Node => b !== null && b.type !== "comment");
  if (bases.length !== 1) return undefined;
  const base = bases[0]!;
  if (base.type !== "identifier" && base.type !== "attribute") return undefined;
  const qualified = facts.qualifiedName(base);
  if (qualified === undefined || !ENCODER.has(qualified)) return undefined;
  const body = cls.childForFieldName("body");
  const statements = (body?.namedChildren ?? []).filter((s): s is Node => s !== null && s.type !== "comment");
  const methods = classMethods(cls);
  const fn = methods.get("default");
  if (!fn || fn.length !== 1 || methods.size !== 1 || fn[0]!.parent?.type === "decorated_definition") return undefined;
  for (const statement of statements) {
    if (statement.id === fn[0]!.id) continue;
    const docstring = statement.type === "expression_statement" && statement.namedChild(0)?.type === "string";
    if (!docstring && statement.type !== "pass_statement") return undefined;
  }
  const params = (fn[0]!.childForFieldName("parameters")?.namedChildren ?? []).filter((p): p is Node => p !== null && p.type !== "comment");
  if (params.length !== 2 || params.some((p) => p.type !== "identifier")) return undefined;
  const self = params[0]!.text;
  const baseCalls: Conversion["baseCalls"] = [];
  for (const id of fn[0]!.descendantsOfType("identifier")) {
    if (!id || id.text !== self || id.id === params[0]!.id) continue;
    // Every other `self` must be the first argument of JSONEncoder.default(self, o) or of super(C, self).
    let call: Node | null = id.parent;
    if (call?.type === "argument_list") call = call.parent;
    if (call?.type === "call" && call.childForFieldName("function")?.text === "super") {
      const outer = call.parent?.parent;
      if (outer?.type !== "call") return undefined;
      call = outer;
    }
    if (call?.type !== "call") return undefined;
    const argument = baseDefaultCall(facts, call, cls, self);
    if (!argument) return undefined;
    if (!baseCalls.some((c) => c.call.id === call!.id)) baseCalls.push({ call, argument });
  }
  // super().default(o) needs no self and stays as it is.
  return { cls, base, baseCalls };
}

/** True when `cls` already is, or converts to, a JSON provider. */
function isProviderClass(facts: Facts, cls: Node): boolean {
  return encoderConversion(facts, cls) !== undefined || derivesFrom(facts, cls, (q) => q === PROVIDER || q === "flask.json.provider.JSONProvider");
}

/** The top-level class `name` means at `site`: in this file, or imported from a project module. */
function providerClassKnown(ctx: RuleContext, name: Node): boolean {
  if (name.type !== "identifier") return false;
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.uncertain || resolution.bindings.length !== 1 || resolution.bindings[0]!.star) return false;
  const bound = resolution.bindings[0]!.node;
  if (bound.parent?.type === "class_definition" && bound.parent.parent?.type === "module") return isProviderClass(ctx.facts, bound.parent);
  // Relative imports are not in the facts' import list (they never name framework code): read the statement.
  let statement: Node | null = bound.parent;
  while (statement && statement.type !== "import_from_statement" && statement.type !== "module") statement = statement.parent;
  if (statement?.type !== "import_from_statement" || !ctx.project) return false;
  const entry = bound.parent?.type === "aliased_import" ? bound.parent : bound.parent?.type === "dotted_name" ? bound.parent : undefined;
  const importedName = entry?.type === "aliased_import" ? entry.childForFieldName("name")?.text : entry?.text;
  const spec = statement.childForFieldName("module_name")?.text.replace(/\s+/g, "");
  if (!importedName || importedName.includes(".") || !spec) return false;
  const other = ctx.project.module(spec);
  if (!other) return false;
  const tree = parse(other.source);
  try {
    if (tree.rootNode.hasError) return false;
    const facts = new Facts(other.source, tree.rootNode);
    const classes = tree.rootNode.namedChildren.filter((c) => c?.type === "class_definition" && c.childForFieldName("name")?.text === importedName);
    // Defined once, and nothing else at the top level rebinds the name.
    return classes.length === 1 && other.summary.bound.get(importedName) === null && isProviderClass(facts, classes[0]!);
  } finally {
    tree.delete();
  }
}

function convertClasses(ctx: RuleContext): void {
  const conversions: Conversion[] = [];
  for (const statement of ctx.root.namedChildren) {
    const cls = statement?.type === "class_definition" ? statement : undefined;
    if (!cls) continue;
    const conversion = encoderConversion(ctx.facts, cls);
    if (!conversion) continue;
    // The class must not be used as an encoder in this file (`json.dumps(x, cls=C)`, a subclass).
    const name = cls.childForFieldName("name")!;
    const uses = ctx.facts.identifiers(name.text).filter((id) => id.id !== name.id);
    const onlyAppJson = uses.every((id) => {
      const assignment = id.parent;
      if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== id.id) return id.parent?.type === "argument_list" && id.parent.parent?.text.startsWith("super");
      const left = assignment.childForFieldName("left");
      return (left?.type === "attribute" && left.childForFieldName("attribute")?.text === "json_encoder") || (left?.type === "identifier" && left.text === "json_encoder");
    });
    if (onlyAppJson) conversions.push(conversion);
  }
  if (conversions.length === 0) return;
  const first = conversions[0]!;
  const sites = conversions.map((c) => c.base);
  // The base's import: the statement that binds the encoder name used in the first class.
  let root = first.base;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const origin = ctx.facts.importOf(root);
  if (!origin) return;
  const edits: Edit[] = [];
  const alreadyThere = ctx.facts.imports.some((b) => b.qualified === PROVIDER && b.name === "DefaultJSONProvider" && b.scope.type === "module");
  if (!alreadyThere) {
    if (!ctx.facts.nameIsFree("DefaultJSONProvider", ctx.root, sites, PROVIDER, origin.statement.startIndex)) return;
    edits.push(insertAbove(ctx.source, origin.statement, [fromImportLine("flask.json.provider", [{ name: "DefaultJSONProvider" }])], ctx.newline));
  }
  const rewritten = new Set<number>();
  for (const { base, baseCalls } of conversions) {
    edits.push({ start: base.startIndex, end: base.endIndex, text: "DefaultJSONProvider" });
    rewritten.add(base.type === "identifier" ? base.id : -1);
    for (const { call, argument } of baseCalls) {
      edits.push({ start: call.startIndex, end: call.endIndex, text: `super().default(${argument.text})` });
      const callee = call.childForFieldName("function")!.childForFieldName("object")!;
      if (callee.type === "identifier") rewritten.add(callee.id);
    }
  }
  // `from flask.json import JSONEncoder` goes when nothing else uses it.
  if (origin.kind === "from" && root.id === first.base.id) {
    const refs = ctx.facts.references(origin);
    if (refs.clean && refs.refs.every((r) => rewritten.has(r.id)) && !ctx.facts.isExported(origin.name)) {
      const drop = rewriteImportEntries(ctx.source, origin.statement, new Map([[origin.entry.id, null]]));
      if (drop) edits.push(...drop);
    }
  }
  ctx.fix("JSONEncoder subclass → DefaultJSONProvider subclass", edits);
}

function convertAssignments(ctx: RuleContext): void {
  for (const word of ["json_encoder", "json_decoder"]) {
    for (const id of ctx.facts.identifiers(word)) {
      const parent = id.parent;
      const say = (at: Node, what: string) =>
        ctx.report(at, `${what} was removed in Flask 2.3 (setting it does nothing): subclass flask.json.provider.DefaultJSONProvider and assign app.json = Provider(app) or set json_provider_class (${DOCS})`);
      // `json_encoder = E` in the body of a Flask subclass.
      if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id) {
        const cls = parent.parent?.parent?.parent;
        if (cls?.type !== "class_definition" || !derivesFrom(ctx.facts, cls, isFlaskClass)) continue;
        const value = parent.childForFieldName("right")!;
        if (word === "json_encoder" && providerClassKnown(ctx, value)) {
          ctx.fix("json_encoder → json_provider_class", [{ start: id.startIndex, end: id.endIndex, text: "json_provider_class" }]);
        } else say(id, word);
        continue;
      }
      if (parent?.type !== "attribute" || parent.childForFieldName("attribute")?.id !== id.id) continue;
      const object = parent.childForFieldName("object")!;
      const assignment = parent.parent;
      const isWrite = assignment?.type === "assignment" && assignment.childForFieldName("left")?.id === parent.id;
      if (isWrite && word === "json_encoder" && isFlaskApp(ctx.facts, object) && assignment.parent?.type === "expression_statement") {
        const value = assignment.childForFieldName("right")!;
        if (providerClassKnown(ctx, value)) {
          ctx.fix(`${parent.text} = ${value.text} → ${object.text}.json = ${value.text}(${object.text})`, [
            { start: parent.startIndex, end: value.endIndex, text: `${object.text}.json = ${value.text}(${object.text})` },
          ]);
          continue;
        }
      }
      if (isWrite || isFlaskApp(ctx.facts, object)) say(parent, `${parent.text}`);
    }
  }
}

export default defineRule({
  id: "flask/json-provider",
  framework: "flask",
  since: "2.2",
  summary: "a JSONEncoder subclass set as app.json_encoder becomes a DefaultJSONProvider subclass set as app.json",
  description:
    "Flask 2.2 replaced the app's JSON encoder and decoder classes by a JSON provider and deprecated `app.json_encoder`, " +
    "`app.json_decoder` and `flask.json.JSONEncoder`/`JSONDecoder`; Flask 2.3 removed them, and assigning " +
    "`app.json_encoder` then silently does nothing. A top-level `flask.json.JSONEncoder` subclass whose only method is " +
    "`default(self, o)` (using `self` only to call the base's `default`) becomes a " +
    "`flask.json.provider.DefaultJSONProvider` subclass with the same method (`JSONEncoder.default(self, o)` and " +
    "`super(C, self).default(o)` become `super().default(o)`), provided the file uses the class for nothing but " +
    "`json_encoder`. `app.json_encoder = C` becomes `app.json = C(app)` and `json_encoder = C` in a Flask subclass " +
    "becomes `json_provider_class = C` when C is such a class, in the same file or in a project module it is imported " +
    "from. Other encoders, decoders and reads are reported.",
  docs: DOCS,
  needles: ["JSONEncoder", "json_encoder", "json_decoder"],
  // Flask's encoder classes (imported, or a base class a star import may bind), or the app's
  // json_encoder / json_decoder in a file that may name Flask.
  precheck: (text) => mayReachEncoders(text) || (/\bjson_(?:en|de)coder\b/.test(text) && mayUsePackage(text, "flask")),
  create(ctx) {
    return {
      module() {
        convertClasses(ctx);
        convertAssignments(ctx);
        for (const b of ctx.facts.imports) {
          if (b.qualified === "flask.json.JSONEncoder" || b.qualified === "flask.json.JSONDecoder") {
            ctx.report(b.entry, `${b.qualified} was removed in Flask 2.3: subclass flask.json.provider.DefaultJSONProvider (its default(o) for encoding) and set it as app.json, or use the json module's classes for json.dumps(cls=...) (${DOCS})`);
          }
        }
      },
    };
  },
});
