// The proof that upgraded code runs: each example, upgraded by pycodemod to a framework release,
// passes its checks and tests on that real release with the release's deprecation warnings as
// errors, and the pristine copy does not (scripts/prove.sh does the work; this file decides which
// releases can be had here, runs the proofs, and reports every release as proven, skipped with
// the reason, or failed).
//
// Releases: Debian 12's own python3-django 3.2 / python3-flask 2.2 (installed by .ci/run), and
// the newer ones scripts/fetch-frameworks.sh unpacks from newer Debian suites into .frameworks/.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, REPO } from "./cli-helpers.js";

const PROVE = path.join(REPO, "scripts", "prove.sh");
const STRICT = path.join(REPO, "scripts", "prove", "strict.py");
const FRAMEWORKS = process.env.PYCODEMOD_FRAMEWORKS ?? path.join(REPO, ".frameworks");
const PYTHON = process.env.PROVE_PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

interface Release {
  /** pycodemod target, also the .frameworks/ folder name for fetched releases. */
  target: string;
  example: string;
  /** Python import name of the framework and its distribution name. */
  module: string;
  /** Debian 12's package (installed system-wide) or a folder fetched into .frameworks/. */
  from: "debian-12" | "fetched";
}

const RELEASES: Release[] = [
  { target: "django-3.2", example: "examples/django-legacy", module: "django", from: "debian-12" },
  { target: "django-4.2", example: "examples/django-legacy", module: "django", from: "fetched" },
  { target: "django-5.2", example: "examples/django-legacy", module: "django", from: "fetched" },
  { target: "django-6.1", example: "examples/django-legacy", module: "django", from: "fetched" },
  { target: "flask-2.2", example: "examples/flask-legacy", module: "flask", from: "debian-12" },
  { target: "flask-3.1", example: "examples/flask-legacy", module: "flask", from: "fetched" },
];

/**
 * Deprecations of the examples that pycodemod cannot fix, by release. Each is a finding: the
 * upgraded copy must fail only for `why`, pycodemod must report `finding` for it, and after
 * `followUp` (the manual step the finding asks for, run in the upgraded copy) the proof must pass.
 */
interface Gap { why: RegExp; finding: string; followUp: string; what: string }
const GAPS: Record<string, Gap> = {
  "django-5.2": {
    why: /RemovedInDjango60Warning: The default scheme will be changed from 'http' to 'https'/,
    finding: "django/forms-urlfield-assume-scheme",
    followUp: "scripts/prove/follow-ups/django-legacy-urlfield-assume-scheme.py",
    what: "the model URLField Profile.website reaches a ModelForm and the admin without assume_scheme (Django 5.0)",
  },
};

type Availability = { ok: true; pythonpath: string; version: string } | { ok: false; reason: string };

function python(code: string, pythonpath: string): { out: string; ok: boolean } {
  const result = spawnSync(PYTHON, ["-c", code], {
    encoding: "utf8",
    env: { ...process.env, PYTHONPATH: pythonpath, PYTHONNOUSERSITE: "1" },
  });
  return { out: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(), ok: result.status === 0 };
}

/** Whether the release named by `target` can be run here, and where it lives. */
function availability(release: Release): Availability {
  const [framework, wanted] = release.target.split("-") as [string, string];
  let pythonpath = "";
  if (release.from === "fetched") {
    const folder = path.join(FRAMEWORKS, release.target);
    const skipped = path.join(folder, "skipped");
    if (existsSync(skipped)) return { ok: false, reason: readFileSync(skipped, "utf8").trim() };
    const file = path.join(folder, "pythonpath");
    if (!existsSync(file)) return { ok: false, reason: `not fetched: run scripts/fetch-frameworks.sh (writes ${folder})` };
    pythonpath = readFileSync(file, "utf8").trim();
    const needs = requiresPython(pythonpath, release.module);
    if (needs) {
      const have = python("import sys; print('%d.%d' % sys.version_info[:2])", "").out;
      if (!satisfies(have, needs)) return { ok: false, reason: `${framework} ${wanted} needs Python ${needs}; ${PYTHON} is ${have}` };
    }
  }
  const probe = python(`from importlib.metadata import version; print(version(${JSON.stringify(release.module)}))`, pythonpath);
  if (!probe.ok) {
    return {
      ok: false,
      reason: release.from === "debian-12"
        ? `${release.module} is not importable by ${PYTHON} (.ci/run installs Debian's python3-${release.module})`
        : `${release.module} from ${pythonpath} does not import: ${probe.out.split("\n").pop()}`,
    };
  }
  if (!probe.out.startsWith(`${wanted}.`)) return { ok: false, reason: `${PYTHON} has ${release.module} ${probe.out}, not ${wanted}` };
  const known = spawnSync(process.execPath, [path.join(REPO, "bin", "pycodemod.js"), "--list-rules", "--target", release.target], { encoding: "utf8" });
  if (known.status !== 0) return { ok: false, reason: `pycodemod does not know --target ${release.target}: ${known.stderr.trim().split("\n")[0]}` };
  return { ok: true, pythonpath, version: probe.out };
}

