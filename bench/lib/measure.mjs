#!/usr/bin/env node
// One measurement in a fresh Node process, so each gets its own peak RSS and no state (JIT,
// wasm heap, caches) leaks from one measurement into the next. Run by bench/run.mjs:
//
//   node --expose-gc bench/lib/measure.mjs <floor|upgrade|rules> <dir> [--runs N] [--warmup W] [--stats 0] [--jobs N]
//
// Prints one JSON object on stdout. Times are per run: wall ms (performance.now) and CPU ms
// (process.cpuUsage, user + system), so a run slowed down by other load on the machine shows as
// wall >> CPU.
//   floor    discover() + readFileSync of every file: the least any tool must do.
//   upgrade  the public library call upgrade([dir], { target, write: false }) (with --jobs N: { jobs: N }).
//   rules    the per-file pipeline (read → decode → transformSync) with the target's rules, with
//            the rules plus a renamed copy of each (same needles), and with the rules plus copies
//            whose needles never occur; runs are interleaved so drift on the machine hits all three.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// run.mjs points this at its snapshot of dist/ (see lib/snapshot.mjs).
const DIST = process.env.PYCODEMOD_BENCH_DIST ?? path.join(REPO, "dist");
// --target a,b (default django-5.0, the seeded corpus' target).
const targetArg = process.argv.indexOf("--target");
const TARGET = targetArg >= 0 ? process.argv[targetArg + 1].split(",") : "django-5.0";

function fail(message) {
  process.stderr.write(`measure: ${message}\n`);
  process.exit(2);
}

if (!existsSync(path.join(DIST, "src/index.js"))) fail("dist/ is missing: run `npm run build` first");
const load = (file) => import(pathToFileURL(path.join(DIST, file)).href);

const [mode, dirArg, ...rest] = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
const runs = opt("runs", 3);
const warmup = opt("warmup", 1);
const jobs = opt("jobs", 0); // 0: upgrade()'s default (worker threads on large inputs)
if (!mode || !dirArg) fail("usage: measure.mjs <floor|upgrade|rules> <dir> [--runs N] [--warmup W]");
const dir = path.resolve(dirArg);

function collect() {
  if (typeof globalThis.gc === "function") globalThis.gc();
}

/** Times fn() once: { wallMs, cpuMs, value }. */
async function timed(fn) {
  collect();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: +wallMs.toFixed(1), cpuMs: +((cpu.user + cpu.system) / 1000).toFixed(1), value };
}

const { discover } = await load("src/discover.js");

function floorOnce() {
  const { files } = discover([dir]);
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f.absolute).length;
  return { files: files.length, bytes };
}

async function measureFloor() {
  const out = { warmup: [], runs: [] };
  for (let i = 0; i < warmup; i++) out.warmup.push(await timed(floorOnce));
  for (let i = 0; i < runs; i++) out.runs.push(await timed(floorOnce));
  const last = out.runs.at(-1) ?? out.warmup.at(-1);
  return { ...strip(out), files: last.value.files, bytes: last.value.bytes };
}

async function measureUpgrade() {
  const { upgrade } = await load("src/index.js");
  const once = async () => {
    const summary = await upgrade([dir], { target: TARGET, write: false, ...(jobs ? { jobs } : {}) });
    // useful: the Python files a run must parse, those that change or get a finding (the goal of
    // issue 13 compares the bytes parsed with these).
    const tally = { files: summary.results.length, changed: 0, changedBytes: 0, usefulFiles: 0, usefulBytes: 0, unchanged: 0, error: 0, fixes: 0, byRule: {}, problems: {} };
    for (const r of summary.results) {
      tally[r.status]++;
      if (r.status === "changed") tally.changedBytes += Buffer.byteLength(r.before ?? "", "utf8");
      if (!r.template && (r.status === "changed" || r.findings.length > 0)) {
        tally.usefulFiles++;
        tally.usefulBytes += statSync(r.absolutePath).size;
      }
      tally.fixes += r.fixes.length;
      for (const fix of r.fixes) tally.byRule[fix.rule] = (tally.byRule[fix.rule] ?? 0) + 1;
      for (const p of r.problems) tally.problems[p.kind] = (tally.problems[p.kind] ?? 0) + 1;
    }
    return tally;
  };
  const out = { warmup: [], runs: [] };
  for (let i = 0; i < warmup; i++) out.warmup.push(await timed(once));
  for (let i = 0; i < runs; i++) out.runs.push(await timed(once));
  const tally = (out.runs.at(-1) ?? out.warmup.at(-1)).value;
  return { ...strip(out), ...tally, prefilter: opt("stats", 1) ? await prefilterStats() : undefined };
}

