#!/usr/bin/env node
// Seeded generator of realistic Python/Django projects for the benchmark.
//
//   node bench/corpus.mjs [--sizes 1000,5000,20000] [--seed 20261123] [--force]
//
// A corpus of N files lands in bench/corpus/<N>/ (gitignored) as a monorepo of several Django
// projects. Each project has a site package (settings, urls, wsgi), Django apps (models, views,
// urls, admin, forms, tests, migrations, templatetags, management commands...) and plain Python
// library packages with no Django at all. A per-project "age" decides how much deprecated code it
// carries, so legacy code clusters in some projects the way it does in real life.
//
// Everything comes from one PRNG (mulberry32) seeded with --seed, so the same seed and size give
// byte-identical files on any machine, and a bigger corpus starts with the smaller one's files.
// A manifest (manifest.json) records seed, size, a hash of this generator and what was generated;
// an existing corpus with a matching manifest is reused as is.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SEED = 20261123;
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = path.join(HERE, "corpus");
const GENERATOR_HASH = createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);

// ───────────────────────────── PRNG ─────────────────────────────

export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** [[weight, value], ...] */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  /** Several distinct items. */
  some(list, count) {
    const copy = [...list];
    const out = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  gauss() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal size around `median`, clamped to [lo, hi]. */
  size(median, sigma, lo, hi) {
    return Math.round(Math.min(hi, Math.max(lo, median * Math.exp(sigma * this.gauss()))));
  }
}

// ───────────────────────────── vocabulary ─────────────────────────────

const NOUNS = [
  "user", "account", "order", "invoice", "payment", "product", "item", "cart", "customer", "report", "event",
  "message", "ticket", "project", "task", "comment", "article", "post", "page", "category", "tag", "profile",
  "address", "shipment", "warehouse", "stock", "price", "discount", "coupon", "subscription", "plan",
  "notification", "session", "token", "record", "entry", "document", "attachment", "image", "batch", "job",
  "queue", "worker", "schedule", "metric", "sample", "dataset", "feature", "node", "graph", "edge", "region",
  "country", "currency", "language", "team", "member", "role", "permission", "group", "channel", "feed",
  "review", "rating", "vote", "survey", "answer", "question", "lesson", "course", "student", "teacher",
  "booking", "room", "hotel", "flight", "route", "vehicle", "driver", "trip", "sensor", "reading", "device",
  "firmware", "audit", "backup", "snapshot", "release", "build", "artifact", "package", "license", "vendor",
  "supplier", "contract", "quote", "lead", "campaign", "segment", "partner", "store", "menu", "recipe",
];
const VERBS = [
  "get", "fetch", "load", "save", "update", "create", "delete", "remove", "build", "compute", "calculate",
  "parse", "render", "validate", "normalize", "process", "handle", "dispatch", "sync", "export", "merge",
  "split", "filter", "sort", "group", "collect", "resolve", "apply", "check", "ensure", "format",
  "serialize", "deserialize", "send", "notify", "schedule", "retry", "refresh", "prepare", "register",
  "lookup", "find", "count", "summarize", "convert", "encode", "decode", "clean", "archive", "restore",
  "index", "score", "rank", "match_", "reconcile", "estimate", "publish", "enqueue", "expire", "track",
];
const ADJS = [
  "active", "pending", "recent", "default", "current", "total", "raw", "cached", "remote", "local", "primary",
  "secondary", "visible", "hidden", "public", "private", "archived", "valid", "expired", "daily", "monthly",
  "internal", "external", "partial", "final", "next", "previous", "max", "min", "base", "extra", "new", "old",
];
const TECH = [
  "cache", "buffer", "payload", "context", "options", "params", "result", "response", "request", "headers",
  "values", "rows", "records", "items", "mapping", "state", "config", "registry", "handler", "callback",
  "timeout", "limit", "offset", "cursor", "key", "name", "label", "status", "kind", "level", "data", "meta",
];
const NON_ASCII = [
  "café", "naïve façade", "Größe", "Straße", "Привет, мир", "日本語のテキスト", "中文字符", "¿Dónde está?",
  "Ελληνικά", "coöperate", "€ 12,50", "✓ done", "→ next", "“quoted”", "São Paulo", "Zürich", "Kraków",
  "Ångström", "emoji 🐍", "Ünïcödé", "Čeština", "Ελλάδα", "한국어", "Türkçe", "señor", "déjà vu",
];
const SENTENCES = [
  "Return the {adj} {noun} for the given {noun2}.",
  "This {verb}s the {noun} and caches the result for later calls.",
  "The {noun} must be {adj} before calling this.",
  "Helper used by the {noun} pipeline to {verb} {noun2} records.",
  "Raises ValueError when the {noun} is not {adj}.",
  "Keeps the {adj} {noun2} in sync with the upstream {noun}.",
  "See the {noun} module for the format of {noun2} entries.",
  "Only {adj} {noun}s are considered; the rest are skipped.",
  "We {verb} the {noun} lazily because it is expensive on large {noun2} sets.",
  "Thin wrapper kept for backwards compatibility with old {noun} callers.",
  "Compute how many {noun2}s belong to each {noun}.",
  "The {noun} id is stable across restarts.",
];
const COMMENTS = [
  "TODO: {verb} the {noun} in bulk once the API supports it",
  "FIXME: this is slow for large {noun2} lists",
  "NOTE: {adj} {noun}s are handled by the caller",
  "keep in sync with {noun}_{noun2}.py",
  "{verb} first, then {verb2}: order matters here",
  "fall back to the {adj} {noun} when nothing matched",
  "see issue #{num} for the reasoning behind this",
  "XXX: remove after the {noun} migration is done",
  "cheap check first",
  "normalise before comparing",
];
const EXCEPTIONS = ["ValueError", "KeyError", "TypeError", "RuntimeError", "LookupError", "OSError"];
const BUILTIN_CALLS = ["len", "sorted", "list", "set", "tuple", "str", "int", "bool", "repr", "abs", "min", "max", "sum", "any", "all"];

/** stdlib imports and expressions that use them. */
const STDLIB = [
  { line: "import os", exprs: ["os.path.join({a}, \"{w}\")", "os.environ.get(\"{W}\", \"\")", "os.path.exists({a})", "os.getcwd()"] },
  { line: "import re", exprs: ["re.sub(r\"\\s+\", \" \", {a})", "re.match(r\"^[a-z_]+$\", {a})", "re.compile(r\"(\\d+)-(\\w+)\")"] },
  { line: "import json", exprs: ["json.dumps({a}, indent=2, sort_keys=True)", "json.loads({a})"] },
  { line: "import logging", exprs: [] },
  { line: "import hashlib", exprs: ["hashlib.sha256({a}.encode()).hexdigest()", "hashlib.md5({a}).hexdigest()"] },
  { line: "import time", exprs: ["time.monotonic()", "time.time() - {a}"] },
  { line: "import itertools", exprs: ["list(itertools.chain.from_iterable({a}))", "itertools.islice({a}, 10)"] },
  { line: "import math", exprs: ["math.ceil({a} / 2)", "math.floor({a})", "math.isclose({a}, {b})"] },
  { line: "import random", exprs: ["random.choice({a})", "random.randint(0, {a})"] },
  { line: "from collections import defaultdict", exprs: ["defaultdict(list)", "defaultdict(int)"] },
  { line: "from collections import Counter", exprs: ["Counter({a})", "Counter({a}).most_common(5)"] },
  { line: "from datetime import datetime, timedelta", exprs: ["datetime.now()", "datetime.utcnow() - timedelta(days={n})", "timedelta(hours={n})"] },
  { line: "from pathlib import Path", exprs: ["Path({a}).resolve()", "Path(__file__).parent / \"{w}\"", "Path({a}).read_text(encoding=\"utf-8\")"] },
  { line: "from functools import reduce", exprs: ["reduce(lambda acc, x: acc + x, {a}, 0)"] },
  { line: "from decimal import Decimal", exprs: ["Decimal(\"{n}.{n}\")", "Decimal({a}).quantize(Decimal(\"0.01\"))"] },
  { line: "import uuid", exprs: ["uuid.uuid4().hex", "str(uuid.uuid4())"] },
  { line: "import csv", exprs: ["csv.DictReader({a})", "csv.writer({a})"] },
  { line: "from urllib.parse import urlencode, urljoin", exprs: ["urljoin({a}, \"{w}/\")", "urlencode({a})"] },
  { line: "import base64", exprs: ["base64.b64encode({a}).decode(\"ascii\")"] },
  { line: "import copy", exprs: ["copy.deepcopy({a})"] },
];
const STDLIB_SET = new Set(["os", "re", "json", "logging", "hashlib", "time", "itertools", "math", "random", "collections",
  "datetime", "pathlib", "functools", "decimal", "uuid", "csv", "urllib", "base64", "copy", "typing", "dataclasses",
  "__future__", "enum", "abc", "contextlib", "sys", "html", "io", "operator", "threading", "string"]);

// ───────────────────────────── module builder ─────────────────────────────

