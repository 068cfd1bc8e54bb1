// Property test over the golden fixtures: a fixture input, mutated in ways no rule should care
// about, must still come out right. For every mutated case the transform must not crash, its
// output must parse, a second run must change nothing, and it must change exactly the lines it
// changes in the unmutated case (mapped through the mutation) and nothing else, in place: the
// inserted code, comments and blank lines, the renamed identifiers, the newline style and the
// indentation all survive byte for byte.
import { diffArrays } from "diff";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser, parse, type Node } from "../src/engine/parser.js";
import { transformSync, type TransformResult } from "../src/engine/transform.js";
import { registry, selectRules } from "../src/rules.js";
import { djangoStarNames } from "../src/engine/star-exports.js";
import { parseTargets } from "../src/target.js";
import { fixtureCases, type FixtureCase } from "./fixture-cases.js";

const cases = fixtureCases().filter((c) => c.input.endsWith("\n") && !c.template && !c.dotenv);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

beforeAll(async () => {
  await loadParser();
});

function transform(c: FixtureCase, source: string): TransformResult {
  const rule = registry.find((r) => r.id === c.ruleId);
  if (!rule) throw new Error(`fixtures folder ${c.ruleId} has no rule with that id`);
  const targets = parseTargets(c.target ?? `${rule.framework}-${rule.since}`);
  return transformSync(source, { rules: selectRules({ targets }), targets, filename: c.filename });
}

function syntaxOk(code: string): boolean {
  const tree = parse(code);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

// ── lines and line deltas ───────────────────────────────────────────────────────────────────────
/** Lines with their terminators, so "\r\n" and a missing final newline count. */
const linesOf = (text: string): string[] => (text === "" ? [] : text.split(/(?<=\n)/));

/** Signed multiset: how many times each line occurs in `after` minus in `before`. */
function lineDelta(before: string, after: string): Map<string, number> {
  const delta = new Map<string, number>();
  for (const line of linesOf(before)) delta.set(line, (delta.get(line) ?? 0) - 1);
  for (const line of linesOf(after)) delta.set(line, (delta.get(line) ?? 0) + 1);
  for (const [line, n] of delta) if (n === 0) delta.delete(line);
  return delta;
}

function mapDelta(delta: Map<string, number>, map: (line: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [line, n] of delta) {
    const mapped = map(line);
    out.set(mapped, (out.get(mapped) ?? 0) + n);
  }
  for (const [line, n] of out) if (n === 0) out.delete(line);
  return out;
}

const TRIVIA = /^[ \t\f]*(#.*)?\r?\n?$/;
function dropTrivia(delta: Map<string, number>): Map<string, number> {
  return new Map([...delta].filter(([line]) => !TRIVIA.test(line)));
}

const sorted = (delta: Map<string, number>) => [...delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Lines with nothing but closing brackets or nothing at all: rules that insert code write such
 * lines too (a decorator's `)`), and blank lines next to a removed statement go or stay depending
 * on its neighbours, so neither says anything about which lines the rule touched.
 */
const STRUCTURE = /^\s*[)\]},:]*\s*$/;
const dropStructure = (delta: Map<string, number>) => new Map([...delta].filter(([line]) => !STRUCTURE.test(line)));

/** Lines a line diff has to remove; equal to the delta's removals only if no kept line moved. */
function removedByDiff(before: string, after: string): number {
  return diffArrays(linesOf(before), linesOf(after))
    .filter((part) => part.removed)
    .reduce((n, part) => n + part.value.filter((line) => !STRUCTURE.test(line)).length, 0);
}

// ── the mutations ───────────────────────────────────────────────────────────────────────────────
type Mutation =
  | { kind: "insert-code"; seed: number; count: number }
  | { kind: "rename"; seed: number; count: number }
  | { kind: "comments"; seed: number; count: number }
  | { kind: "crlf" }
  | { kind: "wrap-if-true" };

interface State {
  text: string;
  /** Maps a line of the unmutated text to the same line in the mutated text. */
  mapLine: (line: string) => string;
  /** The lines the rules change, as they look in the mutated text (no mutation may touch them). */
  touched: string[];
  /** Serial number for fresh names. */
  serial: number;
  ruleId: string;
}

const STATEMENT = /(_statement|_definition)$/;

/** Offsets where a whole line can be inserted before a statement (at that statement's indentation). */
function statementLineStarts(text: string): { at: number; indent: string }[] {
  const tree = parse(text);
  const found = new Map<number, string>();
  try {
    const visit = (node: Node) => {
      if (STATEMENT.test(node.type) && node.parent?.type !== "decorated_definition") {
        const lineStart = text.lastIndexOf("\n", node.startIndex - 1) + 1;
        const indent = text.slice(lineStart, node.startIndex);
        const previousLine = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, Math.max(lineStart - 1, 0));
        if (/^[ \t]*$/.test(indent) && !/\\\r?$/.test(previousLine)) found.set(lineStart, indent);
      }
      for (const child of node.namedChildren) if (child) visit(child);
    };
    visit(tree.rootNode);
  } finally {
    tree.delete();
  }
  if (found.size === 0) found.set(text.length, "");
  return [...found].map(([at, indent]) => ({ at, indent })).sort((a, b) => a.at - b.at);
}

const newlineOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

function insertLines(
  state: State, seed: number, count: number, block: (n: number, indent: string, nl: string) => string, topLevelOnly = false,
): State {
  let text = state.text;
  let serial = state.serial;
  for (let i = 0; i < count; i++) {
    let spots = statementLineStarts(text);
    if (topLevelOnly) spots = spots.filter((spot) => spot.indent === "");
    if (spots.length === 0) spots = [{ at: text.length, indent: "" }];
    const { at, indent } = spots[(seed + i * 7919) % spots.length]!;
    text = text.slice(0, at) + block(serial++, indent, newlineOf(text)) + text.slice(at);
  }
  return { ...state, text, serial };
}

const UNRELATED: ((n: number) => string[])[] = [
  (n) => [`zz_value_${n} = [1, 2, {"k": (3, 4)}]`],
  (n) => [`def zz_helper_${n}(a, *args, b=None, **kw):`, `    return (a, args, b, kw)`],
  (n) => [`class ZzThing${n}:`, `    attr = "unrelated"`, ``, `    def method(self):`, `        return self.attr`],
  (n) => [`import os.path as zz_os_${n}`],
  (n) => [`if zz_flag_${n} := len("x"):`, `    pass`, `else:`, `    zz_other_${n} = None`],
  (n) => [`zz_text_${n} = """multi`, `line string"""`],
  (n) => [`for zz_i_${n} in range(3):`, `    continue`],
  (n) => [`zz_lambda_${n} = lambda q: q * 2  # unrelated comment`],
];

// Code goes between top-level statements only: inside a block it could change facts a rule
// rightly looks at (a class body that is no longer a single statement, say).
function insertCode(state: State, seed: number, count: number): State {
  return insertLines(state, seed, count, (n, _indent, nl) => {
    const lines = UNRELATED[(seed + n) % UNRELATED.length]!(n);
    return lines.map((line) => `${line}${nl}`).join("");
  }, true);
}

function addComments(state: State, seed: number, count: number): State {
  const kinds = [
    (n: number, indent: string, nl: string) => `${indent}# zz comment ${n}: force nothing here${nl}`,
    (_n: number, _indent: string, nl: string) => nl,
    (n: number, indent: string, nl: string) => `${nl}${indent}# zz comment ${n} after a blank line${nl}${nl}`,
    (n: number, _indent: string, nl: string) => `#zz comment ${n} in column one${nl}`,
  ];
  return insertLines(state, seed, count, (n, indent, nl) => kinds[(seed + n) % kinds.length]!(n, indent, nl));
}

const NOT_RENAMED = new Set([
  "self", "cls", "print", "len", "range", "super", "object", "str", "int", "bytes", "list", "dict", "set", "tuple",
  "None", "True", "False", "match", "case", "type", "_", "print", "isinstance", "getattr", "setattr", "hasattr",
  "Exception", "ImportError", "ValueError", "TypeError", "KeyError", "AttributeError", "NotImplemented", "exec", "eval",
  // Builtins whose meaning rules rely on (a method under @staticmethod has no `self`).
  "staticmethod", "classmethod", "property", "globals", "locals", "vars", "callable", "iter", "next",
  // Names a Flask file's role is read from (src/flask-roles.ts: an app factory defines create_app
  // or calls Flask(__name__)); renaming them changes what the file is.
  "create_app", "__name__",
  // Methods unittest and pytest call by name before each test (a client kept on self is read from them).
  "setUp", "setup_method",
]);

const WORD = /[\p{L}\p{N}_]+/gu;
/** `name` as a whole word (Python identifiers may be non-ASCII, which \b does not know). */
const wordRegExp = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, "u");

/** Words in any line the rule changes in any of its fixtures: names it writes, or avoids clashing with. */
const ruleWordCache = new Map<string, Set<string>>();
function ruleWords(ruleId: string): Set<string> {
  let words = ruleWordCache.get(ruleId);
  if (!words) {
    words = new Set();
    for (const c of cases.filter((other) => other.ruleId === ruleId)) {
      for (const line of baseline(c).delta.keys()) for (const word of line.match(WORD) ?? []) words.add(word);
      for (const word of `${c.input}\n${c.expected ?? ""}`.match(/\b(?:import|as)\s+\w+/g) ?? []) words.add(word.split(/\s+/)[1]!);
    }
    ruleWordCache.set(ruleId, words);
  }
  return words;
}

