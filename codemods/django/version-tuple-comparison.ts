// django/version-tuple-comparison: Django 6.1 deprecated reading django.VERSION past its second
// component. Calendar versions (from the release after 6.2) have no minor number, so VERSION turns
// into (year, patch, status, iteration) and everything from index 2 on moves down one place: a
// comparison with (4, 1, 0), or VERSION[2] / VERSION[:3], would silently change meaning. Which
// replacement fits (two components, or VERSION.feature / VERSION.patch on 6.1+) depends on the
// Django versions the code still supports, so the site is pointed at, never rewritten.
import type { Facts } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1";
const QUALIFIED = "django.VERSION";
/** django.VERSION has five items up to 6.2: (major, minor, micro, status, iteration). */
const LENGTH = 5;
const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);

/** A plain decimal integer literal, with an optional minus sign, or undefined. */
function integer(node: Node | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === "integer" && /^[0-9]+$/.test(node.text)) return Number(node.text);
  if (node.type === "unary_operator" && node.child(0)?.type === "-") {
    const inner = integer(node.childForFieldName("argument"));
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/**
 * True when `VERSION[index]` reads the third component or a later one, as Django's own check
 * decides it: an index at position 2 or later, or a slice that covers such a position. Unknown
 * (non-literal) indexes are not reported.
 */
function readsPastMinor(subscript: Node): boolean {
  const indexes = subscript.childrenForFieldName("subscript").filter((n): n is Node => n !== null && n.type !== "comment");
  if (indexes.length !== 1) return false;
  const index = indexes[0]!;
  if (index.type !== "slice") {
    const value = integer(index);
    if (value === undefined) return false;
    const position = value < 0 ? value + LENGTH : value;
    return position >= 2 && position < LENGTH;
  }
  // slice: [start]:[stop][:step]; only steps of 1 (or none) are judged.
  const parts: (Node | null)[] = [null, null, null];
  let slot = 0;
  for (const child of index.children) {
    if (!child) continue;
    if (child.type === ":") slot++;
    else if (slot < 3) parts[slot] = child;
  }
  const [startNode, stopNode, stepNode] = parts;
  const bound = (node: Node | null, fallback: number): number | undefined => {
    if (!node) return fallback;
    const value = integer(node);
    if (value === undefined) return undefined;
    return Math.min(Math.max(value < 0 ? value + LENGTH : value, 0), LENGTH);
  };
  if (stepNode && integer(stepNode) !== 1) return false;
  const start = bound(startNode, 0);
  const stop = bound(stopNode, LENGTH);
  if (start === undefined || stop === undefined) return false;
  return stop > Math.max(start, 2);
}

/** A tuple literal of three or more items (a version spelled past its minor number). */
function longTuple(node: Node): boolean {
  const inner = unparenthesize(node);
  if (inner.type !== "tuple") return false;
  return inner.namedChildren.filter((c) => c !== null && c.type !== "comment").length >= 3;
}

/** Every expression in the file that reads django.VERSION: `django.VERSION`, `dj.VERSION`, an imported `VERSION` (any alias). */
function versionReads(ctx: { facts: Facts }): Node[] {
  const names = new Set(["VERSION"]);
  for (const binding of ctx.facts.imports) if (binding.qualified === QUALIFIED) names.add(binding.name);
  const found: Node[] = [];
  for (const name of names) {
    for (const id of ctx.facts.identifiers(name)) {
      const parent = id.parent;
      if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) {
        if (ctx.facts.qualifiedName(parent) === QUALIFIED) found.push(parent);
      } else if (ctx.facts.qualifiedName(id) === QUALIFIED) {
        found.push(id);
      }
    }
  }
  return found;
}

/** A builtin the file does not rebind. */
function builtin(facts: Facts, callee: Node | null, names: readonly string[]): boolean {
  return callee?.type === "identifier" && names.includes(callee.text) && facts.resolveName(callee.text, callee).scope === null;
}

/**
 * Reads that depend on VERSION's length: unpacking (`a, b, c = VERSION`), `for x in VERSION`,
 * `*VERSION`, `len(VERSION)`, `tuple(VERSION)`, `list(VERSION)`, `map(f, VERSION)`.
 */