function cap(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
function camel(...words) {
  return words.map((w) => w.replace(/_$/, "").split("_").map(cap).join("")).join("");
}
function plural(noun) {
  return noun.endsWith("y") && !/[aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : noun.endsWith("s") || noun.endsWith("ch") ? `${noun}es` : `${noun}s`;
}

class Module {
  constructor(rng) {
    this.rng = rng;
    this.froms = new Map(); // module -> Map(name -> alias|undefined)
    this.plain = new Set(); // "import x" lines
    this.docstring = undefined;
    this.header = []; // comment lines above everything
    this.prelude = []; // module-level statements right after the imports
    this.blocks = []; // top-level blocks, separated by two blank lines
    this.size = 0;
  }
  importFrom(mod, name, alias) {
    if (!this.froms.has(mod)) this.froms.set(mod, new Map());
    this.froms.get(mod).set(name, alias);
  }
  importLine(line) {
    const m = /^from (\S+) import (.+)$/.exec(line);
    if (m) {
      for (const part of m[2].split(",")) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        this.importFrom(m[1], name, alias);
      }
    } else this.plain.add(line);
  }
  add(block) {
    this.blocks.push(block);
    this.size += block.length + 3;
  }
  renderImports() {
    const groups = { future: [], std: [], third: [], local: [] };
    const groupOf = (mod) => {
      if (mod === "__future__") return "future";
      if (mod.startsWith(".")) return "local";
      const root = mod.split(".")[0];
      if (STDLIB_SET.has(root)) return "std";
      if (["django", "rest_framework", "celery", "requests"].includes(root)) return "third";
      return "local";
    };
    for (const line of this.plain) groups[groupOf(line.split(/\s+/)[1])].push(line);
    for (const [mod, names] of this.froms) {
      const parts = [...names].map(([n, a]) => (a ? `${n} as ${a}` : n));
      let line = `from ${mod} import ${parts.join(", ")}`;
      if (line.length > 79) line = `from ${mod} import (\n${parts.map((p) => `    ${p},\n`).join("")})`;
      groups[groupOf(mod)].push(line);
    }
    const sortKey = (l) => l.replace(/^(from|import) /, "");
    return ["future", "std", "third", "local"]
      .map((g) => groups[g].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)).join("\n"))
      .filter(Boolean)
      .join("\n\n");
  }
  render() {
    const parts = [];
    if (this.header.length) parts.push(this.header.join("\n"));
    if (this.docstring) parts.push(this.docstring);
    const imports = this.renderImports();
    if (imports) parts.push(imports);
    let out = parts.join("\n\n");
    if (this.prelude.length) out += `${out ? "\n\n" : ""}${this.prelude.join("\n")}`;
    if (this.blocks.length) out += `${out ? "\n\n\n" : ""}${this.blocks.join("\n\n\n")}`;
    return out ? `${out}\n` : "";
  }
  /** Rough current size: imports are small next to the body. */
  get length() {
    return this.size + 300;
  }
}

// ───────────────────────────── code generation ─────────────────────────────