/** Requires-Python of the framework's unpacked distribution metadata (e.g. ">=3.12"), if any. */
function requiresPython(sitePackages: string, distribution: string): string | undefined {
  if (!existsSync(sitePackages)) return undefined;
  const info = readdirSync(sitePackages).find((name) => new RegExp(`^${distribution}-[0-9].*\\.(dist|egg)-info$`, "i").test(name));
  if (!info) return undefined;
  for (const file of ["METADATA", "PKG-INFO"]) {
    const full = path.join(sitePackages, info, file);
    if (existsSync(full)) return /^Requires-Python:\s*(.+)$/m.exec(readFileSync(full, "utf8"))?.[1]?.trim();
  }
  return undefined;
}

/** Whether Python `have` ("3.11") meets every clause of a Requires-Python `spec` (">=3.10,<4"). */
function satisfies(have: string, spec: string): boolean {
  const compare = (a: string, b: string): number => {
    const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  };
  return spec.split(",").every((clause) => {
    const m = /^\s*(>=|>|<=|<|==|!=)\s*([0-9.]+)/.exec(clause);
    if (!m) return true;
    const c = compare(have, m[2]!);
    switch (m[1]) {
      case ">=": return c >= 0;
      case ">": return c > 0;
      case "<=": return c <= 0;
      case "<": return c < 0;
      case "==": return c === 0;
      default: return c !== 0;
    }
  });
}

interface Proof { status: number | null; output: string; lines: string[] }

