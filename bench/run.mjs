#!/usr/bin/env node
// The seeded benchmark: `npm run bench:seeded` (or `node bench/run.mjs [flags]`). See bench/README.md.
//
//   --sizes 1000,5000,20000   corpus sizes in files (default 1000,5000,20000)
//   --runs 3                  timed runs per measurement; the median is reported (default 3)
//   --quick                   smoke run: 1k files (plus 2k for the doubling figure), 1 run
//   --double-from N           corpus-doubling pair N → 2N (default 5000 if measured, else the smallest size)
//   --rules-size N            corpus for the rule-doubling figure (default: the --double-from size)
//   --latency-runs 10         spawns per single-file latency figure
//   --warmup 1                untimed in-process runs before the timed ones
//   --seed N                  corpus seed (default in bench/corpus.mjs)
//   --no-cli                  skip the CLI child-process measurements
//   --no-single               skip the extra in-process run with { jobs: 1 } (no worker threads)
//
// Measures the compiled dist/ as it is: run `npm run build` first. Nothing is written to the
// corpus (the library runs with write: false, the CLI with --check / --diff).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED, ensureCorpus } from "./corpus.mjs";
import { snapshotDist } from "./lib/snapshot.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const MEASURE = path.join(HERE, "lib/measure.mjs");
const OUT = path.join(HERE, "out");
const TARGET = "django-5.0";
const CLI_ARGS = ["--target", TARGET, "--check", "--quiet", "--exit-zero-even-if-changed"];

// ───────────────────────────── options ─────────────────────────────

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 15).map((l) => l.replace(/^\/\/ ?/, "")).join("\n") + "\n");
  process.exit(0);
}
const known = new Set(["sizes", "runs", "quick", "double-from", "rules-size", "latency-runs", "warmup", "seed", "no-cli", "no-single"]);
for (const a of argv) if (a.startsWith("--") && !known.has(a.slice(2))) fail(`unknown option ${a} (see --help)`);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) fail(`--${name} needs a value`);
  return v;
};
const num = (name, fallback) => {
  const v = Number(opt(name, fallback));
  if (!Number.isInteger(v) || v < 0) fail(`--${name} must be a whole number`);
  return v;
};
const quick = argv.includes("--quick");
const sizes = (quick ? "1000" : opt("sizes", "1000,5000,20000")).split(",").map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) fail("--sizes takes whole numbers, e.g. --sizes 1000,5000");
const runs = quick ? 1 : num("runs", 3);
if (runs < 1) fail("--runs must be at least 1");
const warmup = num("warmup", quick ? 0 : 1);
const latencyRuns = num("latency-runs", quick ? 3 : 10);
const seed = num("seed", DEFAULT_SEED);
const withCli = !argv.includes("--no-cli");
const withSingle = !argv.includes("--no-single");
const doubleFrom = num("double-from", sizes.includes(5000) ? 5000 : Math.min(...sizes));
const rulesSize = num("rules-size", doubleFrom);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
const log = (s) => process.stderr.write(`${s}\n`);

// Every measurement of this run uses one copy of the build, even if dist/ is rebuilt meanwhile.
let snapshot;
try {
  snapshot = snapshotDist();
} catch (error) {
  fail(error.message);
}
const BIN = snapshot.bin;
process.env.PYCODEMOD_BENCH_DIST = snapshot.dist;

// ───────────────────────────── helpers ─────────────────────────────

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === undefined || Number.isNaN(x) ? undefined : +x.toFixed(d));