/** State of one generated module: what it imported, which names are in scope. */
class Gen {
  constructor(rng, mod, { nonAscii = false, urlish = false } = {}) {
    this.rng = rng;
    this.mod = mod;
    this.nonAscii = nonAscii;
    this.urlish = urlish;
    this.stdExprs = [];
    this.hasLogger = false;
    this.usedNames = new Set();
    // functools.lru_cache shows up in a minority of modules, but then often more than once.
    this.caches = rng.chance(0.06);
  }
  useStdlib(count) {
    for (const lib of this.rng.some(STDLIB, count)) {
      this.mod.importLine(lib.line);
      this.stdExprs.push(...lib.exprs);
      if (lib.line === "import logging") this.hasLogger = true;
    }
    if (this.hasLogger) this.mod.prelude.push("logger = logging.getLogger(__name__)");
  }
  fill(template, extra = {}) {
    const r = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, key) => {
      if (key in extra) return extra[key];
      switch (key) {
        case "noun": case "noun2": return r.pick(NOUNS);
        case "verb": case "verb2": return r.pick(VERBS).replace(/_$/, "");
        case "adj": return r.pick(ADJS);
        case "num": return String(r.int(10, 4999));
        case "n": return String(r.int(1, 90));
        case "w": return r.pick(NOUNS);
        case "W": return `${r.pick(NOUNS)}_${r.pick(TECH)}`.toUpperCase();
        default: return key;
      }
    });
  }
  sentence() {
    return this.fill(this.rng.pick(SENTENCES));
  }
  comment(indent) {
    const text = this.rng.chance(0.08) && this.nonAscii ? `${this.fill(this.rng.pick(COMMENTS))} (${this.rng.pick(NON_ASCII)})` : this.fill(this.rng.pick(COMMENTS));
    return `${indent}# ${text}`;
  }
  funcName() {
    const r = this.rng;
    const v = r.pick(VERBS);
    const name = r.chance(0.4) ? `${v}${v.endsWith("_") ? "" : "_"}${r.pick(ADJS)}_${r.pick(NOUNS)}` : `${v}${v.endsWith("_") ? "" : "_"}${r.pick(NOUNS)}`;
    return name.replace(/_+/g, "_");
  }
  varName() {
    const r = this.rng;
    return r.weighted([[3, () => `${r.pick(NOUNS)}_${r.pick(TECH)}`], [2, () => `${r.pick(ADJS)}_${r.pick(NOUNS)}`], [2, () => r.pick(TECH)], [1, () => plural(r.pick(NOUNS))]])();
  }
  str() {
    const r = this.rng;
    if (this.nonAscii && r.chance(0.15)) return `"${r.pick(NON_ASCII)}"`;
    if (this.urlish && r.chance(0.2)) return `"https://api.example.com/${r.pick(NOUNS)}/${r.pick(NOUNS)}/"`;
    return r.weighted([
      [4, () => `"${r.pick(NOUNS)}"`],
      [2, () => `"${r.pick(ADJS)}_${r.pick(NOUNS)}"`],
      [1, () => `"${this.sentence().replace(/"/g, "'")}"`],
      [1, () => `"${r.pick(NOUNS)}-${r.int(1, 99)}"`],
    ])();
  }
  /** A name (never a literal): safe in front of `.attr`. */
  ref(scope) {
    return scope.length ? this.rng.pick(scope) : "self";
  }
  atom(scope) {
    const r = this.rng;
    return r.weighted([
      [6, () => (scope.length ? r.pick(scope) : "None")],
      [2, () => String(r.int(0, 1000))],
      [1, () => `${r.int(0, 99)}.${r.int(0, 99)}`],
      [3, () => this.str()],
      [1, () => r.pick(["None", "True", "False"])],
    ])();
  }
  expr(scope, depth = 0) {
    const r = this.rng;
    const a = () => this.atom(scope);
    if (depth > 2) return a();
    const sub = () => this.expr(scope, depth + 1);
    return r.weighted([
      [4, a],
      [2, () => `${r.pick(scope.length ? scope : ["self"])}.${r.pick(TECH)}`],
      [3, () => `${r.pick(BUILTIN_CALLS)}(${sub()})`],
      [3, () => `${r.pick(scope.length ? scope : ["self"])}.${this.funcName()}(${this.args(scope, depth)})`],
      [2, () => `${this.funcName()}(${this.args(scope, depth)})`],
      [2, () => `${sub()} ${r.pick(["+", "-", "*", "or", "and", "%", "//"])} ${sub()}`],
      [2, () => `${a()} ${r.pick(["==", "!=", "<", ">=", "is not", "in"])} ${a()}`],
      [2, () => `${r.pick(scope.length ? scope : ["self"])}.get(${this.str()}, ${a()})`],
      [1, () => `${r.pick(scope.length ? scope : ["self"])}[${r.chance(0.5) ? this.str() : r.int(0, 3)}]`],
      [1, () => `[${sub()}, ${sub()}]`],
      [1, () => `{${this.str()}: ${sub()}, ${this.str()}: ${sub()}}`],
      [1, () => `(${sub()} if ${a()} else ${sub()})`],
      [2, () => `f"{${r.pick(scope.length ? scope : ["self"])}}-${r.pick(NOUNS)}${r.chance(0.3) ? `:{${r.pick(scope.length ? scope : ["self"])}!r}` : ""}"`],
      [2, () => (this.stdExprs.length ? this.fill(r.pick(this.stdExprs), { a: this.ref(scope), b: a() }) : a())],
      [1, () => {
        const v = r.pick(["x", "item", "row", "value"]);
        return `[${v}.${r.pick(TECH)} for ${v} in ${a()}${r.chance(0.3) ? ` if ${v}` : ""}]`;
      }],
      [0.3, () => {
        const v = r.pick(["x", "item"]);
        return `(lambda ${v}: ${v}.${r.pick(TECH)})`;
      }],
    ])();
  }
  args(scope, depth) {
    const r = this.rng;
    const n = r.weighted([[2, 0], [4, 1], [3, 2], [1, 3]]);
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.expr(scope, depth + 1));
    if (r.chance(0.25)) out.push(`${r.pick(TECH)}=${this.atom(scope)}`);
    return out.join(", ");
  }
  /** A list of statements at `indent`; `scope` grows as variables are assigned. */
  statements(indent, scope, depth, count, { inLoop = false, inFunction = true } = {}) {
    const r = this.rng;
    const lines = [];
    const pad = " ".repeat(indent);
    for (let i = 0; i < count; i++) {
      const kind = depth > 2
        ? r.weighted([[6, "assign"], [2, "call"], [1, "comment"], [1, "aug"]])
        : r.weighted([
          [6, "assign"], [2, "call"], [1, "comment"], [1, "aug"], [2, "if"], [2, "for"], [1, "try"], [1, "with"],
          [1, "log"], [1, "raise-if"], [1, "dict"], [0.3, "while"], [0.2, "match"],
        ]);
      switch (kind) {
        case "assign": {
          const name = this.varName();
          lines.push(`${pad}${name} = ${this.expr(scope)}`);
          scope.push(name);
          break;
        }
        case "aug":
          if (scope.length) lines.push(`${pad}${r.pick(scope)} ${r.pick(["+=", "-=", "|=", "*="])} ${this.atom(scope)}`);
          break;
        case "call":
          lines.push(`${pad}${r.pick(scope.length ? scope : ["self"])}.${this.funcName()}(${this.args(scope, 1)})`);
          break;
        case "comment":
          lines.push(this.comment(pad));
          break;
        case "log":
          if (this.hasLogger) lines.push(`${pad}logger.${r.pick(["debug", "info", "warning"])}("${this.fill("{verb} {noun} %s (%d {noun2}s)")}", ${this.atom(scope)}, ${r.pick(["len", "int"])}(${this.atom(scope)}))`);
          break;
        case "if": {
          lines.push(`${pad}if ${this.expr(scope, 1)}:`);
          lines.push(...this.statements(indent + 4, [...scope], depth + 1, r.int(1, 3), { inLoop, inFunction }));
          if (r.chance(0.3)) {
            lines.push(`${pad}elif ${this.expr(scope, 1)}:`);
            lines.push(...this.statements(indent + 4, [...scope], depth + 1, r.int(1, 2), { inLoop, inFunction }));
          }
          if (r.chance(0.4)) {
            lines.push(`${pad}else:`);
            lines.push(...this.statements(indent + 4, [...scope], depth + 1, r.int(1, 2), { inLoop, inFunction }));
          }
          break;
        }
        case "for": {
          const v = r.pick(["item", "row", "entry", "value", r.pick(NOUNS)]);
          const target = r.chance(0.2) ? `index, ${v}` : v;
          const iter = r.chance(0.2) ? `enumerate(${this.atom(scope)})` : r.chance(0.2) ? `${this.ref(scope)}.items()` : this.atom(scope);
          lines.push(`${pad}for ${target} in ${target.startsWith("index") && !iter.startsWith("enumerate") ? `enumerate(${iter})` : iter}:`);
          const inner = [...scope, v, ...(target.startsWith("index") ? ["index"] : [])];
          lines.push(...this.statements(indent + 4, inner, depth + 1, r.int(1, 4), { inLoop: true, inFunction }));
          if (r.chance(0.15)) lines.push(`${pad}    ${r.pick(["continue", "break"])}`);
          break;
        }
        case "while": {
          lines.push(`${pad}while ${this.atom(scope)} and ${this.atom(scope)}:`);
          lines.push(...this.statements(indent + 4, [...scope], depth + 1, r.int(1, 2), { inLoop: true, inFunction }));
          lines.push(`${pad}    break`);
          break;
        }
        case "try": {
          lines.push(`${pad}try:`);
          lines.push(...this.statements(indent + 4, [...scope], depth + 1, r.int(1, 3), { inLoop, inFunction }));
          const exc = r.chance(0.3) ? `(${r.pick(EXCEPTIONS)}, ${r.pick(EXCEPTIONS)})` : r.pick(EXCEPTIONS);
          lines.push(`${pad}except ${exc} as exc:`);
          if (this.hasLogger && r.chance(0.6)) lines.push(`${pad}    logger.exception("could not ${this.fill("{verb} {noun}")}: %s", exc)`);
          else lines.push(`${pad}    raise ${r.pick(EXCEPTIONS)}(f"${this.fill("{verb} {noun}")} failed: {exc}") from exc`);
          if (r.chance(0.2)) {
            lines.push(`${pad}finally:`);
            lines.push(...this.statements(indent + 4, [...scope], depth + 1, 1, { inLoop, inFunction }));
          }
          break;
        }
        case "with": {
          const name = r.pick(["fh", "handle", "stream"]);
          lines.push(`${pad}with open(${this.atom(scope)}, "${r.pick(["r", "w", "rb", "a"])}"${r.chance(0.5) ? ', encoding="utf-8"' : ""}) as ${name}:`);
          lines.push(...this.statements(indent + 4, [...scope, name], depth + 1, r.int(1, 3), { inLoop, inFunction }));
          break;
        }
        case "raise-if": {
          lines.push(`${pad}if not ${this.atom(scope)}:`);
          lines.push(`${pad}    raise ${r.pick(EXCEPTIONS)}(${r.chance(0.5) ? this.str() : `f"unknown ${r.pick(NOUNS)}: {${scope.length ? r.pick(scope) : "None"}!r}"`})`);
          break;
        }
        case "dict": {
          const name = this.varName();
          const n = r.int(2, 6);
          lines.push(`${pad}${name} = {`);
          for (let k = 0; k < n; k++) lines.push(`${pad}    "${r.pick(TECH)}_${k}": ${this.expr(scope, 2)},`);
          lines.push(`${pad}}`);
          scope.push(name);
          break;
        }
        case "match": {
          lines.push(`${pad}match ${this.atom(scope)}:`);
          lines.push(`${pad}    case ${this.str()}:`);
          lines.push(...this.statements(indent + 8, [...scope], depth + 2, 1, { inLoop, inFunction }));
          lines.push(`${pad}    case {"${r.pick(TECH)}": ${r.pick(["value", "inner"])}}:`);
          lines.push(...this.statements(indent + 8, [...scope], depth + 2, 1, { inLoop, inFunction }));
          lines.push(`${pad}    case _:`);
          lines.push(`${pad}        pass`);
          break;
        }
      }
    }
    if (lines.length === 0 || lines.every((l) => l.trimStart().startsWith("#"))) lines.push(`${pad}pass`);
    return lines;
  }
  docstring(indent, { long = false, params = [] } = {}) {
    const r = this.rng;
    const pad = " ".repeat(indent);
    const first = this.sentence();
    if (!long && r.chance(0.6)) return `${pad}"""${first}"""`;
    const lines = [`${pad}"""${first}`, ""];
    const n = r.int(1, 3);
    const body = [];
    for (let i = 0; i < n; i++) body.push(this.sentence());
    if (this.nonAscii && r.chance(0.3)) body.push(`Example value: ${r.pick(NON_ASCII)}.`);
    lines.push(`${pad}${body.join(" ")}`);
    if (params.length && r.chance(0.7)) {
      lines.push("", `${pad}Args:`);
      for (const p of params) lines.push(`${pad}    ${p}: the ${r.pick(ADJS)} ${r.pick(NOUNS)}.`);
      lines.push("", `${pad}Returns:`, `${pad}    The ${r.pick(ADJS)} ${r.pick(NOUNS)}${r.chance(0.5) ? ", or None" : ""}.`);
    }
    lines.push(`${pad}"""`);
    return lines.join("\n");
  }
  params(method) {
    const r = this.rng;
    const names = r.some([...TECH, ...NOUNS.slice(0, 30)], r.weighted([[2, 0], [4, 1], [3, 2], [2, 3], [1, 4]]));
    const parts = method ? ["self"] : [];
    names.forEach((n, i) => {
      if (i === names.length - 1 && r.chance(0.3)) parts.push(`${n}=${r.pick(["None", "0", "False", "()", '""'])}`);
      else if (r.chance(0.3)) parts.push(`${n}: ${r.pick(["int", "str", "dict", "list[str]", "bool", "float | None"])}`);
      else parts.push(n);
    });
    if (r.chance(0.1)) parts.push("**kwargs");
    return { text: parts.join(", "), names };
  }
  func(indent, { method = false, name } = {}) {
    const r = this.rng;
    const pad = " ".repeat(indent);
    const fname = name ?? this.funcName();
    const { text, names } = this.params(method);
    const lines = [];
    let params = text;
    if (method && r.chance(0.12)) {
      const deco = r.pick(["@property", "@staticmethod", "@classmethod"]);
      lines.push(`${pad}${deco}`);
      if (deco === "@property") params = "self";
      else if (deco === "@staticmethod") params = params.replace(/^self(, )?/, "");
      else params = params.replace(/^self/, "cls");
    } else if (!method && this.caches && r.chance(0.2)) {
      lines.push(`${pad}@lru_cache(maxsize=None)`);
      this.mod.importFrom("functools", "lru_cache");
    }
    const asyncKw = !method && r.chance(0.05) ? "async " : "";
    const ret = r.chance(0.35) ? ` -> ${r.pick(["None", "int", "str", "bool", "dict", "list[dict]", "float"])}` : "";
    lines.push(`${pad}${asyncKw}def ${fname}(${params})${ret}:`);
    if (r.chance(0.7)) lines.push(this.docstring(indent + 4, { long: r.chance(0.4), params: names }));
    const scope = [...names, ...(method ? ["self"] : [])];
    lines.push(...this.statements(indent + 4, scope, 1, r.int(2, 9)));
    if (r.chance(0.75)) lines.push(`${pad}    return ${this.expr(scope, 1)}`);
    return lines.join("\n");
  }
  cls(indent = 0) {
    const r = this.rng;
    const pad = " ".repeat(indent);
    const name = camel(r.chance(0.5) ? r.pick(ADJS) : "", r.pick(NOUNS), r.chance(0.5) ? r.pick(["Manager", "Service", "Client", "Builder", "Handler", "Store", "Processor", "Error", "Mixin", "Base"]) : "");
    const base = r.chance(0.4) ? `(${r.pick(["object", "Exception", "dict", "Base" + camel(r.pick(NOUNS))])})` : "";
    const lines = [`${pad}class ${name}${base}:`];
    lines.push(this.docstring(indent + 4, { long: r.chance(0.3) }));
    if (r.chance(0.5)) {
      lines.push("");
      for (let i = r.int(1, 4); i > 0; i--) lines.push(`${pad}    ${r.pick(TECH).toUpperCase()}_${r.pick(NOUNS).toUpperCase()} = ${this.atom([])}`);
    }
    if (r.chance(0.7)) {
      lines.push("");
      const { names } = this.params(false);
      lines.push(`${pad}    def __init__(self${names.map((n) => `, ${n}`).join("")}):`);
      for (const n of names) lines.push(`${pad}        self.${n} = ${n}`);
      if (names.length === 0 || r.chance(0.5)) lines.push(`${pad}        self._${r.pick(TECH)} = ${r.pick(["{}", "[]", "None", "0"])}`);
    }
    for (let i = r.int(1, 6); i > 0; i--) {
      lines.push("");
      lines.push(this.func(indent + 4, { method: true }));
    }
    return lines.join("\n");
  }
  constants() {
    const r = this.rng;
    const lines = [];
    for (let i = r.int(1, 5); i > 0; i--) {
      const name = `${r.pick(ADJS)}_${r.pick(NOUNS)}_${r.pick(TECH)}`.toUpperCase();
      lines.push(`${name} = ${r.weighted([[2, () => String(r.int(1, 10000))], [2, () => this.str()], [1, () => `(${this.str()}, ${this.str()})`], [1, () => `frozenset({${this.str()}, ${this.str()}})`]])()}`);
    }
    return lines.join("\n");
  }
  /** A plain module body of about `target` bytes. */
  fillTo(target) {
    const r = this.rng;
    while (this.mod.length < target) {
      const kind = r.weighted([[5, "func"], [3, "class"], [1, "const"], [0.5, "comment"]]);
      if (kind === "func") this.mod.add(this.func(0));
      else if (kind === "class") this.mod.add(this.cls(0));
      else if (kind === "const") this.mod.add(this.constants());
      else this.mod.add(`${this.comment("")}\n${this.comment("")}`);
    }
  }
}

