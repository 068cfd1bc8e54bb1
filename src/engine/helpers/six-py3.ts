// What a use of six (Django's vendored django.utils.six) reads as on Python 3, where six's own
// definitions are plain aliases: `six.text_type` is `str`, `six.string_types` is `(str,)`,
// `six.iteritems(d)` is `iter(d.items())`, `six.PY3` is `True`. Given the expression that stands for
// one six member (an attribute `six.text_type` or a name imported from django.utils.six), it returns
// the edits that spell it without six, or why that use keeps six. Only shapes whose Python 3
// meaning is exactly the old one are rewritten; everything else keeps six (and the rule keeps the
// import, pointing at the six package).
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { callArgs, callOf, insertItem, removeArgument, type CallArgs } from "./calls.js";
import { stringValue } from "./findings.js";
import { ownsItsLines } from "./statements.js";
import { lineEndWithNewline, lineStart } from "../text.js";
import { dedentBlock, hasMultilineString, removeStatementAndSpacing, unparenthesize } from "./versioned-code.js";
import { removeDecoratorLines } from "./decorators.js";

/** Members that are a builtin under another name on Python 3. */
const BUILTIN_ALIASES: Record<string, string> = {
  text_type: "str",
  binary_type: "bytes",
  unichr: "chr",
  next: "next",
  advance_iterator: "next",
  callable: "callable",
  "moves.range": "range",
  "moves.xrange": "range",
  "moves.zip": "zip",
  "moves.map": "map",
  "moves.filter": "filter",
  "moves.input": "input",
};

/** Members that are a one-class tuple on Python 3 (`string_types == (str,)`). */
const CLASS_TUPLES: Record<string, string> = { string_types: "str", integer_types: "int", class_types: "type" };

/** `six.iteritems(d)` and friends: the dict method each one calls. */
const ITERATORS: Record<string, { method: string; iter: boolean }> = {
  iteritems: { method: "items", iter: true },
  itervalues: { method: "values", iter: true },
  iterkeys: { method: "keys", iter: true },
  viewitems: { method: "items", iter: false },
  viewvalues: { method: "values", iter: false },
  viewkeys: { method: "keys", iter: false },
};

/** `six.get_method_function(m)` and friends: the attribute each one reads. */
const FUNCTION_ATTRIBUTES: Record<string, string> = {
  get_method_function: "__func__",
  get_method_self: "__self__",
  get_function_closure: "__closure__",
  get_function_code: "__code__",
  get_function_defaults: "__defaults__",
  get_function_globals: "__globals__",
};

/** `six.assertCountEqual(self, ...)`: unittest's Python 3 method names. */
const ASSERTIONS = new Set(["assertCountEqual", "assertRaisesRegex", "assertRegex", "assertNotRegex"]);

/** Names the rewrite needs to stay what Python provides at `site` (nothing in the file rebinds them). */
function builtinsFree(ctx: RuleContext, names: string[], site: Node): boolean {
  return names.every((name) => ctx.facts.resolveName(name, site).scope === null);
}

/** A name or a chain of attributes on one: safe to read twice and to put before `.attr`. */
function isPlainReference(node: Node): boolean {
  if (node.type === "identifier") return true;
  return node.type === "attribute" && isPlainReference(node.childForFieldName("object")!);
}

/** Primary expressions that can take `.attr` or `(...)` after them as they are. */
function isPrimary(node: Node): boolean {
  return ["identifier", "attribute", "call", "subscript", "parenthesized_expression", "list", "dictionary", "string", "concatenated_string"].includes(node.type);
}

/** True when `node` is the class argument of `isinstance(x, node)` / `issubclass(c, node)`, or an item of a tuple there. */
function isClassInfo(ctx: RuleContext, node: Node): boolean {
  let arg: Node = node;
  if (arg.parent?.type === "tuple") arg = arg.parent;
  const list = arg.parent;
  if (list?.type !== "argument_list") return false;
  const call = list.parent!;
  const callee = call.childForFieldName("function");
  if (callee?.type !== "identifier" || !["isinstance", "issubclass"].includes(callee.text)) return false;
  if (!builtinsFree(ctx, [callee.text], callee)) return false;
  const args = callArgs(call);
  return args !== undefined && args.args.length === 2 && args.positional[1]?.id === arg.id;
}

/** True when `call` is what a `for` statement or comprehension iterates over. */
function isIterated(call: Node): boolean {
  const parent = call.parent;
  if (!parent) return false;
  if (parent.type === "for_statement" || parent.type === "for_in_clause") return parent.childForFieldName("right")?.id === call.id;
  return false;
}