/**
 * Identifiers no rule can care about: not imported, not attributes or keywords, not in a line the
 * rule touches, and not a name the rule writes or steers clear of in any of its fixtures.
 */
function renameCandidates(state: State): string[] {
  const needles = registry.flatMap((rule) => rule.needles);
  const ruleOwn = ruleWords(state.ruleId);
  // Names a star import of a Django module may bind are imported names too: whether the file still
  // uses one decides whether a star import of a removed module can go (star-uses.ts starImportIdle).
  const starBound = new Set<string>();
  for (const [, module] of state.text.matchAll(/^\s*from\s+([\w.]+)\s+import\s+\*/gm)) {
    const known = djangoStarNames(module!);
    if (known && "names" in known) for (const name of [...known.names.keys(), ...(known.maybe ?? [])]) starBound.add(name);
  }
  const tree = parse(state.text);
  const names = new Map<string, boolean>(); // name → still a candidate
  try {
    const visit = (node: Node, inImport: boolean) => {
      const importish = inImport || /import|future/.test(node.type);
      if (node.type === "identifier") {
        const parent = node.parent;
        const excluded =
          importish ||
          (parent?.type === "attribute" && parent.childForFieldName("attribute")?.startIndex === node.startIndex) ||
          (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.startIndex === node.startIndex);
        names.set(node.text, (names.get(node.text) ?? true) && !excluded);
      }
      for (const child of node.namedChildren) if (child) visit(child, importish);
    };
    visit(tree.rootNode, false);
  } finally {
    tree.delete();
  }
  return [...names]
    .filter(([name, ok]) =>
      ok &&
      !NOT_RENAMED.has(name) &&
      !starBound.has(name) &&
      !name.startsWith("__") &&
      name !== name.toUpperCase() &&
      !needles.some((needle) => name.includes(needle) || needle.includes(name)) &&
      !ruleOwn.has(name) &&
      !state.touched.some((line) => wordRegExp(name).test(line)))
    .map(([name]) => name)
    .sort();
}

function rename(state: State, seed: number, count: number): State {
  let current = state;
  for (let i = 0; i < count; i++) {
    const candidates = renameCandidates(current);
    if (candidates.length === 0) break;
    const name = candidates[(seed + i) % candidates.length]!;
    const fresh = `${name}_zz${current.serial}`;
    const tree = parse(current.text);
    const spots: number[] = [];
    try {
      for (const node of tree.rootNode.descendantsOfType("identifier")) if (node && node.text === name) spots.push(node.startIndex);
    } finally {
      tree.delete();
    }
    let text = current.text;
    for (const at of spots.sort((a, b) => b - a)) text = text.slice(0, at) + fresh + text.slice(at + name.length);
    current = { ...current, text, serial: current.serial + 1 };
  }
  return current;
}

function toCrlf(state: State): State {
  const map = (line: string) => line.replace(/\r?\n$/, "\r\n");
  return {
    ...state,
    text: state.text.replace(/\r?\n/g, "\r\n"),
    mapLine: (line) => map(state.mapLine(line)),
    touched: state.touched.map(map),
  };
}

function wrapInIfTrue(state: State): State {
  const nl = newlineOf(state.text);
  const map = (line: string) => (/^[ \t\f]*\r?\n?$/.test(line) ? line : `    ${line}`);
  return {
    ...state,
    text: `if True:${nl}${linesOf(state.text).map(map).join("")}    pass${nl}`,
    mapLine: (line) => map(state.mapLine(line)),
    touched: state.touched.map(map),
  };
}

function mutate(state: State, mutation: Mutation): State {
  switch (mutation.kind) {
    case "insert-code":
      return insertCode(state, mutation.seed, mutation.count);
    case "rename":
      return rename(state, mutation.seed, mutation.count);
    case "comments":
      return addComments(state, mutation.seed, mutation.count);
    case "crlf":
      return toCrlf(state);
    case "wrap-if-true":
      return wrapInIfTrue(state);
  }
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert-code" as const), seed: fc.nat(1000), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("rename" as const), seed: fc.nat(1000), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("comments" as const), seed: fc.nat(1000), count: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: "crlf" as const }),
  fc.constant({ kind: "wrap-if-true" as const }),
);

// ── the property ────────────────────────────────────────────────────────────────────────────────
const RESTRUCTURING = new Set(["django/versioned-branches", "django/versioned-test-skip-decorators", "django/admin-decorators", "django/utils-six", "flask/json-available", "flask/signals-available"]);