function moduleDocstring(gen) {
  const r = gen.rng;
  if (!r.chance(0.7)) return undefined;
  if (r.chance(0.5)) return `"""${gen.sentence()}"""`;
  const lines = [`"""${gen.sentence()}`, "", gen.sentence(), gen.sentence()];
  if (gen.nonAscii && r.chance(0.5)) lines.push(`Author: ${r.pick(["José Núñez", "Zoë Müller", "Łukasz Kowalski", "Søren Østergaard", "李雷", "Иван Петров"])}`);
  lines.push('"""');
  return lines.join("\n");
}

// ───────────────────────────── file kinds ─────────────────────────────

/** A plain library module: no Django at all. */
function plainModule(rng, ctx) {
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, { nonAscii: rng.chance(0.08), urlish: rng.chance(0.1) });
  if (rng.chance(0.03)) mod.header.push("#!/usr/bin/env python3");
  if (rng.chance(0.03)) mod.header.push("# -*- coding: utf-8 -*-");
  mod.docstring = moduleDocstring(gen);
  if (rng.chance(0.3)) mod.importFrom("__future__", "annotations");
  gen.useStdlib(rng.int(1, 6));
  if (rng.chance(0.3)) mod.importFrom("typing", rng.pick(["Any", "Optional", "Iterable", "Iterator", "Callable"]));
  if (rng.chance(0.2)) mod.importFrom("dataclasses", "dataclass");
  if (rng.chance(0.3)) mod.importFrom(`.${rng.pick(ctx.siblings)}`, gen.funcName());
  if (rng.chance(0.15) && gen.urlish) mod.importLine("import requests");
  if (rng.chance(0.4)) mod.prelude.push(gen.constants());
  gen.fillTo(rng.size(6500, 0.75, 2048, 30720));
  if (rng.chance(0.1)) mod.add(`if __name__ == "__main__":\n    ${gen.funcName()}()`);
  return { text: mod.render(), django: false, legacy: [] };
}

/** Legacy flags for one Django file, given per-kind base rates and the project's age factor. */
function legacyFlags(rng, ctx, rates) {
  const out = [];
  for (const [feature, p] of Object.entries(rates)) if (rng.chance(Math.min(0.95, p * ctx.age))) out.push(feature);
  return out;
}

/** `_` for translations: legacy ugettext_lazy, modern gettext_lazy, or none. */
function translationImport(mod, rng, legacy, lazy = true) {
  if (legacy.includes("translation")) {
    mod.importFrom("django.utils.translation", lazy ? "ugettext_lazy" : "ugettext", "_");
    return true;
  }
  if (rng.chance(0.7)) {
    mod.importFrom("django.utils.translation", lazy ? "gettext_lazy" : "gettext", "_");
    return true;
  }
  return false;
}

const FIELD_KINDS = [
  (g, n) => `models.CharField(${g.t(n)}max_length=${g.rng.pick([32, 64, 120, 255])}${g.rng.chance(0.3) ? ", blank=True" : ""})`,
  (g, n) => `models.TextField(${g.t(n)}blank=True)`,
  (g) => `models.SlugField(unique=True)`,
  (g) => `models.PositiveIntegerField(default=${g.rng.int(0, 10)})`,
  (g) => `models.DecimalField(max_digits=10, decimal_places=2, default=0)`,
  (g) => `models.BooleanField(default=${g.rng.pick(["True", "False"])})`,
  (g) => `models.DateTimeField(auto_now_add=True)`,
  (g) => `models.DateTimeField(auto_now=True)`,
  (g) => `models.DateField(null=True, blank=True)`,
  (g) => `models.EmailField(blank=True)`,
  (g) => `models.URLField(blank=True)`,
  (g) => `models.JSONField(default=dict, blank=True)`,
  (g) => `models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="${plural(g.rng.pick(NOUNS))}")`,
  (g, n, models) => `models.ForeignKey("${camel(g.rng.pick(models))}", on_delete=models.${g.rng.pick(["CASCADE", "PROTECT", "SET_NULL, null=True"])})`,
  (g, n, models) => `models.ManyToManyField("${camel(g.rng.pick(models))}", blank=True)`,
];

function djangoModels(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { translation: 0.35, encoding: 0.08 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, { nonAscii: rng.chance(0.06) });
  mod.docstring = rng.chance(0.3) ? `"""Models for the ${ctx.app} app."""` : undefined;
  mod.importFrom("django.db", "models");
  mod.importFrom("django.conf", "settings");
  if (rng.chance(0.7)) mod.importFrom("django.urls", "reverse");
  if (rng.chance(0.3)) mod.importFrom("django.utils", "timezone");
  const tr = translationImport(mod, rng, legacy);
  if (legacy.includes("encoding")) mod.importFrom("django.utils.encoding", "force_text");
  gen.t = (n) => (tr ? `_("${n.replace(/_/g, " ")}"), ` : "");
  gen.useStdlib(rng.int(0, 2));
  const target = rng.size(7000, 0.7, 1500, 30720);
  for (const model of ctx.models) {
    const lines = [`class ${camel(model)}(models.Model):`, `    """${gen.sentence()}"""`, ""];
    if (rng.chance(0.4)) {
      lines.push("    STATUS_CHOICES = [");
      for (const s of rng.some(["draft", "active", "pending", "archived", "closed", "rejected"], rng.int(2, 4))) {
        lines.push(`        ("${s}", ${tr ? `_("${cap(s)}")` : `"${cap(s)}"`}),`);
      }
      lines.push("    ]", "");
      lines.push(`    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default="${"draft"}")`);
    }
    lines.push(`    name = models.CharField(${gen.t("name")}max_length=120)`);
    for (let i = rng.int(2, 9); i > 0; i--) {
      const field = `${rng.pick(ADJS)}_${rng.pick([...NOUNS, ...TECH])}`;
      lines.push(`    ${field} = ${rng.pick(FIELD_KINDS)(gen, field, ctx.models)}`);
    }
    lines.push("", "    class Meta:", `        ordering = ["${rng.pick(["-created_at", "name", "-id", "position"])}"]`);
    if (tr) lines.push(`        verbose_name = _("${model}")`, `        verbose_name_plural = _("${plural(model)}")`);
    lines.push("", "    def __str__(self):");
    lines.push(legacy.includes("encoding") && rng.chance(0.7) ? "        return force_text(self.name)" : "        return self.name");
    if (mod.froms.get("django.urls")) {
      lines.push("", "    def get_absolute_url(self):", `        return reverse("${ctx.app}:${model}-detail", kwargs={"pk": self.pk})`);
    }
    for (let i = rng.int(0, 3); i > 0; i--) lines.push("", gen.func(4, { method: true }));
    mod.add(lines.join("\n"));
    if (mod.length > target) break;
  }
  if (legacy.includes("encoding") && !mod.blocks.some((b) => b.includes("force_text("))) {
    mod.add(`def ${ctx.models[0]}_label(obj):\n    return force_text(obj) if obj is not None else ""`);
  }
  if (legacy.includes("translation") && !mod.blocks.some((b) => b.includes("_("))) {
    mod.add(`DEFAULT_LABEL = _("${ctx.models[0]}")`);
  }
  gen.fillTo(target);
  return { text: mod.render(), django: true, legacy };
}