function wholeTupleUse(facts: Facts, read: Node): boolean {
  let outer = read;
  while (outer.parent?.type === "parenthesized_expression") outer = outer.parent;
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === outer.id) {
    const left = parent.childForFieldName("left")?.type;
    return left === "pattern_list" || left === "tuple_pattern" || left === "list_pattern";
  }
  if (parent.type === "for_statement" || parent.type === "for_in_clause") return parent.childForFieldName("right")?.id === outer.id;
  if (parent.type === "list_splat") return true;
  if (parent.type === "argument_list" && parent.parent?.type === "call") {
    const callee = parent.parent.childForFieldName("function");
    const args = parent.namedChildren.filter((c) => c !== null && c.type !== "comment");
    if (args.length === 1 && builtin(facts, callee, ["len", "tuple", "list", "iter", "sorted"])) return true;
    if (args.length === 2 && args[1]!.id === outer.id && builtin(facts, callee, ["map"])) return true;
  }
  return false;
}

export default defineRule({
  id: "django/version-tuple-comparison",
  framework: "django",
  since: "6.1",
  kind: "finding",
  summary: "warns about django.VERSION compared with three or more components, indexed past its minor number, or unpacked (deprecated in Django 6.1)",
  description:
    "Django 6.1 deprecated comparing `django.VERSION` with a tuple of three or more components and reading it from its third " +
    "component on (`VERSION[2]`, `VERSION[:3]`): with calendar versions it becomes `(year, patch, status, iteration)`, so those " +
    "items move down one place. Reads of `django.VERSION` through any import spelling are reported when compared with a tuple " +
    "literal of three or more items, indexed/sliced with literal bounds that reach the third item, or unpacked, iterated or " +
    "measured (`a, b, c = VERSION`, `for x in VERSION`, `len(VERSION)`, `tuple(...)`, `map(str, VERSION)`). Compare two components " +
    "(`django.VERSION >= (4, 1)`, which means the same as `(4, 1, 0)`) or, on Django 6.1 and later only, use " +
    "`django.VERSION.feature` and `django.VERSION.patch`.",
  docs: DOCS,
  needles: ["VERSION"],
  // Only files that import django can read django.VERSION.
  precheck: (text) => /\bimport\s+django\b|\bfrom\s+django\s+import\b/.test(text),
  create(ctx) {
    return {
      module() {
        const seen = new Set<number>();
        const say = (node: Node, message: string) => {
          if (seen.has(node.startIndex)) return;
          seen.add(node.startIndex);
          ctx.report(node, `${message}; see ${DOCS}`);
        };
        for (const read of versionReads(ctx)) {
          let expression: Node = read;
          let indexed = false;
          if (read.parent?.type === "subscript" && read.parent.childForFieldName("value")?.id === read.id) {
            expression = read.parent;
            indexed = readsPastMinor(expression);
          }
          // Climb parentheses to the comparison, if any.
          let outer = expression;
          while (outer.parent?.type === "parenthesized_expression") outer = outer.parent;
          const comparison = outer.parent;
          if (comparison?.type === "comparison_operator") {
            const operators = comparison.childrenForFieldName("operators").filter((o): o is Node => o !== null);
            const operands = comparison.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
            const position = operands.findIndex((o) => o.id === outer.id);
            const neighbours = [operands[position - 1], operands[position + 1]].filter((o): o is Node => o !== undefined);
            if (operators.every((o) => COMPARISONS.has(o.type)) && neighbours.some(longTuple)) {
              say(comparison, "comparing django.VERSION with three or more components is deprecated since Django 6.1 (VERSION becomes (year, patch, status, iteration) with calendar versions): compare two components, e.g. django.VERSION >= (4, 1), or on Django 6.1+ use django.VERSION.feature / django.VERSION.patch");
              continue;
            }
          }
          if (expression === read && wholeTupleUse(ctx.facts, read)) {
            say(read, "iterating, unpacking or taking the length of django.VERSION is deprecated since Django 6.1 (it gets four items with calendar versions): read django.VERSION[:2], or on Django 6.1+ django.VERSION.feature / django.VERSION.patch");
            continue;
          }
          if (indexed) {
            say(expression, "reading django.VERSION from its third component on is deprecated since Django 6.1 (VERSION becomes (year, patch, status, iteration) with calendar versions): read django.VERSION[:2], or on Django 6.1+ django.VERSION.feature / django.VERSION.patch");
          }
        }
      },
    };
  },
});
