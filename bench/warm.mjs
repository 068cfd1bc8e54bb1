#!/usr/bin/env node
// The warm cache against both read floors, old build against new, in one script (issue 13:
// "a second --check of an unchanged tree costs at most 1.5× the read floor").
//
//   node bench/warm.mjs [--runs 9] [--old /path/to/other/checkout] [--callgrind]
//
// The ten corpora are unpacked as one tree and upgraded (write mode), then left alone until
// their times are older than the cache's 3-second rule, and each build's cache is warmed by two
// runs 3 s apart (the first one makes .pycodemod_cache/, which moves the root folder's time; the
// second keeps the folder walk). Then, interleaved, `--runs` times each:
//   old / new      `--check` of the tree with the cache warm (the old build: --old's bin/pycodemod.js)
//   fresh floor    a new Node process that lists the folders and reads the files the run covers
//   node -e 0      Node's own start
// and the same without NODE_EXTRA_CA_CERTS when it is set. CPU is user + system of the child (bash
// `times`, 1 ms resolution), wall is spawn to exit; the in-process floor (bench/lib/measure.mjs)
// is measured once, as in bench/real.mjs. With --callgrind, each command is also counted once
// under valgrind (instructions of all threads, which do not depend on the machine's load).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCorpora } from "./lib/corpora-dir.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(option("--runs", "9"));
const oldRepo = option("--old", undefined);
const callgrind = argv.includes("--callgrind");
const log = (m) => process.stderr.write(`${m}\n`);
const TARGETS = ["--target", "django-6.0", "--target", "flask-3.1"];
const CHECK = [...TARGETS, "--exit-zero-even-if-changed", "-q", "--check", "."];
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs `node ...args` in `cwd` under bash, which reports the child's CPU time (`times`). */
function timed(cwd, args, env) {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const t0 = performance.now();
  const out = spawnSync("bash", ["-c", `${quoted} >/dev/null 2>&1; times`], { cwd, env, encoding: "utf8" });
  const wallMs = performance.now() - t0;
  const children = out.stdout.trim().split("\n").at(-1).split(/\s+/);
  const seconds = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  return { wallMs, cpuMs: (seconds(children[0]) + seconds(children[1])) * 1000 };
}

/** Instructions (all threads) of one run under callgrind. */
function instructions(cwd, args, env) {
  const out = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, ...args], { cwd, env, encoding: "utf8" });
  const m = /Collected : (\d+)/.exec(out.stderr);
  return m ? Number(m[1]) : NaN;
}