function djangoViews(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { http: 0.15, encoding: 0.12, translation: 0.12 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, { nonAscii: rng.chance(0.05) });
  mod.importFrom("django.shortcuts", "render");
  mod.importFrom("django.shortcuts", "get_object_or_404");
  mod.importFrom("django.shortcuts", "redirect");
  mod.importFrom("django.http", "JsonResponse");
  if (rng.chance(0.5)) mod.importFrom("django.http", "HttpResponse");
  mod.importFrom("django.contrib.auth.decorators", "login_required");
  mod.importFrom("django.urls", rng.chance(0.5) ? "reverse" : "reverse_lazy");
  if (rng.chance(0.6)) {
    mod.importFrom("django.views.generic", "ListView");
    mod.importFrom("django.views.generic", "DetailView");
    mod.importFrom("django.contrib.auth.mixins", "LoginRequiredMixin");
  }
  if (rng.chance(0.4)) mod.importFrom("django.contrib", "messages");
  if (rng.chance(0.3)) mod.importFrom("django.core.paginator", "Paginator");
  if (legacy.includes("http")) {
    mod.importFrom("django.utils.http", "urlquote");
    mod.importFrom("django.utils.http", "is_safe_url");
  } else if (rng.chance(0.15)) {
    mod.importFrom("django.utils.http", "url_has_allowed_host_and_scheme");
  }
  if (legacy.includes("encoding")) {
    mod.importFrom("django.utils.encoding", "force_text");
    if (rng.chance(0.5)) mod.importFrom("django.utils.encoding", "smart_text");
  } else if (rng.chance(0.1)) mod.importFrom("django.utils.encoding", "force_str");
  if (legacy.includes("translation")) {
    mod.importFrom("django.utils.translation", "ugettext");
    if (rng.chance(0.4)) mod.importFrom("django.utils.translation", "ungettext");
  } else if (rng.chance(0.3)) mod.importFrom("django.utils.translation", "gettext", "_");
  for (const m of ctx.models) mod.importFrom(".models", camel(m));
  if (rng.chance(0.5)) mod.importFrom(".forms", `${camel(ctx.models[0])}Form`);
  gen.useStdlib(rng.int(0, 3));
  const target = rng.size(6500, 0.7, 1500, 30720);

  const uses = [];
  if (legacy.includes("http")) {
    uses.push([
      "def safe_redirect(request, fallback=\"home\"):",
      "    next_url = request.GET.get(\"next\") or request.POST.get(\"next\", \"\")",
      "    if not is_safe_url(url=next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):",
      "        next_url = reverse(fallback)",
      "    return redirect(next_url)",
    ].join("\n"));
    uses.push([
      `def share_${ctx.models[0]}(request, pk):`,
      `    obj = get_object_or_404(${camel(ctx.models[0])}, pk=pk)`,
      "    link = \"/share/?q=\" + urlquote(obj.name)",
      "    return JsonResponse({\"link\": link, \"title\": obj.name})",
    ].join("\n"));
  }
  if (legacy.includes("encoding")) {
    uses.push([
      `def ${ctx.models[0]}_error(request, exc):`,
      `    message = force_text(exc)`,
      ...(mod.froms.get("django.utils.encoding").has("smart_text") ? ["    detail = smart_text(request.path)"] : ["    detail = request.path"]),
      "    return JsonResponse({\"error\": message, \"path\": detail}, status=400)",
    ].join("\n"));
  }
  if (legacy.includes("translation")) {
    const plural = mod.froms.get("django.utils.translation").has("ungettext");
    uses.push([
      `def ${ctx.models[0]}_saved(request, count=1):`,
      plural ? "    text = ungettext(\"%(n)d item saved.\", \"%(n)d items saved.\", count) % {\"n\": count}" : "    text = ugettext(\"Saved.\")",
      "    return JsonResponse({\"message\": text})",
    ].join("\n"));
  }
  for (const m of ctx.models) {
    const M = camel(m);
    mod.add([
      "@login_required",
      `def ${m}_list(request):`,
      `    queryset = ${M}.objects.filter(${rng.pick(["owner", "created_by", "account__members"])}=request.user).order_by("-${rng.pick(["created_at", "id", "name"])}")`,
      `    query = request.GET.get("q")`,
      "    if query:",
      "        queryset = queryset.filter(name__icontains=query)",
      `    return render(request, "${ctx.app}/${m}_list.html", {"object_list": queryset, "query": query})`,
    ].join("\n"));
    mod.add([
      `def ${m}_detail(request, pk):`,
      `    obj = get_object_or_404(${M}, pk=pk)`,
      ...gen.statements(4, ["obj", "request"], 2, rng.int(1, 4)),
      `    return render(request, "${ctx.app}/${m}_detail.html", {"object": obj})`,
    ].join("\n"));
    if (mod.froms.get("django.views.generic")) {
      mod.add([
        `class ${M}ListView(LoginRequiredMixin, ListView):`,
        `    model = ${M}`,
        `    paginate_by = ${rng.pick([10, 20, 25, 50])}`,
        `    template_name = "${ctx.app}/${m}_list.html"`,
        "",
        "    def get_queryset(self):",
        "        queryset = super().get_queryset()",
        ...gen.statements(8, ["queryset", "self"], 2, rng.int(1, 3)),
        "        return queryset",
      ].join("\n"));
    }
    if (uses.length && rng.chance(0.5)) mod.add(uses.shift());
    if (mod.length > target) break;
  }
  for (const u of uses) mod.add(u);
  gen.fillTo(target);
  return { text: mod.render(), django: true, legacy };
}

function djangoUrls(rng, ctx, { project = false } = {}) {
  const legacy = legacyFlags(rng, ctx, { urls: project ? 0.45 : 0.25 });
  const mod = new Module(rng);
  const old = legacy.includes("urls");
  if (old) {
    mod.importFrom("django.conf.urls", "url");
    mod.importFrom("django.conf.urls", "include");
  } else {
    mod.importFrom("django.urls", "path");
    if (rng.chance(0.4)) mod.importFrom("django.urls", "re_path");
    if (project) mod.importFrom("django.urls", "include");
  }
  const lines = [];
  if (project) {
    mod.importFrom("django.contrib", "admin");
    if (rng.chance(0.5)) {
      mod.importFrom("django.conf", "settings");
      mod.importFrom("django.conf.urls.static", "static");
    }
    lines.push("urlpatterns = [");
    lines.push(old ? "    url(r'^admin/', admin.site.urls)," : '    path("admin/", admin.site.urls),');
    for (const app of ctx.apps) {
      lines.push(old ? `    url(r'^${app}/', include('${app}.urls', namespace='${app}')),` : `    path("${app}/", include("${app}.urls")),`);
    }
    if (old && rng.chance(0.5)) lines.push("    url(r'^api/v(?P<version>[0-9]+)/', include('api.urls')),");
    lines.push("]");
    if (mod.froms.get("django.conf.urls.static")) lines.push("", "if settings.DEBUG:", "    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)");
  } else {
    mod.importFrom(".", "views");
    lines.push(`app_name = "${ctx.app}"`, "", "urlpatterns = [");
    for (const m of ctx.models) {
      if (old) {
        lines.push(`    url(r'^${plural(m)}/$', views.${m}_list, name='${m}-list'),`);
        lines.push(`    url(r'^${plural(m)}/(?P<pk>[0-9]+)/$', views.${m}_detail, name='${m}-detail'),`);
        if (rng.chance(0.5)) lines.push(`    url(r'^${plural(m)}/(?P<slug>[-\\w]+)/edit/$', views.${m}_detail, name='${m}-edit'),`);
      } else {
        lines.push(`    path("${plural(m)}/", views.${m}_list, name="${m}-list"),`);
        lines.push(`    path("${plural(m)}/<int:pk>/", views.${m}_detail, name="${m}-detail"),`);
        if (mod.froms.get("django.urls").has("re_path")) lines.push(`    re_path(r"^${plural(m)}/(?P<slug>[-\\w]+)/edit/$", views.${m}_detail, name="${m}-edit"),`);
      }
    }
    lines.push("]");
  }
  mod.add(lines.join("\n"));
  return { text: mod.render(), django: true, legacy };
}

