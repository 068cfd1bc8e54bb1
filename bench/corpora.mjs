#!/usr/bin/env node
// Real projects: `npm run bench:corpora` (or `node bench/corpora.mjs [flags]`). See bench/README.md.
//
//   --target T        target for every selected project (default: django-6.0 for Django projects,
//                     flask-3.0 for Flask projects)
//   --projects a,b    only these projects (names from ../shared/corpora/manifest.tsv)
//   --framework F     only projects of this framework (django or flask)
//   --before-only     count the leftover patterns on the pristine trees; run nothing
//   --corpora DIR     where the NAME.tar.gz files are (default ../shared/corpora from the checkout)
//   --keep            keep the temporary folder (its path is printed)
//   --json FILE       also write every figure as JSON
//
// Unpacks each project twice into a temporary folder (a pristine copy and one to rewrite), runs the
// built CLI (bin/pycodemod.js, so `npm run build` first) in the project folder, then reports per
// project: files changed, broken outputs (a changed file that no longer parses with CPython's
// ast.parse or has tree-sitter errors: must be 0), files a second run changes (must be 0), the
// warnings and errors printed, the time taken, and the deprecated constructs still present outside
// migrations, counted with the patterns of bench/lib/leftover-patterns.mjs before and after.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LEFTOVER_PATTERNS } from "./lib/leftover-patterns.mjs";
import { findCorpora } from "./lib/corpora-dir.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const DEFAULT_TARGETS = { django: "django-6.0", flask: "flask-3.0" };

// ───────────────────────────── options ─────────────────────────────

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 12).map((l) => l.replace(/^\/\/ ?/, "")).join("\n") + "\n");
  process.exit(0);
}
const known = new Set(["target", "projects", "framework", "before-only", "corpora", "keep", "json"]);
for (const a of argv) if (a.startsWith("--") && !known.has(a.slice(2))) fail(`unknown option ${a} (see --help)`);
function opt(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) fail(`--${name} needs a value`);
  return v;
}
function fail(message) {
  process.stderr.write(`bench/corpora: ${message}\n`);
  process.exit(2);
}
const corporaDir = path.resolve(opt("corpora", findCorpora(REPO)));
const onlyProjects = opt("projects", undefined)?.split(",").map((s) => s.trim()).filter(Boolean);
const onlyFramework = opt("framework", undefined)?.toLowerCase();
const target = opt("target", undefined);
const beforeOnly = argv.includes("--before-only");
const jsonOut = opt("json", undefined);
const CLI = path.join(REPO, "bin/pycodemod.js");
if (!beforeOnly && !existsSync(path.join(REPO, "dist/bundle/pycodemod.js"))) fail("dist/ is missing: run `npm run build` first");


// ───────────────────────────── projects ─────────────────────────────

function readManifest() {
  const lines = readFileSync(path.join(corporaDir, "manifest.tsv"), "utf8").trim().split("\n");
  const header = lines[0].split("\t");
  return lines.slice(1).map((line) => {
    const cells = line.split("\t");
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    return { name: row.name, framework: row.framework.toLowerCase() };
  });
}

let projects = readManifest().filter((p) => existsSync(path.join(corporaDir, `${p.name}.tar.gz`)));
if (onlyProjects) {
  const unknown = onlyProjects.filter((n) => !projects.some((p) => p.name === n));
  if (unknown.length) fail(`unknown project(s): ${unknown.join(", ")}`);
  projects = projects.filter((p) => onlyProjects.includes(p.name));
}
if (onlyFramework) projects = projects.filter((p) => p.framework === onlyFramework);
if (projects.length === 0) fail("no project selected");

// ───────────────────────────── helpers ─────────────────────────────

/** Every regular .py file under `root` (symbolic links are left out, as discovery leaves them). */
function pythonFiles(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".py")) out.set(path.relative(root, full), readFileSync(full, "utf8"));
    }
  };
  walk(root);
  return out;
}