if (!existsSync(path.join(REPO, "dist/bundle/pycodemod.js"))) {
  log("bench/warm: dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const corpora = findCorpora(REPO);
const tmp = mkdtempSync(path.join(os.tmpdir(), "pycodemod-warm-"));
try {
  const tree = path.join(tmp, "tree");
  mkdirSync(tree);
  const names = readFileSync(path.join(corpora, "manifest.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]);
  for (const name of names) execFileSync("tar", ["-xzf", path.join(corpora, `${name}.tar.gz`), "-C", tree]);
  const NEW = path.join(REPO, "bin/pycodemod.js");
  const OLD = oldRepo ? path.join(path.resolve(oldRepo), "bin/pycodemod.js") : undefined;
  spawnSync(process.execPath, [NEW, ...TARGETS, "--exit-zero-even-if-changed", "-q", "--no-cache", "."], { cwd: tree });
  // The files the run covers, for the fresh-process floor (exit 2: a few files do not parse).
  const listed = JSON.parse(spawnSync(process.execPath, [NEW, ...TARGETS, "--check", "--no-cache", "--format", "json", "."], { cwd: tree, encoding: "utf8", maxBuffer: 64 << 20 }).stdout);
  const covered = path.join(tmp, "covered.txt");
  writeFileSync(covered, `${listed.files.map((f) => f.path).join("\n")}\n`);
  const builds = [...(OLD ? [["old", OLD]] : []), ["new", NEW]];
  sleep(3200);
  for (const [, bin] of builds) spawnSync(process.execPath, [bin, ...CHECK], { cwd: tree });
  sleep(3200);
  for (const [, bin] of builds) spawnSync(process.execPath, [bin, ...CHECK], { cwd: tree });
  log(`tree ready: ${listed.files.length} files covered; ${runs} interleaved runs each`);

  const floor = JSON.parse(execFileSync(process.execPath, ["--expose-gc", path.join(REPO, "bench/lib/measure.mjs"), "floor", tree, "--runs", String(runs)], { encoding: "utf8", maxBuffer: 64 << 20 }));
  const inProcessMs = median(floor.runs.map((r) => r.wallMs));
  const noCerts = { ...process.env };
  delete noCerts.NODE_EXTRA_CA_CERTS;
  const certs = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  const FLOOR = [path.join(REPO, "bench/lib/floor-process.mjs"), tree, covered];
  const commands = [
    ...builds.map(([label, bin]) => [`${label}: --check, cache warm`, [bin, ...CHECK], process.env]),
    ["fresh-process floor", FLOOR, process.env],
    ["node -e 0", ["-e", "0"], process.env],
    ...(certs ? [
      ...builds.map(([label, bin]) => [`${label}, without NODE_EXTRA_CA_CERTS`, [bin, ...CHECK], noCerts]),
      ["fresh-process floor, without NODE_EXTRA_CA_CERTS", FLOOR, noCerts],
      ["node -e 0, without NODE_EXTRA_CA_CERTS", ["-e", "0"], noCerts],
    ] : []),
  ];
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, [, args, env]] of commands.entries()) samples[k].push(timed(tree, args, env));
  const rows = commands.map(([label, args, env], k) => ({
    label,
    cpuMin: Math.min(...samples[k].map((s) => s.cpuMs)),
    cpuMedian: median(samples[k].map((s) => s.cpuMs)),
    wallMedian: median(samples[k].map((s) => s.wallMs)),
    instructions: callgrind ? instructions(tree, args, env) : undefined,
  }));
  const find = (label) => rows.find((r) => r.label === label);
  const out = [];
  out.push(`Warm cache: ${listed.files.length} files (${listed.files.filter((f) => f.kind === "template").length} templates), ${runs} interleaved runs, medians; load average ${os.loadavg()[0].toFixed(1)} at the end; Node ${process.version}`);
  out.push("");
  out.push(`| measurement | CPU min ms | CPU median ms | wall median ms |${callgrind ? " instructions (M) |" : ""}`);
  out.push(`|---|---:|---:|---:|${callgrind ? "---:|" : ""}`);
  for (const r of rows) {
    out.push(`| ${r.label} | ${Math.round(r.cpuMin)} | ${Math.round(r.cpuMedian)} | ${Math.round(r.wallMedian)} |${callgrind ? ` ${Math.round(r.instructions / 1e6)} |` : ""}`);
  }
  out.push(`| in-process floor (discover + read, JIT warm, no start) | | | ${Math.round(inProcessMs)} |${callgrind ? " |" : ""}`);
  out.push("");
  const floorRow = find("fresh-process floor");
  for (const [label] of builds) {
    const r = find(`${label}: --check, cache warm`);
    const ratios = [`CPU ${(r.cpuMedian / floorRow.cpuMedian).toFixed(2)}×`, `wall ${(r.wallMedian / floorRow.wallMedian).toFixed(2)}×`];
    if (callgrind) ratios.push(`instructions ${(r.instructions / floorRow.instructions).toFixed(2)}×`);
    out.push(`- ${label} / fresh-process floor: ${ratios.join(", ")}; / in-process floor: wall ${(r.wallMedian / inProcessMs).toFixed(1)}×`);
    if (certs) {
      const a = find(`${label}, without NODE_EXTRA_CA_CERTS`);
      const b = find("fresh-process floor, without NODE_EXTRA_CA_CERTS");
      const more = [`CPU ${(a.cpuMedian / b.cpuMedian).toFixed(2)}×`, `wall ${(a.wallMedian / b.wallMedian).toFixed(2)}×`];
      if (callgrind) more.push(`instructions ${(a.instructions / b.instructions).toFixed(2)}×`);
      out.push(`- ${label} / fresh-process floor, both without NODE_EXTRA_CA_CERTS: ${more.join(", ")}`);
    }
  }
  process.stdout.write(`${out.join("\n")}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