function djangoSettings(rng, ctx, { variant = "single" } = {}) {
  const legacy = variant === "overlay" ? [] : legacyFlags(rng, ctx, { l10n: 0.5 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, {});
  if (variant === "overlay") {
    mod.prelude.push("from .base import *  # noqa: F401,F403");
    mod.add([
      `DEBUG = ${rng.pick(["True", "False"])}`,
      `ALLOWED_HOSTS = ["${ctx.site}.example.com", "www.${ctx.site}.example.com"]`,
      "",
      `DATABASES["default"]["HOST"] = "db.internal"`,
      `CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/1"}}`,
      `SECURE_SSL_REDIRECT = True`,
      `SESSION_COOKIE_SECURE = True`,
    ].join("\n"));
    return { text: mod.render(), django: true, legacy };
  }
  mod.docstring = `"""\nDjango settings for ${ctx.site} project.\n\nFor more information on this file, see\nhttps://docs.djangoproject.com/en/3.2/topics/settings/\n"""`;
  mod.importLine("import os");
  mod.importLine("from pathlib import Path");
  const lines = [
    "BASE_DIR = Path(__file__).resolve().parent.parent",
    "",
    `SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-${rng.int(100000, 999999)}-insecure")`,
    'DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"',
    `ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")`,
    "",
    "INSTALLED_APPS = [",
    ...["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles"].map((a) => `    "${a}",`),
    ...(rng.chance(0.5) ? ['    "rest_framework",'] : []),
    ...ctx.apps.map((a) => `    "${a}",`),
    "]",
    "",
    "MIDDLEWARE = [",
    ...["django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.locale.LocaleMiddleware", "django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware", "django.contrib.auth.middleware.AuthenticationMiddleware", "django.contrib.messages.middleware.MessageMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"].map((m) => `    "${m}",`),
    "]",
    "",
    `ROOT_URLCONF = "${ctx.site}.urls"`,
    "",
    "TEMPLATES = [",
    "    {",
    '        "BACKEND": "django.template.backends.django.DjangoTemplates",',
    '        "DIRS": [BASE_DIR / "templates"],',
    '        "APP_DIRS": True,',
    '        "OPTIONS": {',
    '            "context_processors": [',
    '                "django.template.context_processors.debug",',
    '                "django.template.context_processors.request",',
    '                "django.contrib.auth.context_processors.auth",',
    '                "django.contrib.messages.context_processors.messages",',
    "            ],",
    "        },",
    "    },",
    "]",
    "",
    `WSGI_APPLICATION = "${ctx.site}.wsgi.application"`,
    "",
    "DATABASES = {",
    '    "default": {',
    '        "ENGINE": "django.db.backends.postgresql",',
    `        "NAME": os.environ.get("POSTGRES_DB", "${ctx.site}"),`,
    '        "USER": os.environ.get("POSTGRES_USER", "postgres"),',
    '        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),',
    '        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),',
    '        "PORT": os.environ.get("POSTGRES_PORT", "5432"),',
    "    }",
    "}",
    "",
    "AUTH_PASSWORD_VALIDATORS = [",
    ...["UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"].map((v) => `    {"NAME": "django.contrib.auth.password_validation.${v}"},`),
    "]",
    "",
    `LANGUAGE_CODE = "${rng.pick(["en-us", "de-de", "fr-fr", "pl", "pt-br"])}"`,
    `TIME_ZONE = "${rng.pick(["UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Tokyo"])}"`,
    "USE_I18N = True",
    ...(legacy.includes("l10n") ? ["USE_L10N = True"] : []),
    "USE_TZ = True",
    "",
    'STATIC_URL = "/static/"',
    'STATIC_ROOT = BASE_DIR / "staticfiles"',
    'MEDIA_URL = "/media/"',
    'MEDIA_ROOT = BASE_DIR / "media"',
    "",
    'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"',
    "",
    "LOGGING = {",
    '    "version": 1,',
    '    "disable_existing_loggers": False,',
    '    "formatters": {"verbose": {"format": "{levelname} {asctime} {module} {message}", "style": "{"}},',
    '    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "verbose"}},',
    '    "root": {"handlers": ["console"], "level": "WARNING"},',
    '    "loggers": {',
    ...ctx.apps.map((a) => `        "${a}": {"handlers": ["console"], "level": os.getenv("DJANGO_LOG_LEVEL", "INFO"), "propagate": False},`),
    "    },",
    "}",
  ];
  mod.add(lines.join("\n"));
  const extra = [];
  for (let i = rng.int(2, 12); i > 0; i--) {
    extra.push(`${rng.pick(ctx.apps).toUpperCase()}_${rng.pick(TECH).toUpperCase()} = ${gen.atom([])}`);
  }
  mod.add(extra.join("\n"));
  return { text: mod.render(), django: true, legacy };
}

function djangoAdmin(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { translation: 0.2 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, {});
  mod.importFrom("django.contrib", "admin");
  const tr = translationImport(mod, rng, legacy);
  for (const m of ctx.models) mod.importFrom(".models", camel(m));
  for (const m of ctx.models) {
    const M = camel(m);
    const fields = ["name", ...rng.some(["status", "created_at", "updated_at", "owner", "slug", "is_active", "position"], rng.int(1, 4))];
    const lines = [
      `@admin.register(${M})`,
      `class ${M}Admin(admin.ModelAdmin):`,
      `    list_display = (${fields.map((f) => `"${f}"`).join(", ")})`,
      `    search_fields = ("name",)`,
    ];
    if (rng.chance(0.5)) lines.push(`    list_filter = (${fields.slice(1, 3).map((f) => `"${f}"`).join(", ")},)`);
    if (rng.chance(0.4)) lines.push(`    readonly_fields = ("created_at",)`);
    if (rng.chance(0.5)) {
      lines.push(`    actions = ["mark_${m}_active"]`, "");
      lines.push(`    def mark_${m}_active(self, request, queryset):`);
      lines.push("        updated = queryset.update(status=\"active\")");
      lines.push(`        self.message_user(request, ${tr ? '_("%d items updated.")' : '"%d items updated."'} % updated)`);
      if (tr) lines.push("", `    mark_${m}_active.short_description = _("Mark selected ${plural(m)} as active")`);
    }
    if (rng.chance(0.3)) lines.push("", gen.func(4, { method: true }));
    mod.add(lines.join("\n"));
  }
  if (legacy.includes("translation") && !mod.blocks.some((b) => b.includes("_("))) mod.add(`admin.site.site_header = _("${ctx.site} administration")`);
  return { text: mod.render(), django: true, legacy };
}

function djangoTests(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { encoding: 0.15 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, { nonAscii: rng.chance(0.08) });
  mod.importFrom("django.test", "TestCase");
  if (rng.chance(0.4)) mod.importFrom("django.test", "override_settings");
  mod.importFrom("django.urls", "reverse");
  mod.importFrom("django.contrib.auth", "get_user_model");
  if (legacy.includes("encoding")) mod.importFrom("django.utils.encoding", "force_text");
  for (const m of ctx.models) mod.importFrom(".models", camel(m));
  const target = rng.size(6000, 0.7, 1500, 30720);
  for (const m of ctx.models) {
    const M = camel(m);
    const lines = [
      `class ${M}ViewTests(TestCase):`,
      "    @classmethod",
      "    def setUpTestData(cls):",
      `        cls.user = get_user_model().objects.create_user("${rng.pick(["alice", "bob", "carol", "dave"])}", password="secret")`,
      `        cls.${m} = ${M}.objects.create(name=${gen.str()}, owner=cls.user)`,
      "",
      "    def setUp(self):",
      "        self.client.force_login(self.user)",
    ];
    for (let i = rng.int(2, 6); i > 0; i--) {
      const view = rng.pick(["list", "detail"]);
      lines.push("", `    def test_${m}_${view}_${rng.pick(VERBS).replace(/_$/, "")}_${i}(self):`);
      lines.push(`        response = self.client.get(reverse("${ctx.app}:${m}-${view}"${view === "detail" ? `, args=[self.${m}.pk]` : ""}))`);
      lines.push(`        self.assertEqual(response.status_code, ${rng.pick([200, 200, 200, 302, 404])})`);
      if (legacy.includes("encoding") && rng.chance(0.5)) lines.push("        content = force_text(response.content)", `        self.assertIn(self.${m}.name, content)`);
      else lines.push(`        self.assertContains(response, self.${m}.name)`);
      lines.push(...gen.statements(8, ["response", "self"], 3, rng.int(0, 3)));
    }
    mod.add(lines.join("\n"));
    if (mod.length > target) break;
  }
  if (legacy.includes("encoding") && !mod.blocks.some((b) => b.includes("force_text("))) {
    mod.add(`def decoded(response):\n    return force_text(response.content)`);
  }
  gen.fillTo(target);
  return { text: mod.render(), django: true, legacy };
}

function djangoForms(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { translation: 0.25 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, {});
  mod.importFrom("django", "forms");
  if (rng.chance(0.5)) mod.importFrom("django.core.exceptions", "ValidationError");
  const tr = translationImport(mod, rng, legacy);
  for (const m of ctx.models) mod.importFrom(".models", camel(m));
  for (const m of ctx.models) {
    const M = camel(m);
    const lines = [
      `class ${M}Form(forms.ModelForm):`,
      "    class Meta:",
      `        model = ${M}`,
      `        fields = ["name", ${rng.some(["status", "slug", "description", "owner", "is_active"], rng.int(1, 3)).map((f) => `"${f}"`).join(", ")}]`,
      "",
      "    def clean_name(self):",
      '        name = self.cleaned_data["name"].strip()',
      "        if len(name) < 3:",
      `            raise ${mod.froms.get("django.core.exceptions") ? "ValidationError" : "forms.ValidationError"}(${tr ? '_("The name is too short.")' : '"The name is too short."'})`,
      "        return name",
    ];
    if (rng.chance(0.4)) lines.push("", gen.func(4, { method: true }));
    mod.add(lines.join("\n"));
  }
  if (legacy.includes("translation") && !mod.blocks.some((b) => b.includes("_("))) mod.add(`EMPTY_LABEL = _("(none)")`);
  return { text: mod.render(), django: true, legacy };
}

/** App-level helpers: some Django imports, otherwise plain code. */
function djangoUtils(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { encoding: 0.12, text: 0.1, http: 0.08 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, { nonAscii: rng.chance(0.08) });
  mod.docstring = moduleDocstring(gen);
  const pair = rng.pick([["django.utils.text", "slugify"], ["django.utils", "timezone"], ["django.core.cache", "cache"], ["django.conf", "settings"]]);
  mod.importFrom(pair[0], pair[1]);
  if (rng.chance(0.3)) mod.importFrom("django.utils.html", "format_html");
  gen.useStdlib(rng.int(1, 4));
  if (legacy.includes("encoding")) {
    mod.importFrom("django.utils.encoding", "smart_text");
    mod.add(`def as_text(value, default=""):\n    """Text for display; bytes are decoded."""\n    if value is None:\n        return default\n    return smart_text(value)`);
  }
  if (legacy.includes("text")) {
    mod.importFrom("django.utils.text", "unescape_entities");
    mod.add(`def plain_${rng.pick(NOUNS)}_title(raw):\n    title = unescape_entities(raw or "")\n    return " ".join(title.split())`);
  }
  if (legacy.includes("http")) {
    mod.importFrom("django.utils.http", "urlquote");
    mod.add(`def ${rng.pick(NOUNS)}_search_link(term):\n    return "/search/?q=%s" % urlquote(term)`);
  }
  gen.fillTo(rng.size(5000, 0.7, 1500, 30720));
  return { text: mod.render(), django: true, legacy };
}

function djangoTemplatetags(rng, ctx) {
  const legacy = legacyFlags(rng, ctx, { text: 0.35, encoding: 0.15 });
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, {});
  mod.importFrom("django", "template");
  mod.importFrom("django.utils.html", "format_html");
  if (rng.chance(0.5)) mod.importFrom("django.utils.safestring", "mark_safe");
  if (legacy.includes("text")) mod.importFrom("django.utils.text", "unescape_entities");
  if (legacy.includes("encoding")) mod.importFrom("django.utils.encoding", "force_text");
  mod.prelude.push("register = template.Library()");
  mod.add(`@register.filter\ndef ${ctx.app}_badge(value):\n    return format_html('<span class="badge">{}</span>', value)`);
  if (legacy.includes("text")) mod.add(`@register.filter\ndef unescape(value):\n    return unescape_entities(value)`);
  if (legacy.includes("encoding")) mod.add(`@register.simple_tag\ndef as_text(value):\n    return force_text(value)`);
  for (let i = rng.int(1, 4); i > 0; i--) mod.add(`@register.simple_tag(takes_context=True)\n${gen.func(0)}`);
  return { text: mod.render(), django: true, legacy };
}