function prove(release: Release, pythonpath: string, followUp?: string): Promise<Proof> {
  return new Promise((resolve) => {
    const args = [PROVE, path.join(REPO, release.example), release.target, pythonpath];
    if (followUp) args.push(path.join(REPO, followUp));
    const child = spawn("bash", args, { env: { ...process.env, PROVE_PYTHON: PYTHON } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.on("close", (status) => resolve({ status, output, lines: output.split("\n") }));
  });
}

const report: string[] = [];

// The temp trees of every test in this file go at the end.
afterAll(removeTrees);

describe.sequential("proof: the upgraded examples run on real framework releases", () => {
  afterAll(() => {
    // Which releases were proven: printed after the run (also in CI logs).
    console.log(["proof summary:", ...report.map((line) => `  ${line}`)].join("\n"));
  });

  for (const release of RELEASES) {
    const found = availability(release);
    const source = release.from === "debian-12" ? "Debian 12's package" : "unpacked from a newer Debian suite";
    if (!found.ok) {
      report.push(`${release.target}: skipped: ${found.reason}`);
      console.warn(`proof: ${release.target} skipped: ${found.reason}`);
      it.skip(`${release.target} [skipped: ${found.reason}]`, () => {});
      continue;
    }

    const gap = GAPS[release.target];
    it(`${release.example} → ${release.target} on ${release.module} ${found.version} (${source}): the pristine copy fails; upgraded${gap ? ` and after the manual step for the finding ${gap.finding}` : ""}, its checks and tests pass with the release's deprecations as errors`, async () => {
      const proof = await prove(release, found.pythonpath, gap?.followUp);
      const why = proof.output.slice(-6000);
      const verdicts = (label: string) => proof.lines.filter((l) => l.startsWith(`prove: ${label}: `) && / (passes|fails)/.test(l));
      const pristine = verdicts("pristine");
      const upgraded = verdicts("upgraded");

      // The harness ran on the release we meant, with its filters, and the pristine copy failed.
      expect(proof.output, why).toMatch(new RegExp(`prove: upgraded: on (Django|Flask) ${found.version.replace(/\./g, "\\.")}\\b`));
      expect(pristine.some((l) => / fails \(exit \d+\)/.test(l)), why).toBe(true);

      if (gap) {
        // pycodemod tells the user, the upgraded copy fails for exactly that reason until the
        // user acts, and passes after.
        expect(proof.lines.some((l) => l.startsWith("prove: pycodemod: ") && l.includes("warning:") && l.endsWith(`[${gap.finding}]`)), why).toBe(true);
        const beforeFollowUp = upgraded.slice(0, upgraded.findIndex((l) => / fails /.test(l)) + 1);
        expect(beforeFollowUp.at(-1), why).toMatch(gap.why);
        expect(proof.output, why).toContain(`prove: follow-up ${path.basename(gap.followUp)}`);
      }
      expect(proof.status, why).toBe(0);
      expect(proof.output, why).toContain(`prove: PROVEN ${release.target}`);
      // Every step after the upgrade (and the follow-up) passed, and tests ran under the filters.
      const last = gap ? upgraded.slice(upgraded.findIndex((l) => / fails /.test(l)) + 1) : upgraded;
      expect(last.length, why).toBeGreaterThan(0);
      expect(last.filter((l) => !/ passes/.test(l)), why).toEqual([]);
      expect(last.some((l) => Number(/\((\d+) tests ran\)/.exec(l)?.[1] ?? 0) > 0), why).toBe(true);
      report.push(`${release.target}: PROVEN on ${release.module} ${found.version} (${source})${gap ? `, after the manual step for the finding ${gap.finding}: ${gap.what}` : ""}`);
    }, 240_000);
  }
});

describe("scripts/prove/strict.py: the filters are really in force", () => {
  const django = availability(RELEASES[0]!);
  it.skipIf(!django.ok)(`a RemovedInDjangoNNWarning raised inside a test fails the run under strict.py, and only warns without it${django.ok ? "" : ` [skipped: ${(django as { reason: string }).reason}]`}`, () => {
    const root = makeTree({
      "manage.py": "import os, sys\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n",
      "settings.py": "SECRET_KEY = 'x'\nINSTALLED_APPS = []\nDATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\nUSE_TZ = True\n",
      // The next release's class, which django.setup() sets to "default" behind our backs.
      "test_deprecated.py": [
        "import warnings",
        "from django.test import SimpleTestCase",
        "from django.utils.deprecation import RemovedInNextVersionWarning",
        "class T(SimpleTestCase):",
        "    def test_old_api(self):",
        "        warnings.warn('old API', RemovedInNextVersionWarning)",
        "",
      ].join("\n"),
    });
    const run = (args: string[]) => spawnSync(PYTHON, args, { cwd: root, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    const plain = run(["manage.py", "test"]);
    expect(plain.status, plain.stderr).toBe(0);
    const strict = run([STRICT, "django", "manage.py", "test"]);
    expect(strict.status, strict.stderr).not.toBe(0);
    expect(strict.stderr).toMatch(/RemovedInDjango\d+Warning: old API/);
    expect(strict.stderr).toContain("strict: 1 tests ran; the filters were in force when the run started and ended");
  });

  const flask = availability(RELEASES[4]!);
  it.skipIf(!flask.ok)(`a deprecation Flask 2.2 issues (app.json_encoder) fails the tests under strict.py, and only warns under python -m unittest${flask.ok ? "" : ` [skipped: ${(flask as { reason: string }).reason}]`}`, () => {
    const root = makeTree({
      "test_json_encoder.py": [
        "import unittest",
        "import flask",
        "class T(unittest.TestCase):",
        "    def test_encoder(self):",
        "        self.assertTrue(flask.Flask(__name__).json_encoder)",
        "",
      ].join("\n"),
    });
    const run = (args: string[]) => spawnSync(PYTHON, args, { cwd: root, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    const plain = run(["-m", "unittest"]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toContain("DeprecationWarning");
    const strict = run([STRICT, "flask", "unittest"]);
    expect(strict.status, strict.stderr).toBe(1);
    expect(strict.stderr).toMatch(/DeprecationWarning: 'app\.json_encoder' is deprecated/);
    expect(strict.stderr).toContain("strict: 1 tests ran; the filters were in force when the run started and ended");
  });
});