/** Whole-machine CPU counters, to tell how busy the machine was while we measured. */
function cpuSnapshot() {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const v = fields.map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { idle, total };
  } catch {
    return undefined;
  }
}
/** Share of all cores busy between two snapshots, in %. */
function busyPercent(a, b) {
  if (!a || !b || b.total === a.total) return undefined;
  return round((100 * (b.total - a.total - (b.idle - a.idle))) / (b.total - a.total), 0);
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {}
  const git = (...args) => {
    try {
      return execFileSync("git", args, { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    node: process.version,
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memGB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => round(x, 2)),
    commit: git("rev-parse", "--short", "HEAD"),
    // Others edit src/ while benchmarks run: say whether dist/ may hold uncommitted code.
    uncommittedSourceFiles: git("status", "--porcelain", "--", "src", "codemods")?.split("\n").filter(Boolean).length,
    distBuilt: statSync(path.join(REPO, "dist/src/index.js")).mtime.toISOString(),
    distHash: snapshot.hash,
    timeTool: existsSync("/usr/bin/time") ? "/usr/bin/time" : "process.resourceUsage wrapper",
  };
}

/** Runs bench/lib/measure.mjs in a fresh process; returns its JSON plus machine busy %. */
function measure(mode, dir, { runs: n = runs, warm = warmup, extraArgs = [] } = {}) {
  const before = cpuSnapshot();
  const child = spawnSync(process.execPath, ["--expose-gc", MEASURE, mode, dir, "--runs", String(n), "--warmup", String(warm), ...extraArgs], {
    cwd: dir, encoding: "utf8", maxBuffer: 64 * 2 ** 20,
  });
  const busy = busyPercent(before, cpuSnapshot());
  if (child.status !== 0) fail(`measure ${mode} ${dir} failed (exit ${child.status}):\n${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1));
  return { ...result, machineBusyPercent: busy };
}

const summarize = (runsList) => ({
  wallMs: round(median(runsList.map((r) => r.wallMs))),
  cpuMs: round(median(runsList.map((r) => r.cpuMs))),
});

/** One CLI run in a child process, with wall, CPU and peak RSS of the child. */
function cliOnce(args, cwd) {
  const timeFile = path.join(OUT, `.time-${process.pid}`);
  let child;
  let wallMs;
  if (existsSync("/usr/bin/time")) {
    const t0 = performance.now();
    child = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "BENCHTIME %e %U %S %M", process.execPath, BIN, ...args], {
      cwd, encoding: "utf8", maxBuffer: 256 * 2 ** 20,
    });
    wallMs = performance.now() - t0;
    const m = /BENCHTIME (\S+) (\S+) (\S+) (\d+)/.exec(readFileSync(timeFile, "utf8"));
    rmSync(timeFile, { force: true });
    if (!m) fail(`could not read /usr/bin/time output for ${args.join(" ")}`);
    return { status: child.status, stdout: child.stdout, stderr: child.stderr, wallMs: round(wallMs), cpuMs: round((Number(m[2]) + Number(m[3])) * 1000, 0), maxRSSKB: Number(m[4]) };
  }
  // No /usr/bin/time: the wrapper runs the same CLI entry point and reports its own rusage.
  const t0 = performance.now();
  child = spawnSync(process.execPath, [path.join(HERE, "lib/cli-rusage.mjs"), ...args], {
    cwd, encoding: "utf8", maxBuffer: 256 * 2 ** 20, env: { ...process.env, BENCH_RUSAGE_OUT: timeFile },
  });
  wallMs = performance.now() - t0;
  const usage = JSON.parse(readFileSync(timeFile, "utf8"));
  rmSync(timeFile, { force: true });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, wallMs: round(wallMs), cpuMs: round(usage.cpuMs, 0), maxRSSKB: usage.maxRSSKB };
}

function measureCli(dir) {
  const before = cpuSnapshot();
  const list = [];
  let wouldChange;
  for (let i = 0; i < runs; i++) {
    const r = cliOnce([...CLI_ARGS, "."], dir);
    if (r.status !== 0 && r.status !== 1) fail(`CLI exited ${r.status} on ${dir}:\n${r.stderr.slice(0, 2000)}`);
    wouldChange = r.stdout.split("\n").filter(Boolean).length;
    list.push({ wallMs: r.wallMs, cpuMs: r.cpuMs, maxRSSKB: r.maxRSSKB, exit: r.status });
  }
  return { runs: list, wouldChange, maxRSSKB: Math.max(...list.map((r) => r.maxRSSKB)), machineBusyPercent: busyPercent(before, cpuSnapshot()) };
}

// ───────────────────────────── single-file latency ─────────────────────────────

const PLAIN_FILE = `"""Small helpers for reading configuration files."""
import json
import os
from pathlib import Path

DEFAULTS = {"timeout": 30, "retries": 3, "name": "café"}


def load_config(path: str) -> dict:
    """Read a JSON config file and merge it over the defaults."""
    data = dict(DEFAULTS)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            data.update(json.load(fh))
    return data


class ConfigError(Exception):
    """Raised when a config value is out of range."""


def check(config: dict) -> None:
    for key in ("timeout", "retries"):
        if int(config.get(key, 0)) < 0:
            raise ConfigError(f"{key} must not be negative")


def config_dir() -> Path:
    return Path(__file__).resolve().parent / "conf"
`;

const LEGACY_FILE = `from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.encoding import force_text
from django.utils.translation import ugettext as _

from .models import Article


def detail(request, pk):
    article = get_object_or_404(Article, pk=pk)
    return JsonResponse({"title": force_text(article.title), "label": _("Article")})
`;

function measureLatency() {
  const dir = path.join(OUT, `latency-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "helpers.py"), PLAIN_FILE);
  writeFileSync(path.join(dir, "views.py"), LEGACY_FILE);
  const before = cpuSnapshot();
  const spawnWall = (cmd, args) => {
    const t0 = performance.now();
    const child = spawnSync(cmd, args, { cwd: dir, encoding: "utf8" });
    return { wallMs: performance.now() - t0, status: child.status, stdout: child.stdout, stderr: child.stderr };
  };
  const series = {
    nodeBaseline: () => spawnWall(process.execPath, ["-e", "0"]),
    noMatch: () => spawnWall(process.execPath, [BIN, "--target", TARGET, "--diff", "helpers.py"]),
    rewrite: () => spawnWall(process.execPath, [BIN, "--target", TARGET, "--diff", "views.py"]),
  };
  const out = {};
  for (const name of Object.keys(series)) out[name] = { runs: [] };
  series.noMatch(); // warm the file cache once
  for (let i = 0; i < latencyRuns; i++) {
    for (const [name, run] of Object.entries(series)) {
      const r = run();
      if (name === "noMatch" && (r.status !== 0 || r.stdout !== "")) fail(`no-match file: expected exit 0 and no diff, got ${r.status}\n${r.stderr}`);
      if (name === "rewrite" && (r.status !== 1 || !r.stdout.includes("+from django.utils.encoding import force_str"))) {
        fail(`rewrite file: expected exit 1 and a diff, got ${r.status}\n${r.stdout}${r.stderr}`);
      }
      out[name].runs.push(round(r.wallMs));
    }
  }
  for (const v of Object.values(out)) v.medianMs = round(median(v.runs));
  out.machineBusyPercent = busyPercent(before, cpuSnapshot());
  rmSync(dir, { recursive: true, force: true });
  return out;
}

// ───────────────────────────── main ─────────────────────────────

mkdirSync(OUT, { recursive: true });
const started = new Date();
const startSnapshot = cpuSnapshot();
const meta = { started: started.toISOString(), ...machine(), options: { sizes, runs, warmup, latencyRuns, seed, doubleFrom, rulesSize, quick, target: TARGET } };
log(`pycodemod bench: node ${meta.node}, ${meta.nproc} cores (${meta.cpu}), load ${meta.loadavg.join(" ")}, commit ${meta.commit}${meta.uncommittedSourceFiles ? ` + ${meta.uncommittedSourceFiles} uncommitted source files` : ""}`);

const allSizes = [...new Set([...sizes, doubleFrom, doubleFrom * 2, rulesSize])].sort((a, b) => a - b);
const extra = allSizes.filter((s) => !sizes.includes(s));
const corpora = {};
for (const size of allSizes) {
  const m = ensureCorpus(size, { seed, log });
  if (m.reused) log(`corpus ${size}: reusing ${path.relative(REPO, m.dir)} (${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB)`);
  corpora[size] = m;
}

const results = [];
for (const size of allSizes) {
  const dir = corpora[size].dir;
  log(`\n[${size}] floor (discover + read) ...`);
  const floor = measure("floor", dir);
  log(`[${size}] in-process upgrade() ...`);
  const inproc = measure("upgrade", dir);
  let single;
  if (withSingle) {
    log(`[${size}] in-process upgrade({ jobs: 1 }) ...`);
    single = measure("upgrade", dir, { extraArgs: ["--jobs", "1", "--stats", "0"] });
  }
  let cli;
  if (withCli) {
    log(`[${size}] CLI --check ...`);
    cli = measureCli(dir);
  }
  const row = { size, extra: extra.includes(size), files: floor.files, bytes: floor.bytes, corpus: corpora[size], floor, inproc, single, cli };
  row.summary = summarizeRow(row);
  results.push(row);
  log(`[${size}] floor ${row.summary.floor.wallMs} ms, in-process ${row.summary.inproc.wallMs} ms (${row.summary.inproc.mbPerS} MB/s), CLI ${row.summary.cli?.wallMs ?? "-"} ms`);
}

function summarizeRow(row) {
  const mb = row.bytes / 1e6;
  const floor = summarize(row.floor.runs);
  const fig = (s) => ({ ...s, mbPerS: round(mb / (s.wallMs / 1000), 2), filesPerS: round(row.files / (s.wallMs / 1000), 0), xFloor: round(s.wallMs / floor.wallMs, 1) });
  const inproc = fig(summarize(row.inproc.runs));
  const cli = row.cli ? fig(summarize(row.cli.runs)) : undefined;
  const single = row.single ? fig(summarize(row.single.runs)) : undefined;
  return {
    mb: round(mb, 2), floor: { ...floor, mbPerS: round(mb / (floor.wallMs / 1000), 1) },
    inproc: { ...inproc, maxRSSMB: round(row.inproc.maxRSSKB / 1024, 0), changed: row.inproc.changed, errors: row.inproc.error, parsedFiles: row.inproc.prefilter.matchedFiles, parsedMB: round(row.inproc.prefilter.matchedBytes / 1e6, 2) },
    single: single && { ...single, maxRSSMB: round(row.single.maxRSSKB / 1024, 0) },
    cli: cli && { ...cli, maxRSSMB: round(row.cli.maxRSSKB / 1024, 0), wouldChange: row.cli.wouldChange },
  };
}

// Scaling: corpus doubling.
const bySize = Object.fromEntries(results.map((r) => [r.size, r]));
const corpusScaling = [];
for (const r of results) {
  const twice = bySize[r.size * 2];
  if (!twice) continue;
  const ratio = (key) => (r.summary[key] && twice.summary[key] ? round(twice.summary[key].wallMs / r.summary[key].wallMs, 2) : undefined);
  const cpuRatio = (key) => (r.summary[key] && twice.summary[key] ? round(twice.summary[key].cpuMs / r.summary[key].cpuMs, 2) : undefined);
  corpusScaling.push({
    from: r.size, to: twice.size, bytesRatio: round(twice.bytes / r.bytes, 2), parsedBytesRatio: round(twice.inproc.prefilter.matchedBytes / r.inproc.prefilter.matchedBytes, 2),
    floor: ratio("floor"), inproc: ratio("inproc"), inprocCpu: cpuRatio("inproc"), single: ratio("single"), singleCpu: cpuRatio("single"), cli: ratio("cli"), cliCpu: cpuRatio("cli"),
  });
}

// Scaling: rule-count doubling.
log(`\n[rules] rule-count doubling on the ${rulesSize}-file corpus ...`);
const rules = measure("rules", corpora[rulesSize].dir);
const ruleSummary = {};
for (const k of ["single", "doubledSameNeedles", "doubledAbsentNeedles"]) ruleSummary[k] = { ...summarize(rules[k].runs), rules: rules.ruleCounts[k], parsedFiles: rules[k].parsed, changed: rules[k].changed };
ruleSummary.sameRatio = round(ruleSummary.doubledSameNeedles.wallMs / ruleSummary.single.wallMs, 2);
ruleSummary.sameCpuRatio = round(ruleSummary.doubledSameNeedles.cpuMs / ruleSummary.single.cpuMs, 2);
ruleSummary.absentRatio = round(ruleSummary.doubledAbsentNeedles.wallMs / ruleSummary.single.wallMs, 2);
ruleSummary.absentCpuRatio = round(ruleSummary.doubledAbsentNeedles.cpuMs / ruleSummary.single.cpuMs, 2);
ruleSummary.outputMismatches = rules.outputMismatches;

log(`[latency] single-file CLI, ${latencyRuns} spawns each ...`);
const latency = withCli ? measureLatency() : undefined;

meta.finished = new Date().toISOString();
meta.loadavgEnd = os.loadavg().map((x) => round(x, 2));
meta.machineBusyPercent = busyPercent(startSnapshot, cpuSnapshot());

// ───────────────────────────── report ─────────────────────────────

const lines = [];
const p = (s = "") => lines.push(s);
const k = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const cell = (s) => (s ? `${s.wallMs} (${s.cpuMs})` : "–");
p(`pycodemod benchmark, ${meta.started}: node ${meta.node}, ${meta.nproc} cores, ${meta.cpu}; commit ${meta.commit}${meta.uncommittedSourceFiles ? ` (+${meta.uncommittedSourceFiles} uncommitted source files)` : ""}, dist ${meta.distHash}; median of ${runs} run(s)${warmup ? ` after ${warmup} warm-up` : ""}; times are wall ms (CPU ms)`);
const ruleInfo = results[0]?.inproc.prefilter;
if (ruleInfo) p(`Rules for ${TARGET}: ${ruleInfo.rules.length} (${ruleInfo.needles.length} prefilter needles).`);
p();
p("In-process (library), median wall ms (CPU ms):");
p();
p("| corpus | files | MB | parsed files (MB) | floor: discover+read | upgrade() | MB/s | files/s | × floor | peak RSS | upgrade({jobs: 1}) | MB/s | × floor | peak RSS | changed |");
p("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const s = r.summary;
  p(`| ${k(r.size)}${r.extra ? "*" : ""} | ${r.files} | ${s.mb} | ${s.inproc.parsedFiles} (${s.inproc.parsedMB}) | ${cell(s.floor)} | ${cell(s.inproc)} | ${s.inproc.mbPerS} | ${s.inproc.filesPerS} | ${s.inproc.xFloor} | ${s.inproc.maxRSSMB} MB | ${cell(s.single)} | ${s.single?.mbPerS ?? "–"} | ${s.single?.xFloor ?? "–"} | ${s.single ? `${s.single.maxRSSMB} MB` : "–"} | ${s.inproc.changed}${s.inproc.errors ? `, ${s.inproc.errors} errors` : ""} |`);
}
if (withCli) {
  p();
  p("CLI in a child process (`pycodemod --target django-5.0 --check --quiet --exit-zero-even-if-changed .`), median wall ms (CPU ms):");
  p();
  p("| corpus | CLI --check | MB/s | files/s | × floor | peak RSS | would change | machine busy % (floor/upgrade/jobs 1/CLI) |");
  p("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const s = r.summary;
    const busy = [r.floor.machineBusyPercent, r.inproc.machineBusyPercent, r.single?.machineBusyPercent, r.cli?.machineBusyPercent].map((x) => x ?? "–");
    p(`| ${k(r.size)}${r.extra ? "*" : ""} | ${cell(s.cli)} | ${s.cli.mbPerS} | ${s.cli.filesPerS} | ${s.cli.xFloor} | ${s.cli.maxRSSMB} MB | ${s.cli.wouldChange}${s.cli.wouldChange !== s.inproc.changed ? " (≠ in-process!)" : ""} | ${busy.join(" / ")} |`);
  }
}
if (extra.length) p(`\n\\* generated only for the corpus-doubling figure.`);
p();
p("Scaling (time ratio, wall; CPU in brackets; 2.0 = linear):");
p();
p("| change | bytes × | parsed bytes × | floor × | upgrade() × | upgrade({jobs: 1}) × | CLI × |");
p("|---|---|---|---|---|---|---|");
const both = (w, c) => (w === undefined ? "–" : `${w}${c !== undefined ? ` (${c})` : ""}`);
for (const c of corpusScaling) p(`| corpus ${k(c.from)} → ${k(c.to)} files | ${c.bytesRatio} | ${c.parsedBytesRatio} | ${c.floor} | ${both(c.inproc, c.inprocCpu)} | ${both(c.single, c.singleCpu)} | ${both(c.cli, c.cliCpu)} |`);
const rs = ruleSummary;
p(`| rules ${rs.single.rules} → ${rs.doubledSameNeedles.rules}, copies share needles (${k(rulesSize)} files, own single-thread pipeline) | 1 | 1 | – | – | ${rs.sameRatio} (${rs.sameCpuRatio}) | – |`);
p(`| rules ${rs.single.rules} → ${rs.doubledAbsentNeedles.rules}, copies' needles never occur (${k(rulesSize)} files, own single-thread pipeline) | 1 | 1 | – | – | ${rs.absentRatio} (${rs.absentCpuRatio}) | – |`);
p();
p(`Rule doubling, per-file pipeline (read → decode → transformSync) on ${k(rulesSize)} files: ${rs.single.rules} rules ${cell(rs.single)} ms, ` +
  `${rs.doubledSameNeedles.rules} (same needles) ${cell(rs.doubledSameNeedles)} ms, ${rs.doubledAbsentNeedles.rules} (absent needles) ${cell(rs.doubledAbsentNeedles)} ms; ` +
  `files parsed ${rs.single.parsedFiles} / ${rs.doubledSameNeedles.parsedFiles} / ${rs.doubledAbsentNeedles.parsedFiles}; output differences vs ${rs.single.rules} rules: ${rs.outputMismatches.doubledSameNeedles} / ${rs.outputMismatches.doubledAbsentNeedles}.`);
if (latency) {
  p();
  p(`Single-file CLI latency (median of ${latencyRuns} spawns, wall ms): \`node -e 0\` ${latency.nodeBaseline.medianMs}, ` +
    `no-match file ${latency.noMatch.medianMs}, file needing a rewrite (--diff) ${latency.rewrite.medianMs}.`);
}
p();
p(`Took ${round((Date.parse(meta.finished) - Date.parse(meta.started)) / 60000, 1)} min. Machine busy during the whole run: ${meta.machineBusyPercent ?? "?"}% of all cores (this process tree uses at most one core ≈ ${round(100 / meta.nproc, 0)}%); load average ${meta.loadavg.join(" ")} → ${meta.loadavgEnd.join(" ")}.`);
const report = lines.join("\n");
process.stdout.write(`\n${report}\n`);

const stamp = started.toISOString().replace(/[:.]/g, "-");
const file = path.join(OUT, `results-${stamp}.json`);
writeFileSync(file, `${JSON.stringify({ meta, sizes: results.map(({ corpus, ...r }) => ({ ...r, corpus: { ...corpus, dir: path.relative(REPO, corpus.dir) } })), scaling: { corpus: corpusScaling, rules: { ...ruleSummary, raw: rules } }, latency, report }, null, 2)}\n`);
log(`\nwrote ${path.relative(process.cwd(), file)}`);