/** The `if` statement whose whole condition is `expression` (parentheses allowed), if any. */
function ifOf(expression: Node): Node | undefined {
  let node: Node = expression;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (parent?.type !== "if_statement" || parent.childForFieldName("condition")?.id !== node.id) return undefined;
  return parent;
}

/** `if six.PY2:` / `if not six.PY3:` with at most an `else`: the branch Python 3 runs, dedented in its place. */
function settleGuard(ctx: RuleContext, expr: Node, py3Value: boolean): Edit[] | string {
  let condition: Node = expr;
  let value = py3Value;
  while (condition.parent?.type === "parenthesized_expression") condition = condition.parent;
  if (condition.parent?.type === "not_operator") {
    condition = condition.parent;
    value = !value;
  }
  const statement = ifOf(condition);
  if (!statement || unparenthesize(statement.childForFieldName("condition")!).id !== unparenthesize(condition).id) {
    return "is not the whole condition of an if statement";
  }
  const alternatives = statement.childrenForFieldName("alternative").filter((a): a is Node => a !== null);
  if (alternatives.length > 1 || alternatives.some((a) => a.type !== "else_clause")) return "guards an if statement with elif branches";
  const kept = value ? statement.childForFieldName("consequence") : alternatives[0]?.childForFieldName("body");
  if (!kept) return removeStatementAndSpacing(ctx.source, statement);
  if (hasMultilineString(kept, ctx.source)) return "guards a block holding a multi-line string";
  const text = dedentBlock(ctx.source, kept, statement);
  if (text === undefined) return "guards a block that cannot be re-indented";
  return [{ start: statement.startIndex, end: statement.endIndex, text }];
}

/** `class C(six.with_metaclass(Meta, *bases)):` → `class C(*bases, metaclass=Meta):`. */
function withMetaclass(ctx: RuleContext, call: Node): Edit[] | string {
  const list = call.parent;
  const cls = list?.parent;
  if (list?.type !== "argument_list" || cls?.type !== "class_definition" || cls.childForFieldName("superclasses")?.id !== list.id) {
    return "is not the base list of a class statement";
  }
  // six's temporary metaclass builds the class from with_metaclass's bases alone: other bases
  // beside the call would be dropped, so only a call that is the whole base list is rewritten.
  const bases = list.namedChildren.filter((c) => c !== null && c.type !== "line_continuation");
  if (bases.length !== 1) return "shares the base list with other bases or comments";
  const args = callArgs(call);
  if (!args || args.comments.length > 0 || args.keywords.size > 0 || args.listSplat || args.dictSplat || args.positional.length === 0) {
    return "has a call shape other than with_metaclass(Meta, *bases)";
  }
  const texts = args.positional.map((a) => ctx.source.slice(a.startIndex, a.endIndex));
  const [meta, ...rest] = texts;
  return [{ start: call.startIndex, end: call.endIndex, text: [...rest, `metaclass=${meta}`].join(", ") }];
}

/** True when `name`, read at `site`, can only be an exception caught by an enclosing `except ... as name`. */
function caughtException(ctx: RuleContext, name: Node, site: Node): boolean {
  if (name.type !== "identifier") return false;
  let inHandler = false;
  for (let node: Node | null = site.parent; node; node = node.parent) {
    if (node.type === "function_definition" || node.type === "class_definition" || node.type === "lambda") break;
    if (node.type === "except_clause" && exceptAlias(node) === name.text) {
      inHandler = true;
      break;
    }
  }
  if (!inHandler) return false;
  // Every binding of the name in its scope is an `except ... as name`: it holds an exception or is unbound.
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.scope === null || resolution.uncertain) return false;
  return resolution.bindings.every((b) => !b.star && b.node.parent?.type === "as_pattern_target" && b.node.parent.parent?.parent?.type === "except_clause");
}

/** The name an except clause binds (`except E as name`), if any. */
function exceptAlias(clause: Node): string | undefined {
  const pattern = clause.namedChildren.find((c) => c?.type === "as_pattern");
  const target = pattern?.namedChildren.find((c) => c?.type === "as_pattern_target");
  const id = target?.namedChild(0);
  return id?.type === "identifier" ? id.text : undefined;
}