function djangoCommand(rng, ctx) {
  const mod = new Module(rng);
  const gen = new Gen(rng, mod, {});
  mod.importFrom("django.core.management.base", "BaseCommand");
  mod.importFrom("django.core.management.base", "CommandError");
  mod.importFrom(`${ctx.app}.models`, camel(ctx.models[0]));
  gen.useStdlib(rng.int(0, 2));
  mod.add([
    "class Command(BaseCommand):",
    `    help = "${gen.sentence()}"`,
    "",
    "    def add_arguments(self, parser):",
    '        parser.add_argument("--dry-run", action="store_true")',
    `        parser.add_argument("--limit", type=int, default=${rng.int(10, 1000)})`,
    "",
    "    def handle(self, *args, **options):",
    `        queryset = ${camel(ctx.models[0])}.objects.all()[: options["limit"]]`,
    ...gen.statements(8, ["queryset", "options", "self"], 2, rng.int(2, 6)),
    '        self.stdout.write(self.style.SUCCESS("done"))',
    "",
    gen.func(4, { method: true }),
  ].join("\n"));
  return { text: mod.render(), django: true, legacy: [] };
}

function djangoMigration(rng, ctx, index) {
  const mod = new Module(rng);
  mod.header.push(`# Generated by Django ${rng.pick(["2.2.24", "3.1.7", "3.2.12", "4.1.3", "4.2.7"])} on 20${rng.int(19, 24)}-0${rng.int(1, 9)}-1${rng.int(0, 9)} 1${rng.int(0, 9)}:${rng.int(10, 59)}`);
  mod.importFrom("django.conf", "settings");
  mod.importFrom("django.db", "migrations");
  mod.importFrom("django.db", "models");
  mod.importLine("import django.db.models.deletion");
  const lines = ["class Migration(migrations.Migration):", ""];
  if (index === 1) lines.push("    initial = True", "");
  lines.push("    dependencies = [", index === 1 ? "        migrations.swappable_dependency(settings.AUTH_USER_MODEL)," : `        ("${ctx.app}", "${String(index - 1).padStart(4, "0")}_auto"),`, "    ]", "", "    operations = [");
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const m = rng.pick(ctx.models);
    if (index === 1 || rng.chance(0.3)) {
      lines.push("        migrations.CreateModel(", `            name="${camel(m)}${index === 1 ? "" : rng.pick(["Log", "Link", "Event"])}",`, "            fields=[");
      lines.push('                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),');
      for (let f = rng.int(2, 10); f > 0; f--) {
        const field = `${rng.pick(ADJS)}_${rng.pick(TECH)}`;
        lines.push(`                ("${field}", ${rng.pick(["models.CharField(max_length=120)", "models.TextField(blank=True)", "models.DateTimeField(auto_now_add=True)", "models.BooleanField(default=False)", "models.PositiveIntegerField(default=0)", `models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)`])}),`);
      }
      lines.push("            ],", `            options={"ordering": ["-id"]},`, "        ),");
    } else {
      lines.push("        migrations.AddField(", `            model_name="${m}",`, `            name="${rng.pick(ADJS)}_${rng.pick(TECH)}",`, `            field=models.${rng.pick(["BooleanField(default=False)", "CharField(blank=True, max_length=64)", "IntegerField(null=True)"])},`, "        ),");
    }
  }
  lines.push("    ]");
  mod.add(lines.join("\n"));
  return { text: mod.render(), django: true, legacy: [] };
}

function simple(text, django = true) {
  return () => ({ text, django, legacy: [] });
}

// ───────────────────────────── project layout ─────────────────────────────

const APP_NAMES = ["accounts", "orders", "billing", "catalog", "inventory", "shipping", "reports", "notifications", "blog",
  "events", "tickets", "profiles", "payments", "analytics", "support", "courses", "bookings", "fleet", "devices", "surveys",
  "reviews", "campaigns", "partners", "stores", "recipes", "projects", "documents", "teams", "feeds", "audit"];
const SITE_NAMES = ["mysite", "portal", "backoffice", "shop", "intranet", "platform", "dashboard", "webapp", "console", "hub"];
const LIB_PACKAGES = ["core", "common", "lib", "services", "integrations", "tasks", "pipelines", "clients", "domain", "helpers", "scripts", "etl", "workers", "adapters"];
const LIB_SUB = ["io", "formats", "storage", "cache", "retry", "parsing", "validation", "transforms", "exporters", "importers", "metrics", "scheduling", "auth_backend", "geo", "pricing", "search"];

