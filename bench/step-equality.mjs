#!/usr/bin/env node
// Stepwise runs must end where a direct run ends: `node bench/step-equality.mjs [--projects a,b]`.
//
// For each project of ../shared/corpora: two copies; one is upgraded release by release by running
// the "next: pycodemod ..." command each --step prints, the other by one direct --target run. The
// two trees must be byte-identical. Django projects go django-1.11 → django-6.0, Flask projects
// flask-1.0 → flask-3.1. Not a test (it takes minutes); run it after changing a rule's gating.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, lstatSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCorpora } from "./lib/corpora-dir.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(REPO, "bin/pycodemod.js");
const JOURNEYS = { django: ["django-1.11", "django-6.0"], flask: ["flask-1.0", "flask-3.1"] };


const argv = process.argv.slice(2);
const only = argv.includes("--projects") ? argv[argv.indexOf("--projects") + 1].split(",") : undefined;
const corpora = findCorpora(REPO);
const manifest = readFileSync(path.join(corpora, "manifest.tsv"), "utf8").trim().split("\n");
const header = manifest[0].split("\t");
const projects = manifest.slice(1)
  .map((line) => Object.fromEntries(line.split("\t").map((cell, i) => [header[i], cell])))
  .map((row) => ({ name: row.name, framework: row.framework.toLowerCase() }))
  .filter((p) => !only || only.includes(p.name));

function unpack(name, into) {
  execFileSync("tar", ["-xzf", path.join(corpora, `${name}.tar.gz`), "-C", into]);
  return path.join(into, name);
}

/** Relative path → bytes for every regular file (links are not followed). */
function snapshot(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      if (name === ".pycodemod_cache") continue; // pycodemod's own state, not the project's
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) out.set(path.relative(root, full), readFileSync(full));
    }
  };
  walk(root);
  return out;
}

function cli(cwd, args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stderr: result.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "pycodemod-steps-"));
const rows = [];
try {
  for (const project of projects) {
    const [from, to] = JOURNEYS[project.framework];
    const stepped = unpack(project.name, mkdtempSync(path.join(tmp, "s-")));
    const direct = unpack(project.name, mkdtempSync(path.join(tmp, "d-")));
    let args = ["--target", to, "--from", from, "--step", "-q", "--exit-zero-even-if-changed", "."];
    let steps = 0;
    while (args && steps < 30) {
      const result = cli(stepped, args);
      steps++;
      const next = /next: pycodemod (.+)$/m.exec(result.stderr);
      args = next ? next[1].split(" ") : undefined;
    }
    cli(direct, ["--target", to, "-q", "--exit-zero-even-if-changed", "."]);
    const a = snapshot(stepped);
    const b = snapshot(direct);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => !a.get(k)?.equals(b.get(k) ?? Buffer.alloc(0)) || !b.has(k));
    rows.push({ project: project.name, journey: `${from} → ${to}`, steps, differ });
    process.stderr.write(`${project.name}: ${steps} steps, ${differ.length} files differ${differ.length ? `: ${differ.slice(0, 5).join(", ")}` : ""}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write("| project | journey | steps | files that differ from a direct run |\n|---|---|---:|---:|\n");
for (const r of rows) process.stdout.write(`| ${r.project} | ${r.journey} | ${r.steps} | ${r.differ.length} |\n`);
process.exitCode = rows.some((r) => r.differ.length > 0) ? 1 : 0;
