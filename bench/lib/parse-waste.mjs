#!/usr/bin/env node
// Which rules make files get parsed for nothing. Counts, not times, so it can be run on a busy
// machine:
//
//   node bench/lib/parse-waste.mjs <dir> [--target django-6.0,flask-3.1] [--top N] [--json]
//
// One library run (1 job, no cache) gives, for every Python file, the rules that fixed or reported
// something in it; one pass of the prefilter and the file-role filter gives the rules each file was
// parsed for. A file is useful when it changes or gets a finding (a finding rule must parse the
// file to report on it); the ratio quoted is bytes parsed / bytes of useful files. Per rule:
// the files it let through, the files it fixed or reported on, and the files it alone caused to
// be parsed although no rule acted on them ("sole waste": sharpening that rule's precheck would
// stop those parses).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = process.env.PYCODEMOD_BENCH_DIST ?? path.join(REPO, "dist");
const load = (file) => import(pathToFileURL(path.join(DIST, file)).href);
const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const dir = path.resolve(argv[0] ?? ".");
const TARGET = flag("target", "django-6.0,flask-3.1").split(",");
const top = Number(flag("top", 25));

const { upgrade } = await load("src/index.js");
const { discover } = await load("src/discover.js");
const { selectRules } = await load("src/rules.js");
const { parseTargets } = await load("src/target.js");
const { prefilterFor } = await load("src/engine/prefilter.js");
const { selectRulesForFile } = await load("src/engine/transform.js");
const { fileRoles } = await load("src/roles.js");

const summary = await upgrade([dir], { target: TARGET, write: false, jobs: 1, cache: false });
/** absolute path → rule ids that fixed or reported something there. */
const acted = new Map();
const changed = new Set(summary.results.filter((r) => r.status === "changed").map((r) => r.absolutePath));
let changedFiles = 0;
let changedBytes = 0;
let usefulFiles = 0;
let usefulBytes = 0;
for (const r of summary.results) {
  if (r.template) continue;
  const ids = new Set([...r.fixes.map((f) => f.rule), ...r.findings.map((f) => f.rule)]);
  if (ids.size > 0) acted.set(r.absolutePath, ids);
}

const rules = selectRules({ targets: parseTargets(TARGET) });
const prefilter = prefilterFor(rules);
const { files } = discover([dir]);
const perRule = new Map(rules.map((r) => [r.id, { passed: 0, acted: 0, soleWaste: 0, soleWasteBytes: 0, wasteBytes: 0 }]));
let parsedFiles = 0;
let parsedBytes = 0;
let totalBytes = 0;
let wastedFiles = 0;
let wastedBytes = 0;
const wasteExamples = new Map();
for (const f of files) {
  if (f.template) continue;
  const bytes = readFileSync(f.absolute);
  totalBytes += bytes.length;
  const text = bytes.toString("utf8");
  const ids = acted.get(f.absolute);
  if (changed.has(f.absolute)) {
    changedFiles++;
    changedBytes += bytes.length;
  }
  if (ids) {
    usefulFiles++;
    usefulBytes += bytes.length;
  }
  const active = selectRulesForFile(prefilter.match(text), fileRoles(f.display), f.display);
  if (active.length === 0 || text.includes("pycodemod: skip-file")) continue;
  parsedFiles++;
  parsedBytes += bytes.length;
  for (const r of active) {
    const row = perRule.get(r.id);
    row.passed++;
    if (ids?.has(r.id)) row.acted++;
  }
  if (!ids) {
    wastedFiles++;
    wastedBytes += bytes.length;
    for (const r of active) perRule.get(r.id).wasteBytes += bytes.length;
  }
  if (!ids && active.length === 1) {
    const row = perRule.get(active[0].id);
    row.soleWaste++;
    row.soleWasteBytes += bytes.length;
    const list = wasteExamples.get(active[0].id) ?? [];
    list.push(f.display);
    wasteExamples.set(active[0].id, list);
  }
}

const mb = (b) => (b / 1e6).toFixed(2);
const table = [...perRule.entries()].map(([id, r]) => ({ id, ...r, wasted: r.passed - r.acted })).filter((r) => r.passed > 0);
table.sort((a, b) => b.wasteBytes - a.wasteBytes || b.wasted - a.wasted);
if (argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ parsedFiles, parsedBytes, changedFiles, changedBytes, usefulFiles, usefulBytes, table, wasteExamples: Object.fromEntries(wasteExamples) }, null, 2)}\n`);
} else {
  const out = [];
  out.push(`${files.filter((f) => !f.template).length} Python files, ${mb(totalBytes)} MB; targets ${TARGET.join(" + ")}; ${rules.length} rules`);
  out.push(`parsed ${parsedFiles} files / ${mb(parsedBytes)} MB; changed ${changedFiles} / ${mb(changedBytes)} MB; changed or with a finding ${usefulFiles} / ${mb(usefulBytes)} MB`);
  out.push(`parsed although no rule acted: ${wastedFiles} files / ${mb(wastedBytes)} MB`);
  out.push(`bytes parsed / bytes changed or with a finding = ${(parsedBytes / usefulBytes).toFixed(2)}× (/ changed only: ${(parsedBytes / changedBytes).toFixed(2)}×)`);
  out.push("");
  out.push("| rule | files passed | acted on | passed for nothing | MB of files no rule acted on | parsed only for it, no rule acted (MB) |");
  out.push("|---|---:|---:|---:|---:|---:|");
  for (const r of table.slice(0, top)) out.push(`| ${r.id} | ${r.passed} | ${r.acted} | ${r.wasted} | ${mb(r.wasteBytes)} | ${r.soleWaste} (${mb(r.soleWasteBytes)}) |`);
  process.stdout.write(`${out.join("\n")}\n`);
}