const isMigration = (rel) => /(^|\/)migrations\//.test(rel);

/** Leftover constructs by pattern id, outside migrations. */
function countLeftovers(files, framework) {
  const rows = LEFTOVER_PATTERNS[framework] ?? [];
  const counts = Object.fromEntries(rows.map((r) => [r.id, 0]));
  for (const [rel, text] of files) {
    if (isMigration(rel)) continue;
    for (const row of rows) {
      counts[row.id] += typeof row.pattern === "function" ? row.pattern(text) : (text.match(row.pattern) ?? []).length;
    }
  }
  return counts;
}

const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

function changedFiles(before, after) {
  const changed = [];
  for (const [rel, text] of after) if (before.get(rel) !== text) changed.push(rel);
  return changed;
}

/** Changed files that CPython's ast.parse rejects (only files whose original parsed count). */
function pythonBroken(root, rels, pristineRoot) {
  if (rels.length === 0) return [];
  const script = [
    "import ast, sys, json",
    "bad = []",
    "for rel in json.load(sys.stdin):",
    "    def ok(p):",
    "        try:",
    "            ast.parse(open(p, 'rb').read()); return True",
    "        except Exception:",
    "            return False",
    `    if ok(${JSON.stringify(pristineRoot)} + '/' + rel) and not ok(${JSON.stringify(root)} + '/' + rel): bad.append(rel)`,
    "print(json.dumps(bad))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script], { input: JSON.stringify(rels), encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

let treeSitter;
async function treeSitterBroken(files, rels) {
  if (!treeSitter) {
    treeSitter = await import(pathToFileURL(path.join(REPO, "dist/src/engine/parser.js")).href);
    await treeSitter.loadParser();
  }
  const bad = [];
  for (const rel of rels) {
    const tree = treeSitter.parse(files.get(rel));
    if (tree.rootNode.hasError) bad.push(rel);
    tree.delete();
  }
  return bad;
}

/** Runs the CLI in `cwd` over `.`; wall and CPU seconds from /usr/bin/time when present. */
function runCli(cwd, projectTarget) {
  const timeFile = path.join(cwd, "..", `.time-${path.basename(cwd)}`);
  const useTime = existsSync("/usr/bin/time");
  const command = useTime ? "/usr/bin/time" : process.execPath;
  const args = [...(useTime ? ["-f", "%e %U %S", "-o", timeFile, process.execPath] : []), CLI, "--target", projectTarget, "."];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let cpu;
  if (useTime && existsSync(timeFile)) {
    const [, user, system] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    cpu = user + system;
  }
  const stderr = result.stderr ?? "";
  return {
    status: result.status,
    wall,
    cpu,
    warnings: stderr.split("\n").filter((l) => / warning: /.test(l)).length,
    errors: stderr.split("\n").filter((l) => / error: /.test(l)).length,
    stderr,
  };
}

// ───────────────────────────── main ─────────────────────────────

const temp = mkdtempSync(path.join(os.tmpdir(), "pycodemod-corpora-"));
const report = [];
try {
  for (const project of projects) {
    const pristineRoot = path.join(temp, "pristine");
    const runRoot = path.join(temp, "run");
    for (const root of [pristineRoot, runRoot]) {
      execFileSync("mkdir", ["-p", root]);
      execFileSync("tar", ["-xzf", path.join(corporaDir, `${project.name}.tar.gz`), "-C", root]);
    }
    const pristineDir = path.join(pristineRoot, project.name);
    const runDir = path.join(runRoot, project.name);
    const pristine = pythonFiles(pristineDir);
    const row = { project: project.name, framework: project.framework, files: pristine.size, before: countLeftovers(pristine, project.framework) };
    if (!beforeOnly) {
      row.target = target ?? DEFAULT_TARGETS[project.framework];
      const first = runCli(runDir, row.target);
      if (first.status === 2 && /usage|target/i.test(first.stderr) && first.errors === 0) {
        row.skipped = `the CLI refused --target ${row.target}: ${first.stderr.trim().split("\n")[0]}`;
      } else {
        const after = pythonFiles(runDir);
        const changed = changedFiles(pristine, after);
        const broken = new Set([...pythonBroken(runDir, changed, pristineDir), ...(await treeSitterBroken(after, changed))]);
        runCli(runDir, row.target);
        const again = changedFiles(after, pythonFiles(runDir));
        Object.assign(row, {
          changed: changed.length,
          broken: [...broken],
          secondRunChanged: again,
          warnings: first.warnings,
          errors: first.errors,
          wall: first.wall,
          cpu: first.cpu,
          after: countLeftovers(after, project.framework),
        });
      }
    }
    report.push(row);
    rmSync(path.join(pristineRoot, project.name), { recursive: true, force: true });
    if (!argv.includes("--keep")) rmSync(path.join(runRoot, project.name), { recursive: true, force: true });
    process.stderr.write(`bench/corpora: ${project.name} done\n`);
  }
} finally {
  if (argv.includes("--keep")) process.stderr.write(`bench/corpora: kept ${temp}/run\n`);
  else rmSync(temp, { recursive: true, force: true });
}

// ───────────────────────────── tables ─────────────────────────────

const lines = [];
const commit = (() => {
  try {
    return execFileSync("git", ["-C", REPO, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
lines.push(`Commit ${commit}, ${new Date().toISOString()}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}.`, "");
if (beforeOnly) {
  lines.push("| project | framework | .py files | leftover constructs (before any run) |", "|---|---|---:|---:|");
  for (const r of report) lines.push(`| ${r.project} | ${r.framework} | ${r.files} | ${sum(r.before)} |`);
} else {
  lines.push(
    "| project | target | .py files | changed | broken | 2nd run changes | warnings | errors | leftover before → after | wall s (CPU s) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of report) {
    if (r.skipped) {
      lines.push(`| ${r.project} | ${r.target} | ${r.files} | – | – | – | – | – | ${sum(r.before)} → – | ${r.skipped} |`);
      continue;
    }
    const cpu = r.cpu === undefined ? "" : ` (${r.cpu.toFixed(1)})`;
    lines.push(
      `| ${r.project} | ${r.target} | ${r.files} | ${r.changed} | ${r.broken.length} | ${r.secondRunChanged.length} | ${r.warnings} | ${r.errors} | ${sum(r.before)} → ${sum(r.after)} | ${r.wall.toFixed(1)}${cpu} |`,
    );
  }
}
for (const framework of [...new Set(report.map((r) => r.framework))]) {
  const rows = report.filter((r) => r.framework === framework);
  lines.push("", `Leftover ${framework} constructs by pattern, outside migrations (${beforeOnly ? "before any run" : "before → after"}):`, "");
  lines.push(`| pattern | ${rows.map((r) => r.project).join(" | ")} |`, `|---|${rows.map(() => "---:").join("|")}|`);
  for (const pattern of LEFTOVER_PATTERNS[framework] ?? []) {
    const cells = rows.map((r) => (r.after ? `${r.before[pattern.id]} → ${r.after[pattern.id]}` : `${r.before[pattern.id]}`));
    if (rows.every((r) => r.before[pattern.id] === 0 && (!r.after || r.after[pattern.id] === 0))) continue;
    lines.push(`| ${pattern.id} | ${cells.join(" | ")} |`);
  }
}
const problems = report.filter((r) => r.broken?.length || r.secondRunChanged?.length);
for (const r of problems) {
  if (r.broken.length) lines.push("", `${r.project}: broken outputs: ${r.broken.join(", ")}`);
  if (r.secondRunChanged.length) lines.push("", `${r.project}: changed again by a second run: ${r.secondRunChanged.join(", ")}`);
}
process.stdout.write(lines.join("\n") + "\n");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ commit, date: new Date().toISOString(), report }, null, 2));
process.exitCode = problems.length > 0 ? 1 : 0;
