#!/usr/bin/env node
// Where does the time go? Runs the in-process upgrade() over one corpus under `node --cpu-prof`
// and summarises the profile: self time by area (wasm parser, tree-sitter JS glue, our engine
// files, GC, ...), the top functions by self time, and our own functions by inclusive time.
//
//   node bench/profile.mjs [--size 5000] [--jobs 1] [--seed N] [--top 25] [--warmup 1]
//
// The raw .cpuprofile is kept under bench/out/prof-<timestamp>/ (open it in Chrome DevTools →
// Performance, or speedscope) and the summary is written next to it as summary.txt.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_SEED, ensureCorpus } from "./corpus.mjs";
import { snapshotDist } from "./lib/snapshot.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const size = opt("size", 5000);
const top = opt("top", 25);
const warmup = opt("warmup", 1);
const jobs = opt("jobs", 0); // 0: upgrade()'s default; 1: everything on the main thread
let snapshot;
try {
  snapshot = snapshotDist();
} catch (error) {
  process.stderr.write(`profile: ${error.message}\n`);
  process.exit(2);
}

const corpus = ensureCorpus(size, { seed: opt("seed", DEFAULT_SEED), log: (s) => process.stderr.write(`${s}\n`) });
const outDir = path.join(HERE, "out", `prof-${new Date().toISOString().replace(/[:.]/g, "-")}`);
mkdirSync(outDir, { recursive: true });
process.stderr.write(`profiling upgrade() over ${corpus.files} files (${(corpus.bytes / 1e6).toFixed(1)} MB) ...\n`);
const child = spawnSync(process.execPath, [
  "--cpu-prof", `--cpu-prof-dir=${outDir}`, "--expose-gc",
  path.join(HERE, "lib/measure.mjs"), "upgrade", corpus.dir, "--runs", "1", "--warmup", String(warmup), "--stats", "0",
  ...(jobs ? ["--jobs", String(jobs)] : []),
], { cwd: corpus.dir, encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, PYCODEMOD_BENCH_DIST: snapshot.dist } });
if (child.status !== 0) {
  process.stderr.write(`profile: run failed (${child.status}):\n${child.stderr}\n`);
  process.exit(2);
}
const measured = JSON.parse(child.stdout.trim().split("\n").at(-1));
// One .cpuprofile per thread: the main thread and each worker thread (upgrade() uses workers on
// large inputs). Samples of all threads are added up; "(idle)" is left out of the percentages.
const files = readdirSync(outDir).filter((f) => f.endsWith(".cpuprofile")).sort();
if (files.length === 0) {
  process.stderr.write("profile: node wrote no .cpuprofile\n");
  process.exit(2);
}

function where(cf) {
  const url = cf.url ?? "";
  if (!url) return "";
  if (url.startsWith("wasm://")) return "wasm";
  if (url.startsWith("node:")) return url;
  const p = url.startsWith("file://") ? fileURLToPath(url) : url;
  const nm = p.lastIndexOf("node_modules/");
  if (nm >= 0) return p.slice(nm + "node_modules/".length);
  // Our code runs from the snapshot: show it as dist/...
  return path.relative(REPO, p).replace(/^bench\/out\/dist-snapshot-\d+\//, "");
}
function area(cf) {
  const name = cf.functionName;
  if (name === "(garbage collector)") return "GC";
  if (name === "(program)" || name === "(idle)" || name === "(root)") return name;
  const w = where(cf);
  if (w === "wasm" || /^\$?wasm-function|^\$ts_|^ts_/.test(name)) return "wasm (tree-sitter parser/queries)";
  if (w.startsWith("web-tree-sitter/")) return "web-tree-sitter JS glue";
  if (w.startsWith("node:")) return "node internals (fs, path, streams, ...)";
  if (w.startsWith("dist/")) return w.replace(/\.js$/, "");
  if (w.includes("/")) return w.split("/")[0].startsWith("@") ? w.split("/").slice(0, 2).join("/") : w.split("/")[0];
  return w || "(native / builtins)";
}
const label = (cf) => `${cf.functionName || "(anonymous)"} ${where(cf)}${cf.lineNumber >= 0 && !where(cf).startsWith("wasm") ? `:${cf.lineNumber + 1}` : ""}`;

const self = new Map();
const inclusive = new Map();
const byArea = new Map();
const threads = [];
let total = 0;
let idle = 0;
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
for (const [index, name] of files.entries()) {
  const profile = JSON.parse(readFileSync(path.join(outDir, name), "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let busy = 0;
  const { samples, timeDeltas: deltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000; // ms until the next sample
    const leaf = nodes.get(samples[i]);
    if (leaf.callFrame.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    busy += dt;
    add(self, label(leaf.callFrame), dt);
    add(byArea, area(leaf.callFrame), dt);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const l = label(nodes.get(id).callFrame);
      if (seen.has(l)) continue;
      seen.add(l);
      add(inclusive, l, dt);
    }
  }
  total += busy;
  threads.push(`${index === 0 ? "main" : `worker ${index}`}: ${busy.toFixed(0)} ms busy`);
}
const file = files[0];

const { selectRules } = await import(pathToFileURL(path.join(snapshot.dist, "src/rules.js")).href);
const { parseTargets } = await import(pathToFileURL(path.join(snapshot.dist, "src/target.js")).href);
const ruleCount = selectRules({ targets: parseTargets("django-5.0") }).length;

const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
const fmt = (ms) => `${ms.toFixed(0).padStart(7)} ms`;
const out = [];
out.push(`profile of upgrade(${jobs ? `{ jobs: ${jobs} }` : ""}) over ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB (${measured.changed} changed); ${warmup} warm-up + 1 timed run in one process`);
out.push(`timed run: ${measured.runs[0].wallMs} ms wall, ${measured.runs[0].cpuMs} ms CPU (all threads); ${warmup ? "the profile also covers the warm-up run, " : ""}start-up and discovery`);
out.push(`threads sampled: ${threads.join(", ")}; ${idle.toFixed(0)} ms idle left out; percentages are of ${total.toFixed(0)} ms busy`);
out.push(`raw profiles: ${path.relative(REPO, outDir)}/ (${files.length} files); measured build: dist ${snapshot.hash}, ${ruleCount} rules for django-5.0`);
out.push("", "Self time by area:");
for (const [a, ms] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 20)) out.push(`${fmt(ms)} ${pct(ms)}  ${a}`);
out.push("", `Top ${top} functions by self time:`);
for (const [l, ms] of [...self].sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`${fmt(ms)} ${pct(ms)}  ${l}`);
out.push("", `Our code (dist/) by inclusive time (top ${top}):`);
for (const [l, ms] of [...inclusive].filter(([l]) => / dist\//.test(l)).sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`${fmt(ms)} ${pct(ms)}  ${l}`);
out.push("", `Library functions by inclusive time (top ${Math.min(top, 15)}):`);
for (const [l, ms] of [...inclusive].filter(([l]) => / (web-tree-sitter|magic-string|fast-glob|ignore)\//.test(l)).sort((x, y) => y[1] - x[1]).slice(0, Math.min(top, 15))) out.push(`${fmt(ms)} ${pct(ms)}  ${l}`);
const text = out.join("\n");
writeFileSync(path.join(outDir, "summary.txt"), `${text}\n`);
process.stdout.write(`${text}\n`);
