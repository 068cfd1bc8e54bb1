#!/usr/bin/env node
// Speed on real projects: `npm run bench [-- --runs N]` (also `npm run bench:real`). See bench/README.md.
//
// The projects of ../shared/corpora, unpacked side by side into one temporary tree, as a user's
// monorepo would be. One invocation per measurement, repeated --runs times (default 5); medians
// are quoted, and ratios are taken between medians of the same run of this script:
//   floor        discover + read every file, in-process (bench/lib/measure.mjs floor)
//   parsed       files and bytes that pass the prefilter and get parsed, against files and bytes
//                that change (library, untimed)
//   check -j1/-j2  the CLI in --check mode with one and two jobs, cache off
//   write -j2    the CLI rewriting a fresh copy of the tree (copy and its settling not timed), cache off
//   cached       --check of the upgraded tree (nothing left to change), without and with a warm cache
//   fresh floor  a new Node process that lists the folders and reads the files that run covers
//                (Python files and templates: lib/floor-process.mjs), timed like the CLI
//   node -e 0    Node's own start, the part of every CLI figure no tool written for Node avoids
//   one file     the CLI on one small file that needs a rewrite, and on one that needs nothing
//   rules ×2     the per-file pipeline with the rules doubled (same needles / absent needles)
// Peak RSS comes from /usr/bin/time where it exists.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCorpora } from "./lib/corpora-dir.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(REPO, "bin/pycodemod.js");
const MEASURE = path.join(REPO, "bench/lib/measure.mjs");
const FLOOR_PROCESS = path.join(REPO, "bench/lib/floor-process.mjs");
const TARGETS = ["django-6.0", "flask-3.1"];
const argv = process.argv.slice(2);
const runs = argv.includes("--runs") ? Number(argv[argv.indexOf("--runs") + 1]) : 5;
const log = (m) => process.stderr.write(`${m}\n`);
if (!existsSync(path.join(REPO, "dist/bundle/pycodemod.js"))) {
  log("bench/real: dist/ is missing: run `npm run build` first");
  process.exit(2);
}


const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const hasTime = existsSync("/usr/bin/time");

/** Runs the CLI once in `cwd`: wall ms, CPU ms, peak RSS MB. */
function cli(cwd, args, env = process.env) {
  return node(cwd, [CLI, ...args], env);
}