/** An expression whose evaluation has no effect: a name, an attribute chain, or `type(name)`. */
function isPureReference(ctx: RuleContext, node: Node): boolean {
  if (isPlainReference(node)) return true;
  if (node.type !== "call") return false;
  const callee = node.childForFieldName("function");
  const args = callArgs(node);
  return callee?.type === "identifier" && callee.text === "type" && builtinsFree(ctx, ["type"], callee) &&
    args !== undefined && args.args.length === 1 && args.comments.length === 0 && isPlainReference(args.args[0]!);
}

/**
 * `six.reraise(tp, value, tb)` as a statement → `raise value.with_traceback(tb)`. On Python 3 six
 * ignores `tp` once `value` is an exception and raises `value.with_traceback(tb)`; it calls `tp()`
 * only when `value` is None. So the rewrite needs `value` to be surely an exception (the name an
 * enclosing `except ... as e` binds, or `tp(...)` itself) and `tp` to be free of effects.
 */
function reraise(ctx: RuleContext, call: Node, args: CallArgs): Edit[] | string {
  const statement = call.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return "is not a statement of its own";
  if (args.args.length !== 3 || args.positional.length !== 3) return "is not called with (type, value, traceback)";
  const [tp, value, tb] = args.positional as [Node, Node, Node];
  if (!isPureReference(ctx, tp)) return "has a type argument that may have effects";
  const constructed = value.type === "call" && isPlainReference(tp) && value.childForFieldName("function")?.text === tp.text;
  if (!constructed && !caughtException(ctx, value, call)) return "has a value that may be None";
  const text = (node: Node) => ctx.source.slice(node.startIndex, node.endIndex);
  return [{ start: call.startIndex, end: call.endIndex, text: `raise ${text(value)}.with_traceback(${text(tb)})` }];
}

/**
 * `@six.add_metaclass(M)` right above `class C(...)` → `class C(..., metaclass=M)`. six rebuilt the
 * class through M from its namespace, dropping the slot descriptors and `__dict__`/`__weakref__`;
 * a class naming those, one with keywords in its base list, a decorator below (which would see the
 * class before M made it) and a file defining `__prepare__` (M's namespace would change) are left.
 */
function addMetaclass(ctx: RuleContext, call: Node, args: CallArgs): Edit[] | string {
  const decorator = call.parent;
  const decorated = decorator?.parent;
  if (decorator?.type !== "decorator" || decorated?.type !== "decorated_definition") return "is not a class decorator";
  const cls = decorated.childForFieldName("definition");
  if (cls?.type !== "class_definition") return "is not a class decorator";
  const decorators = decorated.namedChildren.filter((c) => c?.type === "decorator");
  if (decorators[decorators.length - 1]?.id !== decorator.id) return "has other decorators below it";
  const rest = ctx.source.slice(call.endIndex, lineEndWithNewline(ctx.source, call.endIndex));
  if (!ownsItsLines(ctx.source, decorator) || rest.trim() !== "") return "shares its line with code or a comment";
  if (args.args.length !== 1 || args.positional.length !== 1) return "is not called with one metaclass";
  const body = cls.childForFieldName("body")!.text;
  if (/\b__(slots|dict|weakref)__\b/.test(body)) return "decorates a class that names __slots__, __dict__ or __weakref__";
  if (/\b__prepare__\b/.test(ctx.source)) return "is in a file that defines __prepare__";
  const meta = `metaclass=${ctx.source.slice(args.positional[0]!.startIndex, args.positional[0]!.endIndex)}`;
  const dropDecorator: Edit = { start: lineStart(ctx.source, decorator.startIndex), end: lineEndWithNewline(ctx.source, decorator.endIndex), text: "" };
  const bases = cls.childForFieldName("superclasses");
  if (!bases) {
    const name = cls.childForFieldName("name")!;
    return [dropDecorator, { start: name.endIndex, end: name.endIndex, text: `(${meta})` }];
  }
  const items = bases.namedChildren.filter((c): c is Node => c !== null && c.type !== "line_continuation");
  if (items.some((c) => c.type === "comment" || c.type === "keyword_argument" || c.type === "dictionary_splat")) {
    return "decorates a class whose base list has comments or keywords";
  }
  const list = { open: bases.child(0)!, close: bases.child(bases.childCount - 1)!, items };
  return [dropDecorator, ...insertItem(ctx.source, list, items.length, meta, ctx.newline)];
}