/** How many files (and bytes) pass the prefilter and the file-role filter, i.e. get parsed. Untimed. */
async function prefilterStats() {
  const { selectRules } = await load("src/rules.js");
  const { parseTargets } = await load("src/target.js");
  const { prefilterFor } = await load("src/engine/prefilter.js");
  const { selectRulesForFile } = await load("src/engine/transform.js");
  const { fileRoles } = await load("src/roles.js");
  const rules = selectRules({ targets: parseTargets(TARGET) });
  const prefilter = prefilterFor(rules);
  const { files } = discover([dir]);
  const stats = { rules: rules.map((r) => r.id), needles: [...new Set(rules.flatMap((r) => r.needles))], files: files.length, bytes: 0, matchedFiles: 0, matchedBytes: 0, byRule: {} };
  for (const f of files) {
    if (f.template) continue; // templates are lexed, never parsed
    const bytes = readFileSync(f.absolute);
    stats.bytes += bytes.length;
    const text = bytes.toString("utf8");
    const candidates = prefilter.match(text);
    const active = selectRulesForFile(candidates, fileRoles(f.display), f.display);
    if (active.length === 0 || text.includes("pycodemod: skip-file")) continue;
    stats.matchedFiles++;
    stats.matchedBytes += bytes.length;
    for (const r of active) stats.byRule[r.id] = (stats.byRule[r.id] ?? 0) + 1;
  }
  return stats;
}

async function measureRules() {
  const { selectRules } = await load("src/rules.js");
  const { parseTargets } = await load("src/target.js");
  const { transformSync } = await load("src/engine/transform.js");
  const { loadParser } = await load("src/engine/parser.js");
  const { decode } = await load("src/engine/text.js");
  const targets = parseTargets(TARGET);
  const base = selectRules({ targets });
  // prefilterFor() caches one Prefilter per rules *array* (WeakMap keyed by identity): build each
  // list once and pass the same array for every file, as the runner does.
  const variants = {
    single: base,
    doubledSameNeedles: [...base, ...base.map((r) => ({ ...r, id: `${r.id}-copy`, aliases: [] }))],
    doubledAbsentNeedles: [
      ...base,
      ...base.map((r, i) => ({ ...r, id: `${r.id}-absent`, aliases: [], needles: r.needles.map((n) => `zqx${i}_${n}_never`) })),
    ],
  };
  await loadParser();
  const { files } = discover([dir]);
  const pipeline = (rules, record) => {
    let changed = 0;
    let parsed = 0;
    let parsedBytes = 0;
    for (const f of files) {
      const bytes = readFileSync(f.absolute);
      let text;
      try {
        text = decode(bytes).text;
      } catch {
        continue;
      }
      const result = transformSync(text, { rules, targets, filename: f.display });
      if (result.parsed) {
        parsed++;
        parsedBytes += bytes.length;
      }
      if (result.changed) changed++;
      record?.(f.absolute, result);
    }
    return { changed, parsed, parsedBytes };
  };
  // Warm-up pass of each variant; it also checks the copies change nothing in the output.
  const reference = new Map();
  const mismatches = {};
  const out = {};
  for (const [name, rules] of Object.entries(variants)) {
    out[name] = { warmup: [], runs: [] };
    mismatches[name] = 0;
    const record = name === "single"
      ? (file, r) => reference.set(file, r.code)
      : (file, r) => {
        if (reference.get(file) !== r.code) mismatches[name]++;
      };
    for (let i = 0; i < Math.max(1, warmup); i++) out[name].warmup.push(await timed(() => pipeline(rules, i === 0 ? record : undefined)));
  }
  reference.clear();
  for (let i = 0; i < runs; i++) {
    for (const [name, rules] of Object.entries(variants)) out[name].runs.push(await timed(() => pipeline(rules)));
  }
  const result = { ruleCounts: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, v.length])), outputMismatches: mismatches };
  for (const [name, m] of Object.entries(out)) {
    const last = (m.runs.at(-1) ?? m.warmup.at(-1)).value;
    result[name] = { ...strip(m), ...last };
  }
  return result;
}

/** Drops the per-run values (kept once, at the top level) and keeps the times. */
function strip(m) {
  return {
    warmup: m.warmup.map(({ wallMs, cpuMs }) => ({ wallMs, cpuMs })),
    runs: m.runs.map(({ wallMs, cpuMs }) => ({ wallMs, cpuMs })),
  };
}

const modes = { floor: measureFloor, upgrade: measureUpgrade, rules: measureRules };
if (!modes[mode]) fail(`unknown mode "${mode}"`);
const result = await modes[mode]();
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ mode, dir, ...result, maxRSSKB: usage.maxRSS })}\n`);
