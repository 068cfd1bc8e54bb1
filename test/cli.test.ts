// End to end: the real launcher (node bin/pycodemod.js → dist/) on small temp trees, checked
// against the CLI contract in DESIGN.md — modes, streams, exit codes, discovery, rule selection.
// Needs a built dist/: `npm test` builds first; run `npm run build` before calling vitest directly.
// Every test works in its own temp folder, so the suites run concurrently (each CLI run is a child
// process; start-up dominates); the example-project suite runs its steps in order.
//
// Most tests put the paths before the options (`pycodemod . -t django-5.0 --check`). The
// documented order (`pycodemod --target django-5.0 .`) has its own tests at the end, so that one
// argument-parsing problem shows up once instead of failing every test.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIN, changedFiles, copyOf, gitApply, makeTree, read, removeTrees, runCli, snapshot, type CliResult,
} from "./cli-helpers.js";
import { WORKER_MIN_FILES } from "../src/runner.js";

const T50 = ["--target", "django-5.0"];

// Deprecated code with non-ASCII text on both sides of the edits, a comment and a string that
// mention the old name, and a parameter that shadows it.
const VIEWS = `# -*- coding: utf-8 -*-
from django.utils.encoding import force_text
from django.utils.translation import ugettext_lazy as _

GREETING = _("Bienvenue, café ☕ — 🎉")
PAIR = ("naïve 🐍", force_text("straße"))  # ü


def label(value):
    # force_text is named in this comment and stays as it is
    return force_text(value) + " force_text é 🎉"


def flag(force_text=False):
    return force_text
`;

const VIEWS_FIXED = `# -*- coding: utf-8 -*-
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

GREETING = _("Bienvenue, café ☕ — 🎉")
PAIR = ("naïve 🐍", force_str("straße"))  # ü


def label(value):
    # force_text is named in this comment and stays as it is
    return force_str(value) + " force_text é 🎉"


def flag(force_text=False):
    return force_text
`;

const SETTINGS = "USE_I18N = True\nUSE_L10N = True\nUSE_TZ = True\n";
const SETTINGS_FIXED = "USE_I18N = True\nUSE_TZ = True\n";
const CRLF = "from django.utils.encoding import smart_text\r\n\r\nvalue = smart_text(b'\\xc3\\xa9')\r\n";
const CRLF_FIXED = "from django.utils.encoding import smart_str\r\n\r\nvalue = smart_str(b'\\xc3\\xa9')\r\n";
const CLEAN = 'print("nothing to upgrade here")\n';
// A syntax error on line 3, plus bytes that must survive untouched (CRLF, non-ASCII).
const BROKEN = "from django.utils.encoding import force_text\r\n# café 🎉\r\ndef broken(:\r\n    return force_text(1)\r\n";

function project(): string {
  return makeTree({
    "proj/views.py": VIEWS,
    "proj/settings.py": SETTINGS,
    "proj/crlf.py": CRLF,
    "proj/clean.py": CLEAN,
  });
}

/** The last stderr line: the summary. */
function summary(result: CliResult): string {
  return result.stderr.trimEnd().split("\n").at(-1) ?? "";
}

/** Every stdout line of a plain unified diff is a header, hunk header, context, add or remove line. */
function expectOnlyDiffLines(stdout: string) {
  const lines = stdout.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const line of lines) expect(line).toMatch(/^(--- a\/|\+\+\+ b\/|@@ -\d+(,\d+)? \+\d+(,\d+)? @@| |-|\+|\\ No newline)/);
}