/** Runs `node ...argsFull` once in `cwd`, timed from spawn to exit. */
function node(cwd, argsFull, env = process.env) {
  const t0 = performance.now();
  const result = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, ...argsFull], { cwd, encoding: "utf8", env })
    : spawnSync(process.execPath, argsFull, { cwd, encoding: "utf8", env });
  const wallMs = performance.now() - t0;
  // Exit 2 is expected here: the corpora hold a few files that do not parse under Python 3.
  if (result.status === null || result.status > 2 || result.stderr.includes("internal error")) {
    throw new Error(`node ${argsFull.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
  }
  const last = result.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wallMs, cpuMs: hasTime ? (last[0] + last[1]) * 1000 : NaN, rssMB: hasTime ? last[2] / 1024 : NaN };
}

/**
 * Brings a freshly unpacked or copied tree to the state of a project that has sat on disk: its
 * writes flushed, and each file read once (the first read of a file whose access time is older
 * than its change time updates it, which is a journal write). Untimed. Without this the write run,
 * on a copy made a moment before, paid to flush the copy and the access times of all its files,
 * and --check, on the settled tree, paid neither (bench/README.md, "Write mode, fifth pass").
 */
function settle(dir) {
  spawnSync("sync");
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  spawnSync("sync");
}

function measure(mode, dir, extra = []) {
  const out = execFileSync(process.execPath, ["--expose-gc", MEASURE, mode, dir, "--runs", String(runs), "--target", TARGETS.join(","), ...extra], {
    encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function repeat(label, fn) {
  return alternate([[label, fn]])[0];
}

/**
 * Runs each measurement in turn, `runs` rounds: the figures whose ratio is quoted (one job against
 * two, write against check) meet the same moments of the machine. Back to back, the speed of this
 * VM drifted by 10-20% over a minute, which went straight into the ratios.
 */
function alternate(specs) {
  const samples = specs.map(() => []);
  for (let i = 0; i < runs; i++) specs.forEach(([, fn], at) => samples[at].push(fn()));
  return specs.map(([label], at) => summary(label, samples[at]));
}

function summary(label, samples) {
  const row = {
    label,
    wallMs: round(median(samples.map((s) => s.wallMs)), 0),
    cpuMs: round(median(samples.map((s) => s.cpuMs)), 0),
    rssMB: round(Math.max(...samples.map((s) => s.rssMB)), 0),
  };
  log(`${label}: ${row.wallMs} ms (CPU ${row.cpuMs} ms), peak ${row.rssMB} MB`);
  return row;
}

const corpora = findCorpora(REPO);
const tmp = mkdtempSync(path.join(os.tmpdir(), "pycodemod-real-"));
try {
  const tree = path.join(tmp, "tree");
  mkdirSync(tree);
  const names = readFileSync(path.join(corpora, "manifest.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]);
  for (const name of names) execFileSync("tar", ["-xzf", path.join(corpora, `${name}.tar.gz`), "-C", tree]);
  settle(tree);
  log(`unpacked ${names.length} projects into ${tree}`);

  const floor = measure("floor", tree);
  const floorMs = median(floor.runs.map((r) => r.wallMs));
  log(`floor: ${round(floorMs, 0)} ms for ${floor.files} files, ${round(floor.bytes / 1e6)} MB`);
  const lib = measure("upgrade", tree, ["--jobs", "1"]);
  const parsed = lib.prefilter;

  const base = ["--target", TARGETS[0], "--target", TARGETS[1], "--exit-zero-even-if-changed", "-q", "--no-cache"];
  const [check1, check2, write2] = alternate([
    ["check -j1", () => cli(tree, [...base, "--check", "-j", "1", "."])],
    ["check -j2", () => cli(tree, [...base, "--check", "-j", "2", "."])],
    ["write -j2", () => {
      const copy = path.join(tmp, "copy");
      rmSync(copy, { recursive: true, force: true });
      cpSync(tree, copy, { recursive: true, verbatimSymlinks: true });
      settle(copy);
      return cli(copy, [...base, "-j", "2", "."]);
    }],
  ]);
  // The cache's case: a tree already upgraded (the last write run's copy), checked again and again.
  const upgraded = path.join(tmp, "copy");
  const cachedArgs = base.filter((a) => a !== "--no-cache");
  // Warm means what a user's second run meets: the tree's times older than the cache's 3-second
  // rule (the copy and the rewrite just made them), and two runs 3 s apart (the first makes
  // .pycodemod_cache/, which moves the root folder's time; the second keeps the folder walk).
  const age = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3200);
  age();
  cli(upgraded, [...cachedArgs, "--check", "."]);
  age();
  cli(upgraded, [...cachedArgs, "--check", "."]);
  const uncachedUpgraded = repeat("check of the upgraded tree, no cache", () => cli(upgraded, [...base, "--check", "."]));
  const cached = repeat("check of the upgraded tree, cache warm", () => cli(upgraded, [...cachedArgs, "--check", "."]));
  // The files that run covers (Python files and templates), for the fresh-process floor.
  // (Exit status 2: the corpora hold files that do not parse.)
  const listed = JSON.parse(spawnSync(process.execPath, [CLI, ...cachedArgs, "--check", "--format", "json", "."], { cwd: upgraded, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout);
  const coveredList = path.join(tmp, "covered.txt");
  writeFileSync(coveredList, `${listed.files.map((f) => f.path).join("\n")}\n`);
  const coveredTemplates = listed.files.filter((f) => f.kind === "template").length;
  const freshFloor = repeat(`fresh floor (new process: list folders, read ${listed.files.length} files)`, () => node(upgraded, [FLOOR_PROCESS, upgraded, coveredList]));
  const nodeStart = repeat("node -e 0 (Node's own start)", () => node(tmp, ["-e", "0"]));
  // This VM exports NODE_EXTRA_CA_CERTS: Node 20 parses those certificates at every start (~60 ms
  // of CPU here), before any of our code. Users rarely have it; the figures are given both ways.
  const withoutCerts = { ...process.env };
  delete withoutCerts.NODE_EXTRA_CA_CERTS;
  const certs = process.env.NODE_EXTRA_CA_CERTS !== undefined;

  const one = path.join(tmp, "one");
  mkdirSync(one);
  writeFileSync(path.join(one, "needs.py"), "from django.utils.encoding import force_text\n\nprint(force_text(b'x'))\n");
  writeFileSync(path.join(one, "clean.py"), "import os\n\nprint(os.sep)\n");
  const oneRewrite = repeat("one file, rewrite (--diff)", () => cli(one, ["-t", "django-5.0", "--diff", "--no-cache", "needs.py"]));
  const oneClean = repeat("one file, nothing to do", () => cli(one, ["-t", "django-5.0", "--no-cache", "clean.py"]));
  const noCerts = certs ? [
    repeat("node -e 0, without NODE_EXTRA_CA_CERTS", () => node(tmp, ["-e", "0"], withoutCerts)),
    repeat("one file, rewrite (--diff), without NODE_EXTRA_CA_CERTS", () => cli(one, ["-t", "django-5.0", "--diff", "--no-cache", "needs.py"], withoutCerts)),
    repeat("fresh floor, without NODE_EXTRA_CA_CERTS", () => node(upgraded, [FLOOR_PROCESS, upgraded, coveredList], withoutCerts)),
    repeat("check of the upgraded tree, cache warm, without NODE_EXTRA_CA_CERTS", () => cli(upgraded, [...cachedArgs, "--check", "."], withoutCerts)),
  ] : [];

  const rules = measure("rules", tree);
  const rulesMs = (k) => median(rules[k].runs.map((r) => r.wallMs));

  const rows = [
    ["floor (discover + read, in-process)", round(floorMs, 0), "", "1.0"],
    ...[check1, check2, write2, uncachedUpgraded, cached, freshFloor, oneRewrite, oneClean, nodeStart, ...noCerts].map((r) => [r.label, r.wallMs, r.cpuMs, round(r.wallMs / floorMs, 1), r.rssMB]),
  ];
  const mb = floor.bytes / 1e6;
  const out = [];
  out.push(`Real projects: ${names.length} projects, ${floor.files} files, ${round(mb)} MB; targets ${TARGETS.join(" + ")}; ${runs} runs, medians; ${os.cpus().length} cores, Node ${process.version}`);
  out.push("");
  out.push("| measurement | wall ms | CPU ms | × floor | peak RSS MB |");
  out.push("|---|---:|---:|---:|---:|");
  for (const r of rows) out.push(`| ${r.join(" | ")} |`);
  out.push("");
  out.push("| figure | value | goal |");
  out.push("|---|---:|---|");
  out.push(`| files parsed / files changed / Python files that change or get a finding | ${parsed.matchedFiles} / ${lib.changed} / ${lib.usefulFiles} | |`);
  out.push(`| bytes parsed / bytes of Python files that change or get a finding | ${round(parsed.matchedBytes / 1e6)} MB / ${round(lib.usefulBytes / 1e6)} MB = ${round(parsed.matchedBytes / lib.usefulBytes)}× | ≤ 1.3× |`);
  out.push(`| check -j1 / check -j2 | ${round(check1.wallMs / check2.wallMs)}× | ≥ 1.7× |`);
  out.push(`| write -j2 / check -j2 | ${round(write2.wallMs / check2.wallMs)}× | ≤ 1.15× |`);
  out.push(`| cached check of the upgraded tree / in-process floor | ${round(cached.wallMs / floorMs, 1)}× (CLI start-up included; ${round(cached.wallMs - oneClean.wallMs, 0)} ms beyond a one-file run) | ≤ 1.5× |`);
  out.push(`| cached check of the upgraded tree / fresh-process floor (${listed.files.length} files, ${coveredTemplates} of them templates) | ${round(cached.wallMs / freshFloor.wallMs)}× wall, ${round(cached.cpuMs / freshFloor.cpuMs)}× CPU | ≤ 1.5× |`);
  if (certs) out.push(`| the same without NODE_EXTRA_CA_CERTS | ${round(noCerts[3].wallMs / noCerts[2].wallMs)}× wall, ${round(noCerts[3].cpuMs / noCerts[2].cpuMs)}× CPU | ≤ 1.5× |`);
  out.push(`| one-file rewrite | ${oneRewrite.wallMs} ms (Node's own start ${nodeStart.wallMs} ms${certs ? `; without NODE_EXTRA_CA_CERTS ${noCerts[1].wallMs} ms, Node's start ${noCerts[0].wallMs} ms` : ""}) | ≤ 120 ms |`);
  out.push(`| rules doubled, same needles | ${round(rulesMs("doubledSameNeedles") / rulesMs("single"))}× | ≤ 1.1× |`);
  out.push(`| rules doubled, absent needles | ${round(rulesMs("doubledAbsentNeedles") / rulesMs("single"))}× | ≤ 1.1× |`);
  out.push("");
  out.push("Prefilter hits per rule (files parsed for it): " + Object.entries(parsed.byRule).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(", "));
  process.stdout.write(`${out.join("\n")}\n`);
  mkdirSync(path.join(REPO, "bench/out"), { recursive: true });
  writeFileSync(path.join(REPO, "bench/out/real.json"), JSON.stringify({ floor, lib, rules, check1, check2, write2, cached, freshFloor, nodeStart, oneRewrite, oneClean, noCerts }, null, 2));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
