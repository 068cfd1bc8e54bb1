#!/usr/bin/env node
// Generates src/engine/django-star-exports.generated.ts: what `from <django module> import *`
// binds, for every Django module our rules name (each package prefix of a dotted name written in
// codemods/ or src/engine/helpers/) plus a few modules legacy code often star-imports.
//
//   node scripts/gen-django-star-exports.mjs [--python PYTHON]... [--frameworks DIR] [--check]
//
// Each release is asked by scripts/django-exports.py, run with a real Django importable: the one
// installed for each --python interpreter (default: python3 and /usr/bin/python3, Debian's
// python3-django), and each DIR/django-*/pythonpath that scripts/fetch-frameworks.sh unpacked
// (default DIR: ./.frameworks), run with the first interpreter that can import it. Releases are
// merged: a name every sampled release with the module exports is bound; a name some release
// exports and another does not is "varies" (a star import may or may not bind it, so it is never
// guessed); a module any release could not import (a missing C library) is left out, so star
// imports of it stay unknown. The header of the generated file names the releases. --check exits
// 2 when the file on disk differs (nothing is written).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(REPO, "src/engine/django-star-exports.generated.ts");
const HELPER = path.join(REPO, "scripts/django-exports.py");
// Star-imported by legacy code although no rule names them.
const EXTRA_MODULES = [
  "django.conf.global_settings", "django.views", "django.views.generic", "django.views.decorators.http",
  "django.contrib.auth.decorators", "django.contrib.messages", "django.db.models.signals", "django.template.loader",
  "django.core.management.base", "django.core.urlresolvers", "django.utils.six", "django.conf.urls.defaults",
];

const argv = process.argv.slice(2);
const pythons = [];
let frameworks = path.join(REPO, ".frameworks");
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--python") pythons.push(argv[++i]);
  else if (argv[i] === "--frameworks") frameworks = path.resolve(argv[++i]);
  else if (argv[i] !== "--check") fail(`unknown argument ${argv[i]}`);
}
if (pythons.length === 0) pythons.push("python3", "/usr/bin/python3");
const check = argv.includes("--check");

function fail(message) {
  process.stderr.write(`gen-django-star-exports: ${message}\n`);
  process.exit(2);
}

/** Every package prefix of the dotted django names the rules and helpers write. */
function modulesNamed() {
  const names = new Set(EXTRA_MODULES);
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".ts")) files.push(full);
    }
  };
  walk(path.join(REPO, "codemods"));
  walk(path.join(REPO, "src/engine/helpers"));
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/["'`](django(?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const parts = m[1].split(".");
      for (let i = 2; i <= parts.length; i++) names.add(parts.slice(0, i).join("."));
    }
  }
  return [...names].sort();
}

function ask(python, pythonpath, modules) {
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  if (pythonpath) env.PYTHONPATH = pythonpath;
  else delete env.PYTHONPATH;
  const run = spawnSync(python, [HELPER], { input: modules.join("\n"), env, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) return undefined;
  try {
    return JSON.parse(run.stdout);
  } catch {
    return undefined;
  }
}

const modules = modulesNamed();
const releases = new Map();
const sources = [];
for (const python of pythons) {
  const answer = ask(python, undefined, modules);
  if (answer && !releases.has(answer.version)) {
    releases.set(answer.version, answer);
    sources.push(`${answer.version} (installed for ${python}, Python ${answer.python})`);
  }
}
if (existsSync(frameworks)) {
  for (const set of readdirSync(frameworks).filter((n) => n.startsWith("django-")).sort()) {
    const file = path.join(frameworks, set, "pythonpath");
    if (!existsSync(file)) continue;
    const pythonpath = readFileSync(file, "utf8").trim();
    const candidates = [...new Set([...pythons, "python3.13", "python3.12"])];
    let answer;
    for (const python of candidates) if ((answer = ask(python, pythonpath, modules))) break;
    if (!answer) {
      process.stderr.write(`gen-django-star-exports: ${set}: no interpreter could import it; left out\n`);
      continue;
    }
    if (releases.has(answer.version)) continue;
    releases.set(answer.version, answer);
    const debian = existsSync(path.join(frameworks, set, "packages")) ? readFileSync(path.join(frameworks, set, "packages"), "utf8").split("\n")[0].trim() : set;
    sources.push(`${answer.version} (${debian}, Python ${answer.python})`);
  }
}
if (releases.size === 0) fail("no Django release could be imported (install python3-django or run scripts/fetch-frameworks.sh)");

const versions = [...releases.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const table = {};
const leftOut = [];
for (const name of modules) {
  const seen = versions.map((v) => releases.get(v)).filter((r) => r.modules[name] || r.failed[name]);
  if (seen.length === 0) continue;
  if (seen.some((r) => r.failed[name])) {
    leftOut.push(name);
    continue;
  }
  const exports = seen.map((r) => new Set(r.modules[name].exports));
  const binds = [...exports[0]].filter((n) => exports.every((e) => e.has(n))).sort();
  const varies = new Set(seen.flatMap((r) => r.modules[name].varies));
  for (const e of exports) for (const n of e) if (!binds.includes(n)) varies.add(n);
  table[name] = { binds, varies: [...varies].sort() };
}

/** The names of `list` none of whose parents is in it (`a.b` stands for `a.b.c` too). */
function outermost(list) {
  return list.filter((name) => !list.some((other) => name.startsWith(`${other}.`)));
}

const lines = [
  "// Generated by scripts/gen-django-star-exports.mjs: do not edit; run it again instead.",
  "// What `from <module> import *` binds, for the Django modules our rules name, sampled from these",
  "// releases (each imported for real, Django configured with its contrib apps):",
  ...[...sources].sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map((s) => `//   Django ${s}`),
  "// `binds`: every sampled release with the module exports the name. `varies`: some release exports",
  "// it and another does not (or it is a submodule, bound only once something imported it), so a",
  "// star import may or may not bind it. Any other name is not bound. Releases before the oldest",
  "// one sampled are not covered. Modules left out (could not be imported in some release, so their",
  `// star imports stay unknown): ${outermost(leftOut).join(", ") || "none"}, and what is inside them.`,
  "// Names are space-separated to keep the bundle small.",
  "",
  `export const DJANGO_RELEASES_SAMPLED: readonly string[] = ${JSON.stringify(versions)};`,
  "",
  "export const DJANGO_MODULE_EXPORTS: Readonly<Record<string, { binds: string; varies: string }>> = {",
  ...Object.entries(table).map(([name, { binds, varies }]) => `  ${JSON.stringify(name)}: { binds: ${JSON.stringify(binds.join(" "))}, varies: ${JSON.stringify(varies.join(" "))} },`),
  "};",
  "",
];
const text = lines.join("\n");
if (check) {
  const current = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (current !== text) fail(`${path.relative(REPO, OUT)} is out of date`);
  process.exit(0);
}
writeFileSync(OUT, text);
process.stdout.write(`wrote ${path.relative(REPO, OUT)}: ${Object.keys(table).length} modules from Django ${versions.join(", ")}\n`);