beforeAll(() => {
  if (!existsSync(path.join(path.dirname(BIN), "..", "dist", "src", "cli.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does it for you)");
  }
});

afterAll(() => {
  removeTrees();
});

describe.concurrent("write mode (default)", () => {
  it("rewrites files in place, reports on stderr only, exits 1; a second run exits 0 and changes nothing", async () => {
    const root = project();
    const before = snapshot(root);
    const first = await runCli(root, [".", ...T50]);
    expect(first.stdout).toBe("");
    expect(first.status, first.stderr).toBe(1);
    expect(changedFiles(before, snapshot(root))).toEqual(["proj/crlf.py", "proj/settings.py", "proj/views.py"]);
    expect(read(root, "proj/views.py")).toBe(VIEWS_FIXED);
    expect(read(root, "proj/settings.py")).toBe(SETTINGS_FIXED);
    expect(read(root, "proj/crlf.py")).toBe(CRLF_FIXED);
    expect(read(root, "proj/clean.py")).toBe(CLEAN);
    // Each fix is reported with its file, line and rule; then a summary.
    expect(first.stderr).toMatch(/proj\/views\.py:2\b.*\[django\/utils-encoding\]/);
    expect(first.stderr).toMatch(/proj\/settings\.py:2\b.*\[django\/use-l10n\]/);
    expect(summary(first)).toMatch(/^pycodemod: 3 files rewritten/);

    const after = snapshot(root);
    const second = await runCli(root, [".", ...T50]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe("");
    expect(changedFiles(after, snapshot(root))).toEqual([]);
    expect(summary(second)).toMatch(/^pycodemod: 0 files rewritten/);
  });

  it("--quiet keeps the summary and per-fix lines off stderr", async () => {
    const root = project();
    const result = await runCli(root, [".", ...T50, "--quiet"]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
    expect(read(root, "proj/views.py")).toBe(VIEWS_FIXED);
  });
});

describe.concurrent("--diff", () => {
  it("prints a unified diff on stdout that applies, writes nothing, exits 1", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--diff"]);
    expect(result.status, result.stderr).toBe(1);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    expect(result.stdout).toContain("--- a/proj/views.py\n+++ b/proj/views.py\n");
    expect(result.stdout).toContain("\n-from django.utils.encoding import force_text\n");
    expect(result.stdout).toContain("\n+from django.utils.encoding import force_str\n");
    expect(result.stdout).toContain("\n-USE_L10N = True\n");
    expect(result.stdout).not.toContain("proj/clean.py");
    expect(result.stdout).not.toContain("\x1b["); // not a terminal: no color
    expectOnlyDiffLines(result.stdout);
    expect(summary(result)).toMatch(/^pycodemod: 3 files would change/);
    // The printed diff is a real patch: applied to the untouched tree it gives the write-mode result.
    const applied = gitApply(root, result.stdout);
    expect(applied.stderr).toBe("");
    expect(applied.status, applied.stderr).toBe(0);
    expect(read(root, "proj/views.py")).toBe(VIEWS_FIXED);
    expect(read(root, "proj/settings.py")).toBe(SETTINGS_FIXED);
    expect(read(root, "proj/crlf.py")).toBe(CRLF_FIXED);
  });

  it("--exit-zero-even-if-changed exits 0 and still prints the diff", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--diff", "--exit-zero-even-if-changed"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("+++ b/proj/views.py");
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

describe.concurrent("--check", () => {
  it("lists the files that would change on stdout, one per line, writes nothing, exits 1", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--check"]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe("proj/crlf.py\nproj/settings.py\nproj/views.py\n");
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    expect(summary(result)).toMatch(/^pycodemod: 3 files would change/);
  });
});

describe.concurrent("standard input", () => {
  it("- reads stdin and writes the result to stdout, exit 1 when it changed", async () => {
    const result = await runCli(makeTree(), ["-", ...T50], VIEWS);
    expect(result.stdout).toBe(VIEWS_FIXED);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toContain("force_str(");
  });

  it("unchanged input comes back as it was, exit 0", async () => {
    const result = await runCli(makeTree(), ["-", ...T50], CLEAN);
    expect(result.stdout).toBe(CLEAN);
    expect(result.status, result.stderr).toBe(0);
  });

  it("settings rules apply only when --stdin-filename names a settings file", async () => {
    const plain = await runCli(makeTree(), ["-", ...T50], SETTINGS);
    expect(plain.stdout).toBe(SETTINGS);
    expect(plain.status, plain.stderr).toBe(0);
    const named = await runCli(makeTree(), ["-", ...T50, "--stdin-filename", "proj/settings.py"], SETTINGS);
    expect(named.stdout).toBe(SETTINGS_FIXED);
    expect(named.status, named.stderr).toBe(1);
  });

  it("--diff on stdin prints a diff under the --stdin-filename name", async () => {
    const result = await runCli(makeTree(), ["-", ...T50, "--diff", "--stdin-filename", "app/views.py"], VIEWS);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("--- a/app/views.py\n+++ b/app/views.py\n");
    expectOnlyDiffLines(result.stdout);
  });

  it("undecodable stdin comes back byte for byte, with an error naming the file, exit 2", async () => {
    const input = Buffer.from('x = "caf\xe9 \xff"\nfrom django.utils.encoding import force_text\n', "latin1");
    const result = await runCli(makeTree(), ["-", ...T50, "--stdin-filename", "app/legacy.py"], input);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^app\/legacy\.py: error: /m);
    expect(result.stdoutBytes!.toString("hex")).toBe(input.toString("hex"));
  });

  it("a syntax error on stdin: the input comes back unchanged, the error names file and line, exit 2", async () => {
    const result = await runCli(makeTree(), ["-", ...T50, "--stdin-filename", "app/broken.py"], BROKEN);
    expect(result.stdout).toBe(BROKEN);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/app\/broken\.py:3(:\d+)?: error/);
  });
});

describe.concurrent("exit codes and usage errors", () => {
  it("0 when nothing needs to change", async () => {
    const root = makeTree({ "clean.py": CLEAN, "pkg/also_clean.py": "import os\n" });
    const result = await runCli(root, [".", ...T50]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
  });

  const usageCases: [string, string[], RegExp][] = [
    ["an unknown target", [".", "--target", "django-9.9"], /unknown target "django-9\.9"/],
    ["an unknown flag", [".", ...T50, "--frobnicate"], /frobnicate/],
    ["an unknown rule id in --select", [".", ...T50, "--select", "django/no-such-rule"], /django\/no-such-rule/],
    ["an unknown rule name in --ignore", [".", ...T50, "--ignore", "no_such_alias"], /no_such_alias/],
    ["--diff with --check", [".", ...T50, "--diff", "--check"], /diff.*check|check.*diff/],
    ["a path that does not exist", ["does-not-exist.py", ...T50], /does-not-exist\.py/],
    ["no --target", ["."], /--target/],
  ];
  it.each(usageCases)("2 for %s, with a message on stderr and nothing written", async (_name, args, message) => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, args);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("2 wins over 1: one file is rewritten, the one with a syntax error is left byte for byte", async () => {
    const root = makeTree({ "good.py": "from django.utils.encoding import force_text\n", "bad.py": BROKEN });
    const result = await runCli(root, [".", ...T50]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(read(root, "good.py")).toBe("from django.utils.encoding import force_str\n");
    expect(snapshot(root).get("bad.py")!.equals(Buffer.from(BROKEN))).toBe(true);
    expect(result.stderr).toMatch(/^bad\.py:3(:\d+)?: error: .*syntax error/m);
  });

  it("2 with --check and --exit-zero-even-if-changed when a file cannot be parsed", async () => {
    const root = makeTree({ "good.py": "from django.utils.encoding import force_text\n", "bad.py": BROKEN });
    const result = await runCli(root, [".", ...T50, "--check", "--exit-zero-even-if-changed"]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe("good.py\n");
  });
});

describe.concurrent("encodings and ignore comments", () => {
  it("keeps a BOM and a latin-1 coding, leaves an undecodable file byte for byte (exit 2), honours # pycodemod: ignore / skip-file", async () => {
    const undecodable = Buffer.from('x = "\xff\xfe"\nfrom django.utils.encoding import force_text\n', "latin1");
    const root = makeTree({
      "app/bom.py": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("from django.utils.encoding import force_text\n")]),
      "app/latin.py": Buffer.from('# -*- coding: latin-1 -*-\nx = "caf\xe9"\nfrom django.utils.encoding import force_text\n', "latin1"),
      "app/undecodable.py": undecodable,
      "app/ignored_line.py": "from django.utils.encoding import force_text  # pycodemod: ignore\nfrom django.utils.encoding import smart_text\n",
      "app/skipped.py": "# pycodemod: skip-file\nfrom django.utils.encoding import force_text\n",
    });
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^app\/undecodable\.py: error: .*UTF-8/m);
    const after = snapshot(root);
    expect(after.get("app/undecodable.py")!.equals(undecodable)).toBe(true);
    expect(after.get("app/bom.py")!.toString("latin1")).toBe("\xef\xbb\xbffrom django.utils.encoding import force_str\n");
    expect(after.get("app/latin.py")!.toString("latin1")).toBe('# -*- coding: latin-1 -*-\nx = "caf\xe9"\nfrom django.utils.encoding import force_str\n');
    expect(read(root, "app/ignored_line.py")).toBe("from django.utils.encoding import force_text  # pycodemod: ignore\nfrom django.utils.encoding import smart_str\n");
    expect(changedFiles(before, after)).toEqual(["app/bom.py", "app/ignored_line.py", "app/latin.py"]);
  });
});

describe.concurrent("discovery", () => {
  const DEPRECATED = "from django.utils.encoding import force_text\n";

  it("warns when a folder named on the command line yields no file, and says why", async () => {
    const root = makeTree({ ".gitignore": "build/\n", "build/x.py": DEPRECATED });
    const run = await runCli(root, ["build", ...T50, "--check"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^build: warning: no Python files found .*--no-ignore/m);
    const included = await runCli(root, ["build", ...T50, "--check", "--no-ignore"]);
    expect(included.status, included.stderr).toBe(1);
    expect(included.stderr).not.toMatch(/warning: no Python files/);
  });
  function tree(): string {
    return makeTree({
      ".gitignore": "generated/\n*_old.py\n",
      "app/views.py": DEPRECATED,
      "app/views_old.py": DEPRECATED,
      "app/legacy.py": DEPRECATED,
      "generated/api.py": DEPRECATED,
      ".hidden/secret.py": DEPRECATED,
      "app/.cache/cached.py": DEPRECATED,
      "node_modules/pkg/vendored.py": DEPRECATED,
      "env/pyvenv.cfg": "home = /usr/bin\n",
      "env/lib/python3.11/site-packages/dep.py": DEPRECATED,
      "app/__pycache__/stray.py": DEPRECATED,
      "app/notes.txt": DEPRECATED,
    });
  }

  it("skips .gitignore'd files, hidden folders, node_modules, virtualenvs and __pycache__", async () => {
    const result = await runCli(tree(), [".", ...T50, "--check"]);
    expect(result.stdout).toBe("app/legacy.py\napp/views.py\n");
    expect(result.status, result.stderr).toBe(1);
  });

  it("--no-ignore takes the .gitignore'd files too (the other skips stay)", async () => {
    const result = await runCli(tree(), [".", ...T50, "--check", "--no-ignore"]);
    expect(result.stdout).toBe("app/legacy.py\napp/views.py\napp/views_old.py\ngenerated/api.py\n");
  });

  it("--exclude leaves out matching paths (a file path and a glob)", async () => {
    const root = tree();
    const byPath = await runCli(root, [".", ...T50, "--check", "--exclude", "app/legacy.py"]);
    expect(byPath.stdout).toBe("app/views.py\n");
    const byGlob = await runCli(root, [".", ...T50, "--check", "--exclude", "legacy*"]);
    expect(byGlob.stdout).toBe("app/views.py\n");
  });

  it("a file named explicitly is processed even when it would be skipped", async () => {
    const root = tree();
    const result = await runCli(root, ["generated/api.py", ".hidden/secret.py", "node_modules/pkg/vendored.py", ...T50]);
    expect(result.status, result.stderr).toBe(1);
    for (const file of ["generated/api.py", ".hidden/secret.py", "node_modules/pkg/vendored.py"]) {
      expect(read(root, file)).toBe("from django.utils.encoding import force_str\n");
    }
    expect(read(root, "app/views.py")).toBe(DEPRECATED);
  });
});

describe.concurrent("many files (worker pool)", () => {
  it("--check lists the same files in the same order with --jobs 1 and --jobs 2", async () => {
    // Far past the file count where the runner brings in workers, with ~1 MB to parse, so both
    // threads take files.
    const count = 480;
    expect(count).toBeGreaterThan(WORKER_MIN_FILES * 4);
    const padding = `# ${"padding ".repeat(12)}\n`.repeat(Math.ceil(1_200_000 / (count / 3) / 100));
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const name = `pkg${i % 9}/mod_${String(i).padStart(3, "0")}.py`;
      files[name] = i % 3 === 0 ? `from django.utils.encoding import force_text\n${padding}` : `VALUE = ${i}\n`;
    }
    const root = makeTree(files);
    const serial = await runCli(root, [".", ...T50, "--check", "--jobs", "1", "--no-cache"], undefined, 80_000);
    const parallel = await runCli(root, [".", ...T50, "--check", "--jobs", "2", "--no-cache"], undefined, 80_000);
    expect(serial.status, serial.stderr).toBe(1);
    expect(serial.stdout.trimEnd().split("\n")).toHaveLength(Math.ceil(count / 3));
    expect(parallel.stderr).not.toMatch(/error|worker/i);
    expect(parallel.status, parallel.stderr).toBe(1);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(summary(parallel)).toBe(summary(serial));
  }, 90_000); // two runs over 480 files: far over 30 s on a loaded 2-core machine
});

describe.concurrent("rule selection", () => {
  const BOTH = "from django.utils.encoding import force_text\nfrom django.utils.translation import ugettext as _\n";
  const ENCODING_ONLY = "from django.utils.encoding import force_str\nfrom django.utils.translation import ugettext as _\n";
  const TRANSLATION_ONLY = "from django.utils.encoding import force_text\nfrom django.utils.translation import gettext as _\n";
  const cases: [string, string[], string][] = [
    ["--select by id", ["--select", "django/utils-encoding"], ENCODING_ONLY],
    ["--only by alias", ["--only", "utils_encoding"], ENCODING_ONLY],
    ["--ignore by id", ["--ignore", "django/utils-encoding"], TRANSLATION_ONLY],
    ["--skip by alias", ["--skip", "utils_encoding"], TRANSLATION_ONLY],
  ];
  it.each(cases)("%s", async (_name, args, expected) => {
    const result = await runCli(makeTree(), ["-", ...T50, ...args], BOTH);
    expect(result.stdout).toBe(expected);
    expect(result.status, result.stderr).toBe(1);
  });

  it("--select takes a comma-separated list and can be repeated", async () => {
    const both = "from django.utils.encoding import force_str\nfrom django.utils.translation import gettext as _\n";
    const comma = await runCli(makeTree(), ["-", ...T50, "--select", "utils_encoding,django/utils-translation"], BOTH);
    expect(comma.stdout).toBe(both);
    const repeated = await runCli(makeTree(), ["-", ...T50, "--select", "utils_encoding", "--select", "utils_translation"], BOTH);
    expect(repeated.stdout).toBe(both);
  });

  it("--explain describes one rule on stdout; an unknown name exits 2", async () => {
    const known = await runCli(makeTree(), ["--explain", "utils_encoding"]);
    expect(known.status, known.stderr).toBe(0);
    expect(known.stdout).toMatch(/^django\/utils-encoding: /);
    expect(known.stdout).toContain("django-3.0");
    const unknown = await runCli(makeTree(), ["--explain", "no_such_rule"]);
    expect(unknown.status, unknown.stderr).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("no_such_rule");
  });

  it("--list-rules prints every rule with its aliases on stdout", async () => {
    const result = await runCli(makeTree(), ["--list-rules"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(/^[a-z]+\/[a-z0-9-]+\b.*\t[a-z]+-\d+\.\d+\t(?:fix|finding)\t/);
    for (const id of ["django/utils-encoding", "django/utils-translation", "django/utils-http", "django/utils-text", "django/use-l10n", "django/django-urls"]) {
      expect(result.stdout).toMatch(new RegExp(`^${id}\\b`, "m"));
    }
    expect(result.stdout).toContain("utils_encoding");
  });

  it("--list-rules --target lists only the rules that target applies", async () => {
    const django = await runCli(makeTree(), ["--list-rules", "--target", "django-2.2"]);
    expect(django.status, django.stderr).toBe(0);
    expect(django.stdout).toMatch(/^django\/django-urls\b/m);
    expect(django.stdout).not.toMatch(/^django\/utils-encoding\b/m);
    const flask = await runCli(makeTree(), ["--list-rules", "--target", "flask-3.1"]);
    expect(flask.status, flask.stderr).toBe(0);
    expect(flask.stdout).not.toMatch(/^django\//m);
    expect(flask.stdout).toMatch(/^werkzeug\/urls-to-urllib\twerkzeug-2\.3\tfix\t/m);
    expect(flask.stdout).toMatch(/^itsdangerous\/jws-serializer\titsdangerous-2\.0\tfinding\t/m);
    const old = await runCli(makeTree(), ["--list-rules", "--target", "flask-2.0"]);
    expect(old.stdout).not.toMatch(/^werkzeug\/urls-to-urllib\b/m);
    const bad = await runCli(makeTree(), ["--list-rules", "--target", "flask-9.9"]);
    expect(bad.status).toBe(2);
  });

  it("--target django-2.2 does not apply the 3.0 rules; 3.0 applies them but not the 4.0 settings rule", async () => {
    const input = `${SETTINGS}from django.utils.encoding import force_text\n`;
    const old = await runCli(makeTree(), ["-", "--target", "django-2.2", "--stdin-filename", "proj/settings.py"], input);
    expect(old.stdout).toBe(input);
    expect(old.status, old.stderr).toBe(0);
    const three = await runCli(makeTree(), ["-", "--target", "django-3.0", "--stdin-filename", "proj/settings.py"], input);
    expect(three.stdout).toBe(`${SETTINGS}from django.utils.encoding import force_str\n`);
    expect(three.status, three.stderr).toBe(1);
  });
});

describe.concurrent("--format json", () => {
  it("stdout is one parseable JSON document describing each file", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--diff", "--format", "json"]);
    expect(result.status, result.stderr).toBe(1);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    const data = JSON.parse(result.stdout) as { files: { path: string; status: string; fixes: { rule: string; line: number }[]; diff?: string }[] };
    const views = data.files.find((f) => f.path === "proj/views.py");
    expect(views?.status).toBe("changed");
    expect(views?.fixes.map((f) => f.rule)).toContain("django/utils-encoding");
    expect(views?.diff).toContain("+from django.utils.encoding import force_str");
    expect(data.files.find((f) => f.path === "proj/clean.py")?.status).toBe("unchanged");
  });

  it("in --check mode too", async () => {
    const result = await runCli(project(), [".", ...T50, "--check", "--format", "json"]);
    expect(result.status, result.stderr).toBe(1);
    const data = JSON.parse(result.stdout) as { files: { path: string; status: string }[] };
    expect(data.files.filter((f) => f.status === "changed").map((f) => f.path).sort()).toEqual([
      "proj/crlf.py", "proj/settings.py", "proj/views.py",
    ]);
  });
});

describe("examples/django-legacy", () => {
  let root: string;
  let before: Map<string, Buffer>;
  let first: CliResult;

  beforeAll(async () => {
    root = copyOf("examples/django-legacy");
    before = snapshot(root);
    first = await runCli(root, [".", ...T50]);
  });

  it("is rewritten in place: stdout empty, exit 1, build/ (gitignored) and migrations untouched", async () => {
    expect(first.stdout).toBe("");
    expect(first.status, first.stderr).toBe(1);
    const changed = changedFiles(before, snapshot(root));
    expect(changed).toContain("legacy_site/settings.py");
    expect(changed).toContain("library/views.py");
    expect(changed).toContain("accounts/views.py");
    expect(changed).not.toContain("build/generated.py");
    expect(changed.filter((f) => f.includes("/migrations/"))).toEqual([]);
    expect(changed.every((f) => f.endsWith(".py") || f.endsWith(".html"))).toBe(true);
    expect(first.stderr).not.toContain("build/generated.py");
  });

  it("the deprecated utils imports and USE_L10N are gone; comments, strings and the shadowing parameter stay", async () => {
    const settings = read(root, "legacy_site/settings.py");
    expect(settings).not.toMatch(/USE_L10N/);
    expect(settings).toContain("USE_TZ = True");
    expect(settings).toContain("from django.utils.translation import gettext_lazy as _");
    expect(settings).toContain('("fr", _("Français")),');

    const views = read(root, "library/views.py");
    expect(views).toContain("from django.utils.encoding import force_str, smart_str\n");
    expect(views).toContain("from urllib.parse import quote\n");
    expect(views).toContain("from django.utils.translation import gettext as _, ngettext\n");
    expect(views).toContain("if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}");
    expect(views).toContain("message = ngettext(");
    expect(views).toContain("+ quote(book.get_absolute_url())");
    expect(views).toContain("# smart_text() instead of str()");
    expect(views).toContain("(ugettext is not used here)");

    const accounts = read(root, "accounts/views.py");
    expect(accounts).toContain("uid = force_str(urlsafe_base64_decode(uidb64))");
    expect(accounts).toContain("username=unquote(username)");
    expect(accounts).toContain("translation.gettext('Your account is active. Welcome!')");
    expect(accounts).toMatch(/^from django\.utils\.http import .*\burlsafe_base64_decode\b/m);

    const admin = read(root, "library/admin.py");
    expect(admin).toMatch(/^import html$/m);
    expect(admin).toContain("return html.unescape(obj.summary)[:80]");

    const tags = read(root, "library/templatetags/library_tags.py");
    expect(tags).toContain("def book_label(book, force_text=False):");
    expect(tags).toContain("    if force_text:\n");
    expect(tags).toContain("return force_str(value, strings_only=True)");

    const tests = read(root, "library/tests.py");
    expect(tests).toContain("self.assertEqual(force_str(self.book), 'Les Misérables')");
    expect(tests).toContain("self.assertEqual(html.unescape(self.book.summary), 'Jean Valjean & Javert — 📚 a classic')");
    expect(tests).toContain("create_user('zoé', password='s3cret-pässword')");

    // No module anywhere (outside build/) still imports a removed utils name.
    const removed = /^from django\.utils\.(encoding|translation|http|text) import .*\b(force_text|smart_text|ugettext|ugettext_lazy|ungettext|ungettext_lazy|urlquote|urlunquote|is_safe_url|unescape_entities)\b/m;
    const offenders = [...snapshot(root)]
      .filter(([file, bytes]) => file.endsWith(".py") && !file.startsWith("build/") && removed.test(bytes.toString("utf8")))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  // django/django-urls — the rule is being written; these check the intended behaviour
  // (django-upgrade's django_urls) and fail while the rule is a no-op placeholder.
  it("[django/django-urls] url() becomes path() where the regex converts, re_path() where it must stay", async () => {
    const lib = read(root, "library/urls.py");
    expect(lib).not.toContain("django.conf.urls");
    expect(lib).toMatch(/^from django\.urls import (?=.*\bpath\b)(?=.*\bre_path\b).*$/m);
    expect(lib).toMatch(/path\((["'])books\/<int:pk>\/\1, views\.book_detail, name='book-detail'\)/);
    expect(lib).toMatch(/path\((["'])\1, views\.BookListView\.as_view\(\), name='book-list'\)/);
    expect(lib).toMatch(/path\((["'])books\/<slug:slug>\/borrow\/\1, views\.borrow_book/);
    expect(lib).toMatch(/path\((["'])authors\/<int:author_id>\/books\.json\1, views\.author_books_json/);
    expect(lib).toContain("re_path(r'^search/(?P<term>[\\w-]+)/$', views.search, name='search')");
    expect(lib).toContain("re_path(r'^archive/(?P<year>[0-9]{4})/$', views.archive, name='archive')");

    const site = read(root, "legacy_site/urls.py");
    expect(site).not.toContain("django.conf.urls");
    expect(site).toMatch(/^from django\.urls import (?=.*\binclude\b)(?=.*\bpath\b)(?=.*\bre_path\b).*$/m);
    expect(site).toMatch(/path\((["'])library\/\1, include\('library\.urls'\)\)/);
    expect(site).toMatch(/path\((["'])\1, TemplateView\.as_view\(template_name='home\.html'\), name='home'\)/);
    // No `$` and not an include(): path() would change what matches.
    expect(site).toContain("re_path(r'^admin/', admin.site.urls)");

    const acc = read(root, "accounts/urls.py");
    expect(acc).toMatch(/path\((["'])profile\/<str:username>\/\1, views\.profile/);
    expect(acc).toMatch(/re_path\(\s*r'\^activate\//);
  });

  it("a second run finds nothing to change (exit 0)", async () => {
    const after = snapshot(root);
    const second = await runCli(root, [".", ...T50]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe("");
    expect(changedFiles(after, snapshot(root))).toEqual([]);
  });
});

// The argument order DESIGN.md and the README document: options first, then paths (and xargs
// appending file names after `--target`). Repeatable options must not swallow the paths.
describe.concurrent("documented argument order: options before paths", () => {
  const DEPRECATED = "from django.utils.encoding import force_text\n";

  it("pycodemod --target django-5.0 .", async () => {
    const root = makeTree({ "a.py": DEPRECATED });
    const result = await runCli(root, ["--target", "django-5.0", "."]);
    expect(result.stderr).not.toMatch(/unknown target/);
    expect(result.status, result.stderr).toBe(1);
    expect(read(root, "a.py")).toBe("from django.utils.encoding import force_str\n");
  });

  it("xargs style: pycodemod --check --target django-5.0 a.py b.py", async () => {
    const root = makeTree({ "a.py": DEPRECATED, "b.py": DEPRECATED, "c.py": DEPRECATED });
    const result = await runCli(root, ["--check", "--target", "django-5.0", "a.py", "b.py"]);
    expect(result.stdout).toBe("a.py\nb.py\n");
    expect(result.status, result.stderr).toBe(1);
  });

  it("pycodemod -t django-5.0 --check --select utils_encoding a.py", async () => {
    const root = makeTree({ "a.py": DEPRECATED, "b.py": DEPRECATED });
    const result = await runCli(root, ["-t", "django-5.0", "--check", "--select", "utils_encoding", "a.py"]);
    expect(result.stdout).toBe("a.py\n");
    expect(result.status, result.stderr).toBe(1);
  });

  it("pycodemod --target=django-5.0 --diff .", async () => {
    const root = makeTree({ "a.py": DEPRECATED });
    const result = await runCli(root, ["--target=django-5.0", "--diff", "."]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("+from django.utils.encoding import force_str");
  });

  it("cat views.py | pycodemod -t django-5.0 --stdin-filename app/views.py -", async () => {
    const result = await runCli(makeTree(), ["-t", "django-5.0", "--stdin-filename", "app/views.py", "-"], DEPRECATED);
    expect(result.stdout).toBe("from django.utils.encoding import force_str\n");
    expect(result.status, result.stderr).toBe(1);
  });

  it("pycodemod -t django-5.0 --check --exclude b.py .", async () => {
    const root = makeTree({ "a.py": DEPRECATED, "b.py": DEPRECATED });
    const result = await runCli(root, ["-t", "django-5.0", "--check", "--exclude", "b.py", "."]);
    expect(result.stdout).toBe("a.py\n");
    expect(result.status, result.stderr).toBe(1);
  });
});