/** A plain `"..."` literal that `six.b` would encode the same as a `b"..."` literal. */
function bytesLiteral(node: Node): string | undefined {
  if (node.type !== "string" || stringValue(node) === undefined) return undefined;
  const text = node.text;
  if (!/^["']/.test(text)) return undefined;
  // ASCII only, and none of the escapes that bytes literals do not have.
  if (/[^\x20-\x7e]/.test(text) || /\\[uUN]/.test(text)) return undefined;
  return `b${text}`;
}

/**
 * `@six.python_2_unicode_compatible` on a class returns the class unchanged on Python 3: the
 * decorator's line goes (what the python-2-unicode-compatible rule does for Django's own name), so
 * the six import can go with the file's last six use instead of becoming an unused `import six`.
 */
function classDecoratorRemoval(ctx: RuleContext, expr: Node): Edit[] | string {
  const decorator = expr.parent;
  if (decorator?.type !== "decorator" || decorator.namedChild(0)?.id !== expr.id) return "is not used as a class decorator";
  if (decorator.parent?.childForFieldName("definition")?.type !== "class_definition") return "decorates something other than a class";
  if (!ownsItsLines(ctx.source, decorator)) return "shares its line with other code";
  return [removeDecoratorLines(ctx.source, decorator)];
}

/**
 * The edits that write the six member `member` (`text_type`, `moves.range`, `iteritems`...), used
 * through `expr`, without six; or why this use has to keep six.
 */
export function sixUseInPy3(ctx: RuleContext, expr: Node, member: string): Edit[] | string {
  const replace = (node: Node, text: string): Edit[] => [{ start: node.startIndex, end: node.endIndex, text }];
  const builtin = BUILTIN_ALIASES[member];
  if (builtin) {
    if (!builtinsFree(ctx, [builtin], expr)) return `needs the builtin ${builtin}, which this file rebinds`;
    return replace(expr, builtin);
  }
  const classTuple = CLASS_TUPLES[member];
  if (classTuple) {
    if (!builtinsFree(ctx, [classTuple], expr)) return `needs the builtin ${classTuple}, which this file rebinds`;
    return replace(expr, isClassInfo(ctx, expr) ? classTuple : `(${classTuple},)`);
  }
  if (member === "PY2" || member === "PY3") return settleGuard(ctx, expr, member === "PY3");
  if (member === "python_2_unicode_compatible") return classDecoratorRemoval(ctx, expr);
  const call = callOf(expr);
  const args = call ? callArgs(call) : undefined;
  if (member === "with_metaclass") return call ? withMetaclass(ctx, call) : "is not called";
  if (!call || !args || args.comments.length > 0 || args.listSplat || args.dictSplat) return "is not a plain call";
  if (member === "reraise") return reraise(ctx, call, args);
  if (member === "add_metaclass") return addMetaclass(ctx, call, args);
  const [first] = args.positional;
  const one = args.args.length === 1 && first !== undefined;
  const iterator = ITERATORS[member];
  if (iterator) {
    if (!one) return "is not called with one dictionary";
    const d = ctx.source.slice(first.startIndex, first.endIndex);
    const method = `${isPrimary(first) ? d : `(${d})`}.${iterator.method}()`;
    if (!iterator.iter || isIterated(call)) return replace(call, method);
    if (!builtinsFree(ctx, ["iter"], call)) return "needs the builtin iter, which this file rebinds";
    return replace(call, `iter(${method})`);
  }
  const attribute = FUNCTION_ATTRIBUTES[member];
  if (attribute) {
    if (!one || !isPrimary(first)) return "is not called with one plain expression";
    return replace(call, `${ctx.source.slice(first.startIndex, first.endIndex)}.${attribute}`);
  }
  if (member === "get_unbound_function") {
    if (!one || !isPlainReference(first)) return "is not called with one name";
    return replace(call, first.text);
  }
  if (member === "u") {
    if (!one || first.type !== "string" || stringValue(first) === undefined || !/^["']/.test(first.text)) return "is not called with one plain string literal";
    return replace(call, first.text);
  }
  if (member === "b") {
    const literal = one ? bytesLiteral(first) : undefined;
    return literal ? replace(call, literal) : "is not called with one ASCII string literal";
  }
  if (ASSERTIONS.has(member)) {
    if (!first || first.type !== "identifier" || args.positional[0]?.id !== args.args[0]?.id) return "is not called with the test case first";
    // Keep the arguments' own layout: only the callee and the first argument change.
    if (args.args.length < 2) return "has no arguments to check";
    const dropped = removeArgument(ctx.source, args, first);
    if (!dropped) return "has a comment beside the test case argument";
    return [{ start: call.startIndex, end: call.childForFieldName("function")!.endIndex, text: `${first.text}.${member}` }, ...dropped];
  }
  return `six.${member} has no exact Python 3 spelling here`;
}