interface Baseline {
  output: string;
  delta: Map<string, number>;
}
const baselines = new Map<FixtureCase, Baseline>();
function baseline(c: FixtureCase): Baseline {
  let base = baselines.get(c);
  if (!base) {
    const output = transform(c, c.input).code;
    base = { output, delta: lineDelta(c.input, output) };
    baselines.set(c, base);
  }
  return base;
}

function check(c: FixtureCase, mutations: Mutation[]): void {
  const base = baseline(c);
  let state: State = { text: c.input, mapLine: (line) => line, touched: [...base.delta.keys()], serial: 0, ruleId: c.ruleId };
  for (const mutation of mutations) state = mutate(state, mutation);
  const input = state.text;
  const where = `${c.ruleId} ${c.name} after ${JSON.stringify(mutations)}\n--- mutated input\n${input}`;
  expect(syntaxOk(input), `the mutation itself broke the syntax (a bug in this test)\n${where}`).toBe(true);

  let result: TransformResult;
  try {
    result = transform(c, input);
  } catch (error) {
    throw new Error(`transform crashed: ${(error as Error).stack}\n${where}`);
  }
  const output = result.code;
  const context = `${where}\n--- output\n${output}`;
  expect(result.problems, context).toEqual([]);
  expect(syntaxOk(output), `output does not parse\n${context}`).toBe(true);

  const again = transform(c, output);
  expect(again.code, `a second run changed the output\n${context}`).toBe(output);

  // The same lines change as in the unmutated case, and nothing else does. Two allowances:
  // - a rule that removes a statement may take the comments and blank lines attached to it, and
  //   which ones are attached depends on the neighbours we added, so with inserted comments or
  //   code the comparison ignores comment-only and blank lines (every inserted comment and line
  //   of code must still survive);
  // - inside `if True:`, with code inserted between its statements or comments inside a block it
  //   would move, a rule may decline some or all of its rewrites, but it may change no line that
  //   the unmutated case leaves alone.
  // Rules that move or delete whole blocks (a version branch, a skipped test, assignments folded
  // into a decorator) legitimately drop comments inserted into those blocks and rewrite in
  // other shapes around inserted code: for them only the checks above apply.
  if (RESTRUCTURING.has(c.ruleId)) return;
  const lenientTrivia = mutations.some((m) => m.kind === "comments" || m.kind === "insert-code");
  // Inserted code may also land between statements a rule only rewrites as a unit (a function and
  // the attribute assignments right after it), so the rule may decline there too.
  const mayDecline = mutations.some((m) => m.kind === "wrap-if-true" || m.kind === "insert-code" || m.kind === "comments");
  const expected = mapDelta(base.delta, state.mapLine);
  const actual = lineDelta(input, output);
  const view = (delta: Map<string, number>) => sorted(lenientTrivia ? dropTrivia(delta) : dropStructure(delta));
  if (mayDecline) {
    // Declining some or all of the rewrites is allowed; touching any other line is not.
    const allowed = new Map(view(expected));
    const extra = view(actual).filter(([line, n]) => {
      const limit = allowed.get(line) ?? 0;
      return Math.sign(n) !== Math.sign(limit) || Math.abs(n) > Math.abs(limit);
    });
    expect(extra, `changed lines the unmutated case does not change\n${context}`).toEqual([]);
  } else {
    expect(view(actual), `changed lines differ from the unmutated case\n${context}`).toEqual(view(expected));
  }
  const ours = (text: string) => linesOf(text).filter((line) => line.includes("zz comment")).length;
  expect(ours(output), `an inserted comment was lost\n${context}`).toBe(ours(input));
  const removals = [...dropStructure(actual).values()].filter((n) => n < 0).reduce((sum, n) => sum - n, 0);
  expect(removedByDiff(input, output), `a line outside the edits moved\n${context}`).toBe(removals);
}

describe("fixture inputs survive unrelated mutations", () => {
  it("has fixture cases to mutate", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it("no crash, parses, idempotent, only the rule's edits change (random mutations)", () => {
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        check(cases[index]!, mutations);
      }),
      // A fixed seed keeps CI reproducible; PROPERTY_SEED explores others locally.
      { numRuns: NUM_RUNS, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261123 },
    );
  });

  // Every case once under each single mutation, so no fixture is skipped by chance.
  it.each(["insert-code", "rename", "comments", "crlf", "wrap-if-true"] as const)("every case under %s", (kind) => {
    const failures: string[] = [];
    for (const [i, c] of cases.entries()) {
      const mutation: Mutation = kind === "crlf" || kind === "wrap-if-true" ? { kind } : { kind, seed: i * 31, count: 2 };
      try {
        check(c, [mutation]);
      } catch (error) {
        failures.push((error as Error).message.split("\n").slice(0, 60).join("\n"));
      }
    }
    expect(failures.length, `${failures.length} of ${cases.length} cases failed; first:\n${failures[0] ?? ""}`).toBe(0);
  });
});