/** Yields [relativePath, generator] for one project, in a fixed order. */
function* projectFiles(rng, index) {
  const site = `${rng.pick(SITE_NAMES)}${index}`;
  const apps = rng.some(APP_NAMES, rng.int(4, 10));
  const age = rng.weighted([[3, 0.3], [4, 1], [3, 1.8]]);
  const proj = `proj_${String(index).padStart(3, "0")}`;
  const base = { site, apps, age };
  yield [`${proj}/manage.py`, simple(`#!/usr/bin/env python\n"""Django's command-line utility for administrative tasks."""\nimport os\nimport sys\n\n\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${site}.settings")\n    from django.core.management import execute_from_command_line\n\n    execute_from_command_line(sys.argv)\n\n\nif __name__ == "__main__":\n    main()\n`)];
  yield [`${proj}/${site}/__init__.py`, simple("")];
  if (rng.chance(0.7)) {
    yield [`${proj}/${site}/settings.py`, (r) => djangoSettings(r, base)];
  } else {
    yield [`${proj}/${site}/settings/__init__.py`, simple("")];
    yield [`${proj}/${site}/settings/base.py`, (r) => djangoSettings(r, base)];
    yield [`${proj}/${site}/settings/production.py`, (r) => djangoSettings(r, base, { variant: "overlay" })];
    yield [`${proj}/${site}/settings/local.py`, (r) => djangoSettings(r, base, { variant: "overlay" })];
  }
  yield [`${proj}/${site}/urls.py`, (r) => djangoUrls(r, base, { project: true })];
  yield [`${proj}/${site}/wsgi.py`, simple(`"""WSGI config for ${site}."""\nimport os\n\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${site}.settings")\n\napplication = get_wsgi_application()\n`)];
  if (rng.chance(0.5)) yield [`${proj}/${site}/asgi.py`, simple(`"""ASGI config for ${site}."""\nimport os\n\nfrom django.core.asgi import get_asgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${site}.settings")\n\napplication = get_asgi_application()\n`)];

  let djangoCount = 0;
  for (const app of apps) {
    const models = rng.some(NOUNS, rng.int(2, 6));
    const ctx = { ...base, app, models };
    const files = [
      [`${app}/__init__.py`, simple("")],
      [`${app}/apps.py`, simple(`from django.apps import AppConfig\n\n\nclass ${camel(app)}Config(AppConfig):\n    default_auto_field = "django.db.models.BigAutoField"\n    name = "${app}"\n`)],
      [`${app}/models.py`, (r) => djangoModels(r, ctx)],
      [`${app}/views.py`, (r) => djangoViews(r, ctx)],
      [`${app}/urls.py`, (r) => djangoUrls(r, ctx)],
      [`${app}/admin.py`, (r) => djangoAdmin(r, ctx)],
    ];
    if (rng.chance(0.6)) files.push([`${app}/tests.py`, (r) => djangoTests(r, ctx)]);
    else {
      files.push([`${app}/tests/__init__.py`, simple("")]);
      for (const t of ["test_views", "test_models", ...(rng.chance(0.5) ? ["test_forms"] : [])]) files.push([`${app}/tests/${t}.py`, (r) => djangoTests(r, ctx)]);
    }
    if (rng.chance(0.7)) files.push([`${app}/forms.py`, (r) => djangoForms(r, ctx)]);
    if (rng.chance(0.5)) files.push([`${app}/utils.py`, (r) => djangoUtils(r, ctx)]);
    if (rng.chance(0.3)) files.push([`${app}/services.py`, (r) => djangoUtils(r, ctx)]);
    if (rng.chance(0.2)) {
      files.push([`${app}/signals.py`, (r) => djangoUtils(r, ctx)]);
    }
    if (rng.chance(0.25)) {
      files.push([`${app}/templatetags/__init__.py`, simple("")]);
      files.push([`${app}/templatetags/${app}_tags.py`, (r) => djangoTemplatetags(r, ctx)]);
    }
    if (rng.chance(0.25)) {
      files.push([`${app}/management/__init__.py`, simple("")], [`${app}/management/commands/__init__.py`, simple("")]);
      for (const c of rng.some(["import_data", "cleanup", "sync_remote", "rebuild_index", "send_reminders"], rng.int(1, 2))) {
        files.push([`${app}/management/commands/${c}.py`, (r) => djangoCommand(r, ctx)]);
      }
    }
    files.push([`${app}/migrations/__init__.py`, simple("")]);
    const migrations = rng.int(1, 8);
    for (let i = 1; i <= migrations; i++) {
      files.push([`${app}/migrations/${String(i).padStart(4, "0")}_${i === 1 ? "initial" : `${rng.pick(ADJS)}_${rng.pick(TECH)}`}.py`, (r) => djangoMigration(r, ctx, i)]);
    }
    djangoCount += files.length;
    for (const [p, g] of files) yield [`${proj}/${p}`, g];
  }

  // Plain library code: roughly as many files as the Django part.
  const plainCount = Math.round(djangoCount * (0.6 + rng.next() * 0.6));
  const packages = rng.some(LIB_PACKAGES, rng.int(2, 5));
  let made = 0;
  for (const pkg of packages) {
    yield [`${proj}/${pkg}/__init__.py`, rng.chance(0.3) ? simple(`"""${cap(pkg)} package."""\n`, false) : simple("", false)];
    const subs = rng.some(LIB_SUB, rng.int(0, 4));
    const dirs = [pkg, ...subs.map((s) => `${pkg}/${s}`)];
    for (const s of subs) yield [`${proj}/${pkg}/${s}/__init__.py`, simple("", false)];
    const share = Math.ceil(plainCount / packages.length);
    const siblings = [];
    for (let i = 0; i < share && made < plainCount; i++, made++) {
      const dir = rng.pick(dirs);
      let name = `${rng.pick([...NOUNS, ...TECH])}${rng.chance(0.4) ? `_${rng.pick(["utils", "helpers", "client", "models", "base", "io", "core", "types", "api"])}` : ""}`;
      if (siblings.includes(`${dir}/${name}`)) name = `${name}_${i}`;
      siblings.push(`${dir}/${name}`);
      const names = siblings.map((s) => s.split("/").pop());
      yield [`${proj}/${dir}/${name}.py`, (r) => plainModule(r, { siblings: names.length > 1 ? names : ["base"] })];
    }
  }
}

// ───────────────────────────── corpus ─────────────────────────────

const GITIGNORE = `# Byte-compiled / caches
__pycache__/
*.py[cod]
.pytest_cache/
.mypy_cache/

# Environments
.env
.venv/
venv/

# Django
media/
staticfiles/
db.sqlite3
`;

export function corpusDir(size, root = CORPUS_ROOT) {
  return path.join(root, String(size));
}

export function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Generates (or reuses) the corpus of `size` files; returns its manifest. */
export function ensureCorpus(size, { seed = DEFAULT_SEED, force = false, root = CORPUS_ROOT, log = () => {} } = {}) {
  const dir = corpusDir(size, root);
  const existing = readManifest(dir);
  if (!force && existing && existing.seed === seed && existing.size === size && existing.generator === GENERATOR_HASH) {
    return { ...existing, dir, reused: true };
  }
  const started = performance.now();
  log(`generating corpus of ${size} files (seed ${seed}) in ${path.relative(process.cwd(), dir) || dir} ...`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const rng = new Rng(seed);
  const stats = {
    files: 0, bytes: 0, djangoFiles: 0, plainFiles: 0, emptyFiles: 0, nonAsciiFiles: 0, legacyFiles: 0,
    legacy: {}, byName: {}, projects: 0, sizes: [],
  };
  const made = new Set();
  for (let project = 0; stats.files < size; project++) {
    stats.projects++;
    // Each project has its own stream so a change in one file kind does not reshuffle everything after it.
    const projectRng = new Rng((seed ^ Math.imul(project + 1, 0x9e3779b1)) >>> 0);
    for (const [relative, generate] of projectFiles(projectRng, project)) {
      if (stats.files >= size) break;
      const { text, django, legacy } = generate(new Rng(projectRng.int(0, 2 ** 31)));
      const file = path.join(tmp, relative);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      const bytes = Buffer.from(text, "utf8");
      writeFileSync(file, bytes);
      stats.files++;
      stats.bytes += bytes.length;
      stats.sizes.push(bytes.length);
      if (bytes.length === 0) stats.emptyFiles++;
      if (django) stats.djangoFiles++;
      else stats.plainFiles++;
      if (bytes.length !== text.length) stats.nonAsciiFiles++;
      if (legacy.length) stats.legacyFiles++;
      for (const f of legacy) stats.legacy[f] = (stats.legacy[f] ?? 0) + 1;
      const base = path.basename(relative);
      const kind = base === "__init__.py" ? base
        : !django ? "plain library modules"
        : /^\d{4}_/.test(base) ? "migrations/NNNN_*.py"
        : relative.includes("/management/commands/") ? "management/commands/*.py"
        : /^test_/.test(base) ? "tests/test_*.py"
        : relative.includes("/settings/") ? `settings/${base}`
        : base;
      stats.byName[kind] = (stats.byName[kind] ?? 0) + 1;
    }
  }
  writeFileSync(path.join(tmp, ".gitignore"), GITIGNORE);
  // Each corpus is a project root of its own, as a user's checkout would be: discovery stops
  // looking for .gitignore files here instead of climbing into pycodemod's own repository (whose
  // .gitignore lists bench/corpus/ and would hide every file).
  try {
    execFileSync("git", ["init", "-q", tmp], { stdio: "ignore" });
  } catch {
    mkdirSync(path.join(tmp, ".git"), { recursive: true });
  }
  const sorted = [...stats.sizes].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const nonEmpty = sorted.filter((s) => s > 0);
  const manifest = {
    seed, size, generator: GENERATOR_HASH, created: new Date().toISOString(),
    files: stats.files, bytes: stats.bytes, projects: stats.projects,
    djangoFiles: stats.djangoFiles, plainFiles: stats.plainFiles, emptyFiles: stats.emptyFiles,
    nonAsciiFiles: stats.nonAsciiFiles, legacyFiles: stats.legacyFiles, legacyShare: +(stats.legacyFiles / stats.files).toFixed(4),
    legacy: stats.legacy,
    sizeQuantiles: { min: nonEmpty[0] ?? 0, p10: q(0.1), median: q(0.5), p90: q(0.9), max: sorted[sorted.length - 1] },
    byName: Object.fromEntries(Object.entries(stats.byName).sort((a, b) => b[1] - a[1])),
  };
  writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log(`  ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.legacyFiles} with deprecated code, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...manifest, dir, reused: false };
}

// ───────────────────────────── CLI ─────────────────────────────

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  if (argv.includes("--help")) {
    process.stdout.write("usage: node bench/corpus.mjs [--sizes 1000,5000,20000] [--seed N] [--force]\n");
    process.exit(0);
  }
  const sizes = opt("sizes", "1000,5000,20000").split(",").map((s) => Number(s.trim()));
  const seed = Number(opt("seed", DEFAULT_SEED));
  for (const size of sizes) {
    if (!Number.isInteger(size) || size <= 0) {
      process.stderr.write(`corpus: bad size "${size}"\n`);
      process.exit(2);
    }
    const m = ensureCorpus(size, { seed, force: argv.includes("--force"), log: (s) => process.stderr.write(`${s}\n`) });
    if (m.reused) process.stderr.write(`corpus ${size}: reused ${path.relative(process.cwd(), m.dir)} (${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB)\n`);
  }
}
