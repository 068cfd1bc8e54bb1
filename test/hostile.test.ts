// The hostile-input matrix, through the real CLI on temp folders: whatever the input, pycodemod
// never loses a byte. Files it cannot handle are left exactly as they were and reported on stderr
// (exit 2) while the rest of the run goes on; files it rewrites change only where a rule edited.
import { execFileSync } from "node:child_process";
import {
  chmodSync, chownSync, existsSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  changedFiles, cleanupTemps, cli, describeRun, fixed, giveToNobody, IS_ROOT, makeTree, NEEDS, NOBODY, replaceBytes,
  snapshot, strayTemps, TARGET, tempDir, unprivilegedLauncher, type CliRun,
} from "./hostile-helpers.js";

/** Files made immutable by a test; made mutable again before the temp folders are removed. */
const immutable: string[] = [];
afterAll(() => {
  for (const file of immutable.splice(0)) {
    try {
      execFileSync("chattr", ["-i", file], { stdio: "ignore" });
    } catch {
      // already mutable, or gone
    }
  }
  cleanupTemps();
});

// Runs wait for a free slot (one per CPU), so a test's time includes its wait.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// A run several tests look at happens once, when the first of them asks. The slowest run (the
// 10 MB file) starts with the file, so it overlaps with the quick tests.
const eager: (() => Promise<unknown>)[] = [];
function shared<T>(start: () => Promise<T>, options: { eager?: boolean } = {}): () => Promise<T> {
  let promise: Promise<T> | undefined;
  const get = () => {
    if (!promise) {
      promise = start();
      promise.catch(() => {}); // reported by the test that awaits it
    }
    return promise;
  };
  if (options.eager) eager.push(get);
  return get;
}
beforeAll(() => {
  for (const start of eager) void start();
});

const bytes = (text: string, encoding: BufferEncoding = "utf8") => Buffer.from(text, encoding);
const cat = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const read = (root: string, file: string) => readFileSync(path.join(root, file));
/** The bytes a file must have after the run: every force_text became force_str, nothing else moved. */
const rewritten = (input: Uint8Array) => replaceBytes(input, "force_text", "force_str");

function expectExit(run: CliRun, code: number): void {
  expect(run.status, describeRun(run)).toBe(code);
}

/** stderr lines that name `file` (as a path or a path suffix). */
function linesAbout(run: CliRun, file: string): string[] {
  return run.stderr.split("\n").filter((line) => line.startsWith(file) || line.includes(`/${file}`) || line.includes(` ${file}`));
}

function expectReported(run: CliRun, file: string, pattern?: RegExp): void {
  const lines = linesAbout(run, file);
  expect(lines.length, `stderr should name ${file}\n${describeRun(run)}`).toBeGreaterThan(0);
  if (pattern) expect(lines.join("\n"), describeRun(run)).toMatch(pattern);
  expect(run.stdout, "messages belong on stderr, not stdout").not.toContain(file);
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe.concurrent("output validity", () => {
  it("never touches a file with a syntax error; reports it (exit 2); the other files go on", async () => {
    const broken = "from django.utils.encoding import force_text\n\nx = force_text(1\ndef (:\n";
    const root = makeTree({ "broken.py": broken, "ok.py": NEEDS });
    const run = await cli([...TARGET, "."], { cwd: root });
    expectExit(run, 2);
    expect(read(root, "broken.py").toString()).toBe(broken);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    expectReported(run, "broken.py", /syntax/i);
    expect(run.stdout).toBe("");
  });

  it("drops a rewrite whose result does not parse, keeps the original, names rule and line", async () => {
    const input = `${NEEDS}# HOSTILE_BAD_OUTPUT\n`;
    const root = makeTree({ "bad.py": input, "ok.py": NEEDS });
    const run = await cli([...TARGET, "."], { cwd: root, hooks: ["bad-output"] });
    expectExit(run, 2);
    expect(read(root, "bad.py").toString()).toBe(input);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    const lines = linesAbout(run, "bad.py");
    expect(lines.join("\n"), describeRun(run)).toMatch(/bad\.py:\d+/);
    expect(lines.join("\n"), describeRun(run)).toContain("django/utils-encoding");
    expect(lines.join("\n"), describeRun(run)).toMatch(/does not parse|invalid|syntax/i);
  });

  it("catches a rule that throws: that file unchanged and reported, the other files go on", async () => {
    const input = `${NEEDS}# HOSTILE_THROW\n`;
    const root = makeTree({ "a_throws.py": input, "b_ok.py": NEEDS, "c_ok.py": NEEDS });
    const run = await cli([...TARGET, "."], { cwd: root, hooks: ["throw"] });
    expectExit(run, 2);
    expect(read(root, "a_throws.py").toString()).toBe(input);
    expect(read(root, "b_ok.py").toString()).toBe(fixed(NEEDS));
    expect(read(root, "c_ok.py").toString()).toBe(fixed(NEEDS));
    const lines = linesAbout(run, "a_throws.py").join("\n");
    expect(lines, describeRun(run)).toContain("django/utils-encoding");
    expect(lines, describeRun(run)).toContain("hostile rule failure");
    expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe("bytes outside the edits are preserved exactly, and a second run changes nothing", () => {
  const imp = "from django.utils.encoding import force_text";
  const inputs: Record<string, Buffer> = {
    "bom.py": bytes(`\uFEFF${NEEDS}`),
    "crlf.py": bytes(NEEDS.replaceAll("\n", "\r\n")),
    "mixed_newlines.py": bytes(`${imp}\r\n\nx = force_text(1)\r\ny = 2\n\r\nz = force_text(3)\n`),
    "tabs.py": bytes(`${imp}\n\n\ndef f():\n\treturn force_text(1)\t\n\n\nclass C:\n\tdef m(self):\n\t\treturn [force_text(2),\t3]\n`),
    "trailing_ws.py": bytes(`${imp}   \n   \nx = force_text(1)    \ny = 2\t \n`),
    "form_feed.py": bytes(`${imp}\n\f\ndef f():\n    return force_text(1)\n\f\n\fdef g():\n    pass\n`),
    "no_final_newline.py": bytes(`${imp}\n\nx = force_text(1)`),
    "non_ascii.py": bytes(`# -*- coding: utf-8 -*-\n${imp}\n\ncafé = force_text("naïve 🐍 日本語 \\u00e9")\nπ = 3.14  # ünïcödé\nΣ = [café, π, "ẞ"]\n`),
    "bom_crlf_non_ascii.py": bytes(`\uFEFF${imp}\r\n\r\nnaïve = force_text("Ünïcode 🐍")\r\n`),
    "backslash_continuation.py": bytes(`${imp}\n\nx = 1 + \\\n    len(force_text(2))\n`),
  };
  const firstRun = shared(async () => {
    const root = makeTree(inputs);
    return { root, first: await cli([...TARGET, "."], { cwd: root }) };
  });

  it("first run rewrites every file", async () => {
    const { first } = await firstRun();
    expectExit(first, 1);
    expect(first.stdout).toBe("");
  });

  it.each(Object.keys(inputs))("%s: only the rule's edits changed", async (name) => {
    const { root } = await firstRun();
    const after = read(root, name);
    expect(after.toString("latin1")).toBe(rewritten(inputs[name]!).toString("latin1"));
  });

  it("a second run changes nothing and exits 0", async () => {
    const { root } = await firstRun();
    const before = snapshot(root);
    const second = await cli([...TARGET, "."], { cwd: root });
    expectExit(second, 0);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    expect(second.stdout).toBe("");
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe("encodings", () => {
  const use = "from django.utils.encoding import force_text\nx = force_text(";
  const good: Record<string, Buffer> = {
    "utf8.py": bytes(`${use}"é")\n`),
    "utf8_bom_declared.py": bytes(`\uFEFF# coding: utf-8\n${use}"é")\n`),
    "latin1.py": cat("# -*- coding: latin-1 -*-\n", use, '"caf', [0xe9], '", "', [0xff, 0x80], '")\n'),
    "iso8859_15.py": cat("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n", use, '"', [0xa4], '")\n'),
    "cp1252.py": cat("# coding=cp1252\n", use, '"', [0x80, 0x20, 0x93], "quoted", [0x94], '")\n'),
    "koi8r.py": cat("# -*- coding: koi8-r -*-\n", use, '"', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], '")\n'),
    // 0x83 0x5C is one character whose second byte is a backslash in ASCII.
    "shift_jis.py": cat("# coding: shift_jis\n", use, '"', [0x83, 0x5c], '")\n'),
    "ascii.py": bytes(`# -*- coding: ascii -*-\n${use}"x")\n`),
    "us_ascii.py": bytes(`# coding: US-ASCII\n${use}"x")\n`),
  };
  const bad: Record<string, Buffer> = {
    "bad_utf8.py": cat(use, '"', [0xff, 0xfe], '")\n'),
    "truncated_utf8.py": cat(use, '"', [0xe6, 0x97], '")\n'),
    "bad_cp1252.py": cat("# coding: cp1252\n", use, '"', [0x81], '")\n'),
    "bad_ascii.py": cat("# coding: ascii\n", use, '"', [0xe9], '")\n'),
    "nul.py": cat(use, "1)\n", [0], "\n"),
    "unknown_encoding.py": cat("# -*- coding: klingon -*-\n", use, "1)\n"),
    "utf16_declared.py": cat("# coding: utf-16\n", use, "1)\n"),
    "bom_but_latin1.py": cat([0xef, 0xbb, 0xbf], "# coding: latin-1\n", use, "1)\n"),
  };
  const mixedRun = shared(async () => {
    const root = makeTree({ ...good, ...bad });
    return { root, run: await cli([...TARGET, "."], { cwd: root }) };
  });

  it("one run over good and undecodable files: exit 2, no stdout", async () => {
    const { run } = await mixedRun();
    expectExit(run, 2);
    expect(run.stdout).toBe("");
  });

  it.each(Object.keys(good))("%s is decoded, rewritten and written back in its own encoding", async (name) => {
    const { root, run } = await mixedRun();
    expect(read(root, name).toString("latin1")).toBe(rewritten(good[name]!).toString("latin1"));
    expect(linesAbout(run, name).filter((l) => /error/i.test(l))).toEqual([]);
  });

  it.each(Object.keys(bad))("%s is skipped untouched and reported by name", async (name) => {
    const { root, run } = await mixedRun();
    expect(read(root, name).equals(bad[name]!)).toBe(true);
    expectReported(run, name, /error/i);
  });

  it.each([
    ["undecodable", cat("from django.utils.encoding import force_text\nx = '", [0xff], "'\nforce_text(1)\n")],
    ["NUL bytes", cat("force_text(1)\n", [0], "\n")],
    ["syntax error", cat("from django.utils.encoding import force_text\nforce_text(\n")],
  ])("stdin mode: %s input passes through to stdout byte for byte, exit 2", async (_name, input) => {
    const out = await cli([...TARGET, "-"], { cwd: tempDir(), input });
    expectExit(out, 2);
    expect(out.stdoutBytes.equals(input), `stdout: ${JSON.stringify(out.stdoutBytes.toString("latin1"))}`).toBe(true);
    expect(out.stderr).toMatch(/error/);
  });

  it("stdin mode: a latin-1 file comes back in latin-1 on stdout", async () => {
    const input = good["latin1.py"]!;
    const out = await cli([...TARGET, "-"], { cwd: tempDir(), input });
    expectExit(out, 1);
    expect(out.stdoutBytes.toString("latin1")).toBe(rewritten(input).toString("latin1"));
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe.concurrent("files: permissions, symlinks, concurrent edits, atomic writes", () => {
  // As root the permission cases run as an unprivileged user; when that user cannot run the CLI at
  // all (see unprivilegedLauncher) the test is skipped and says why.
  const nobody = unprivilegedLauncher();
  if (!nobody.bin) console.warn(`skipping the permission test: ${nobody.reason}`);
  it.skipIf(!nobody.bin)(`unreadable file, unwritable folder, read-only file, unlistable folder: each reported, exit 2, the run goes on${IS_ROOT ? " (as an unprivileged user)" : ""}${nobody.bin ? "" : ` [skipped: ${nobody.reason}]`}`, async () => {
    const root = makeTree({
      "unreadable.py": NEEDS,
      "readonly.py": NEEDS,
      "locked_dir/x.py": NEEDS,
      "readonly_dir/y.py": NEEDS,
      "ok.py": NEEDS,
    });
    giveToNobody(root);
    chmodSync(root, 0o755);
    chmodSync(path.join(root, "unreadable.py"), 0o000);
    chmodSync(path.join(root, "readonly.py"), 0o444);
    chmodSync(path.join(root, "locked_dir"), 0o000);
    chmodSync(path.join(root, "readonly_dir"), 0o555);
    const before = snapshot(root);
    const run = await cli([...TARGET, "."], { cwd: root, unprivileged: true });
    expectExit(run, 2);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    const after = snapshot(root);
    expect(changedFiles(before, after)).toEqual(["ok.py"]);
    expectReported(run, "unreadable.py", /read|EACCES|permission/i);
    expectReported(run, "readonly.py", /writ|EACCES|permission|read-only/i);
    expectReported(run, "y.py", /writ|EACCES|permission/i);
    expectReported(run, "locked_dir", /EACCES|permission|list/i);
    expect(statSync(path.join(root, "readonly.py")).mode & 0o777).toBe(0o444);
    expect(strayTemps(root)).toEqual([]);
  });

  const chattrWorks = (() => {
    if (!IS_ROOT) return false;
    try {
      const dir = tempDir();
      const probe = path.join(dir, "probe");
      writeFileSync(probe, "");
      execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
      execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!chattrWorks)("an immutable file (chattr +i, which binds even root) is reported, untouched, exit 2", async () => {
    const root = makeTree({ "immutable.py": NEEDS, "ok.py": NEEDS });
    const file = path.join(root, "immutable.py");
    execFileSync("chattr", ["+i", file]);
    immutable.push(file);
    try {
      const run = await cli([...TARGET, "."], { cwd: root });
      expectExit(run, 2);
      expect(readFileSync(file, "utf8")).toBe(NEEDS);
      expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
      expectReported(run, "immutable.py", /writ|EPERM|EACCES|permission|read-only/i);
      expect(strayTemps(root)).toEqual([]);
    } finally {
      execFileSync("chattr", ["-i", file]);
    }
  });

  it("a file written while pycodemod works on it is not overwritten; reported, exit 2", async () => {
    const root = makeTree({ "race.py": NEEDS, "ok.py": NEEDS });
    const run = await cli([...TARGET, "."], { cwd: root, hooks: ["race"] });
    expectExit(run, 2);
    expect(read(root, "race.py").toString()).toBe(`${NEEDS}# edited meanwhile\n`);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    expectReported(run, "race.py", /changed/i);
    expect(strayTemps(root)).toEqual([]);
  });

  it("symlinks are followed once: cycles terminate, a file reached by several names is rewritten once, links stay links", async () => {
    const root = makeTree({ "pkg/real.py": NEEDS, "pkg/sub/deep.py": NEEDS });
    symlinkSync(".", path.join(root, "pkg", "self"));
    symlinkSync("..", path.join(root, "pkg", "sub", "up"));
    symlinkSync("pkg", path.join(root, "pkg_alias"));
    symlinkSync("pkg/real.py", path.join(root, "link.py"));
    symlinkSync(path.join(root, "pkg", "real.py"), path.join(root, "pkg", "sub", "abs_link.py"));
    const run = await cli([...TARGET, "."], { cwd: root, timeoutMs: 20_000 });
    expectExit(run, 1);
    expect(run.ms).toBeLessThan(15_000);
    expect(read(root, "pkg/real.py").toString()).toBe(fixed(NEEDS));
    expect(read(root, "pkg/sub/deep.py").toString()).toBe(fixed(NEEDS));
    expect(lstatSync(path.join(root, "link.py")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(root, "link.py"))).toBe("pkg/real.py");
    expect(lstatSync(path.join(root, "pkg", "sub", "abs_link.py")).isSymbolicLink()).toBe(true);
    // Each real file is fixed exactly once, whatever name it was reached by.
    const fixes = run.stderr.split("\n").filter((line) => /fixed/.test(line));
    expect(fixes.length, describeRun(run)).toBe(2);
    expect(strayTemps(root)).toEqual([]);
  });

  it("a broken symlink and a symlink that loops onto itself are reported (exit 2), the rest goes on", async () => {
    const root = makeTree({ "ok.py": NEEDS });
    symlinkSync("nowhere.py", path.join(root, "dangling.py"));
    symlinkSync("self_loop.py", path.join(root, "self_loop.py"));
    const run = await cli([...TARGET, "."], { cwd: root });
    expectExit(run, 2);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    expectReported(run, "dangling.py");
    expectReported(run, "self_loop.py");
    const explicit = await cli([...TARGET, "self_loop.py"], { cwd: root });
    expectExit(explicit, 2);
    expectReported(explicit, "self_loop.py", /loop|link/i);
  });

  const mkfifoWorks = (() => {
    try {
      execFileSync("mkfifo", [path.join(tempDir(), "probe")], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!mkfifoWorks)("a named pipe called *.py is reported, not read (no hang), in a folder walk and when named", async () => {
    const root = makeTree({ "ok.py": NEEDS });
    execFileSync("mkfifo", [path.join(root, "pipe.py")]);
    const run = await cli([...TARGET, "."], { cwd: root, timeoutMs: 15_000 });
    expect(run.timedOut, "the run hung on the pipe").toBe(false);
    expectExit(run, 2);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    expectReported(run, "pipe.py");
    const named = await cli([...TARGET, "pipe.py"], { cwd: root, timeoutMs: 15_000 });
    expect(named.timedOut, "the run hung on the pipe").toBe(false);
    expectExit(named, 2);
    expectReported(named, "pipe.py");
  });

  it("a file with no write permission bit is left alone even by root; reported, exit 2", async () => {
    const root = makeTree({ "readonly.py": NEEDS, "ok.py": NEEDS });
    chmodSync(path.join(root, "readonly.py"), 0o444);
    const run = await cli([...TARGET, "."], { cwd: root });
    expectExit(run, 2);
    expect(read(root, "readonly.py").toString()).toBe(NEEDS);
    expect(statSync(path.join(root, "readonly.py")).mode & 0o777).toBe(0o444);
    expect(read(root, "ok.py").toString()).toBe(fixed(NEEDS));
    expectReported(run, "readonly.py", /read-only/i);
    expect(strayTemps(root)).toEqual([]);
  });

  it("writes keep the file's mode (and its owner, when run as root)", async () => {
    const root = makeTree({ "script.py": NEEDS, "private.py": NEEDS, "owned.py": NEEDS, "setgid.py": NEEDS });
    chmodSync(path.join(root, "script.py"), 0o755);
    chmodSync(path.join(root, "private.py"), 0o600);
    // Bits the temp file cannot be created with: group write (the umask takes it), set-group-id.
    chmodSync(path.join(root, "owned.py"), 0o664);
    chmodSync(path.join(root, "setgid.py"), 0o2755);
    if (IS_ROOT) chownSync(path.join(root, "owned.py"), NOBODY, NOBODY);
    const run = await cli([...TARGET, "."], { cwd: root });
    expectExit(run, 1);
    expect(statSync(path.join(root, "script.py")).mode & 0o7777).toBe(0o755);
    expect(statSync(path.join(root, "private.py")).mode & 0o7777).toBe(0o600);
    expect(statSync(path.join(root, "owned.py")).mode & 0o7777).toBe(0o664);
    expect(statSync(path.join(root, "setgid.py")).mode & 0o7777).toBe(0o2755);
    if (IS_ROOT) expect(statSync(path.join(root, "owned.py")).uid).toBe(NOBODY);
    for (const name of ["script.py", "private.py", "owned.py", "setgid.py"]) expect(read(root, name).toString()).toBe(fixed(NEEDS));
  });

  it("stale temp files of a killed run are removed by the next write there and never processed", async () => {
    // A process id that is certainly gone: a child that has already exited.
    const dead = execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).toString();
    const stale = `.pycodemod-${dead}-abc123.tmp`;
    const root = makeTree({ "pkg/a.py": NEEDS, [`pkg/${stale}`]: "half a fil", "other/b.py": "x = 1\n" });
    writeFileSync(path.join(root, "other", `.pycodemod-${dead}-zzz.tmp`), NEEDS);
    const run = await cli([...TARGET, "."], { cwd: root });
    expectExit(run, 1);
    expect(read(root, "pkg/a.py").toString()).toBe(fixed(NEEDS));
    expect(existsSync(path.join(root, "pkg", stale))).toBe(false);
    // Never treated as a Python file, and never rewritten.
    expect(run.stderr).not.toContain(".pycodemod-");
    expect(read(root, `other/.pycodemod-${dead}-zzz.tmp`).toString()).toBe(NEEDS);
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe.concurrent("bad usage: one clear line on stderr, exit 2, nothing written", () => {
  const cases: [string, string[], RegExp][] = [
    ["unknown flag", ["--frobnicate", ...TARGET, "."], /frobnicate/],
    ["unknown target", ["--target", "django-99.0", "."], /django-99\.0/],
    ["unknown framework", ["--target", "rails-7.0", "."], /rails/],
    ["unknown rule id (--select)", [...TARGET, "--select", "django/no-such-rule", "."], /no-such-rule/],
    ["unknown rule id (--ignore)", [...TARGET, "--ignore", "nope", "."], /nope/],
    ["conflicting modes --diff --check", [...TARGET, "--diff", "--check", "."], /diff.*check|check.*diff/],
    ["no --target", ["."], /target/],
    ["--target without a value", ["--target"], /target/],
    ["a path that does not exist", [...TARGET, "missing_dir"], /missing_dir/],
    ["a path that does not exist, next to a good one", [...TARGET, ".", "missing.py"], /missing\.py/],
    ["a path whose parent is a file", [...TARGET, "needs.py/child.py"], /needs\.py\/child\.py/],
    ["--explain with an unknown rule", ["--explain", "nope"], /nope/],
  ];
  it.each(cases)("%s", async (_name, args, culprit) => {
    const root = makeTree({ "needs.py": NEEDS, "pkg/more.py": NEEDS });
    const before = snapshot(root);
    const run = await cli(args, { cwd: root });
    expectExit(run, 2);
    expect(run.stdout, "stdout must stay empty").toBe("");
    const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(lines.length, describeRun(run)).toBeGreaterThan(0);
    // The first line says what is wrong and names the culprit; at most a hint follows.
    expect(lines[0], describeRun(run)).toMatch(culprit);
    expect(lines.length, `one clear line (plus at most a hint)\n${describeRun(run)}`).toBeLessThanOrEqual(2);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe.concurrent("stdout carries only the payload", () => {
  const tree = () =>
    makeTree({ "a.py": NEEDS, "pkg/b.py": NEEDS, "clean.py": "x = 1\n", "broken.py": `${NEEDS}force_text(\n`, "bad.py": cat(NEEDS, [0xff]) });

  it("write mode: nothing on stdout, even with errors", async () => {
    const run = await cli([...TARGET, "."], { cwd: tree() });
    expectExit(run, 2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("broken.py");
  });

  it("--check: exactly the paths of files that would change", async () => {
    const run = await cli([...TARGET, "--check", "."], { cwd: tree() });
    expectExit(run, 2);
    expect(run.stdout.split("\n").filter(Boolean).sort()).toEqual(["a.py", "pkg/b.py"]);
  });

  it("--diff: only diff lines", async () => {
    const run = await cli([...TARGET, "--diff", "."], { cwd: tree() });
    expectExit(run, 2);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(--- |\+\+\+ |@@ |[ +\-\\])/);
    expect(run.stdout).not.toMatch(/error|pycodemod:/);
  });

  it("--format json: stdout is one JSON document", async () => {
    const run = await cli([...TARGET, "--check", "--format", "json", "."], { cwd: tree() });
    expectExit(run, 2);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
describe("large and odd input", () => {
  const imp = "from django.utils.encoding import force_text\n";
  const nested = (depth: number, indent: string, line: (i: number) => string, last: string) =>
    bytes(imp + Array.from({ length: depth }, (_, i) => `${indent.repeat(i)}${line(i)}\n`).join("") + `${indent.repeat(depth)}${last}\n`);
  const odd: Record<string, Buffer> = {
    "empty.py": Buffer.alloc(0),
    "bom_only.py": cat([0xef, 0xbb, 0xbf]),
    "whitespace_only.py": bytes("   \n\t\n\f\n  "),
    "comments_only.py": bytes("# force_text and smart_text\n# from django.utils.encoding import force_text\n"),
    "docstring_only.py": bytes('"""force_text(1) is mentioned here."""\n'),
    // tree-sitter takes 1,000-deep brackets (CPython itself stops at 200); the rewrite must land.
    "deep_parens.py": bytes(`${imp}x = ${"(".repeat(1000)}force_text(1)${")".repeat(1000)}\n`),
    "deep_lists.py": bytes(`${imp}x = ${"[".repeat(1000)}force_text(1)${"]".repeat(1000)}\n`),
    "deep_calls.py": bytes(`${imp}x = ${"f(".repeat(1000)}force_text(1)${")".repeat(1000)}\n`),
    "deep_dicts.py": bytes(`${imp}x = ${'{"k": '.repeat(1000)}force_text(1)${"}".repeat(1000)}\n`),
    // CPython allows 100 levels of indentation: 99 nested blocks are valid Python and get rewritten...
    "nested_defs_99.py": nested(99, " ", (i) => `def f${i}():`, "return force_text(1)"),
    "nested_ifs_99.py": nested(99, "\t", () => "if True:", "force_text(1)"),
    "nested_classes_99.py": nested(99, "  ", (i) => `class C${i}:`, "x = force_text(1)"),
    // ...1,000 nested blocks are not; such a file must be reported and left alone, not crash anything.
    "nested_defs_1000.py": nested(1000, " ", (i) => `def f${i}():`, "return force_text(1)"),
    "nested_ifs_1000.py": nested(1000, "\t", () => "if True:", "force_text(1)"),
    "long_line.py": bytes(`${imp}x = [${"1, ".repeat(400_000)}force_text(2)]  # ${"é".repeat(10_000)}\n`),
    "long_string.py": bytes(`${imp}s = "${"a".repeat(2_000_000)}"; t = force_text(s)\n`),
    "many_short_lines.py": bytes(`${imp}${"\n".repeat(200_000)}x = force_text(1)\n`),
  };
  const unchanged = new Set(["empty.py", "bom_only.py", "whitespace_only.py", "comments_only.py", "docstring_only.py"]);
  const rejected = new Set(["nested_defs_1000.py", "nested_ifs_1000.py"]);
  const oddRun = shared(async () => {
    const root = makeTree(odd);
    return { root, run: await cli([...TARGET, "."], { cwd: root, timeoutMs: 40_000 }) };
  });

  const hugeRun = shared(async () => {
    const chunks = [imp, "\n"];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const chunk = `def handler_${i}(request, value=${i}):\n    return render(request, "t_${i}.html", {"v": value * 2})\n\n\n`;
      chunks.push(chunk);
      size += chunk.length;
      if (i % 40_000 === 0) chunks.push(`y_${i} = force_text(${i})\n\n\n`);
    }
    const input = bytes(chunks.join(""));
    const root = makeTree({ "huge.py": input });
    const rss = path.join(tempDir(), "maxrss");
    const run = await cli([...TARGET, "."], { cwd: root, timeoutMs: 90_000, hooks: [], env: { HOSTILE_MAXRSS_FILE: rss } });
    return { root, run, input, rss };
  }, { eager: true });

  const manyRun = shared(async () => {
    const input = bytes(`${imp}\n${"force_text(a)\n".repeat(150_000)}`);
    const root = makeTree({ "many.py": input });
    // Generous for shared machines; the quadratic edit check this guards against took 90 s.
    return { root, input, run: await cli([...TARGET, "."], { cwd: root, timeoutMs: 40_000 }) };
  });

  it("one run over odd files finishes without crashing; only the invalid files are reported", async () => {
    const { run } = await oddRun();
    expect(run.stderr, describeRun(run)).not.toMatch(/internal error|RangeError|Maximum call stack/);
    expectExit(run, 2);
    expect(run.stdout).toBe("");
    const errors = run.stderr.split("\n").filter((line) => /: error:/.test(line)).map((line) => line.split(":")[0]);
    expect(errors.sort()).toEqual([...rejected].sort());
  });

  it.each(Object.keys(odd))("%s: correct result", async (name) => {
    const { root } = await oddRun();
    const expected = unchanged.has(name) || rejected.has(name) ? odd[name]! : rewritten(odd[name]!);
    const after = read(root, name);
    expect(after.length).toBe(expected.length);
    expect(after.equals(expected), `${name} differs from the expected bytes`).toBe(true);
  });

  it("a 10 MB file with a few rewrites: correct result, bounded memory", async () => {
    const { root, run, input, rss } = await hugeRun();
    expectExit(run, 1);
    const after = read(root, "huge.py");
    expect(after.equals(rewritten(input)), "huge.py differs from the expected bytes").toBe(true);
    const peakMb = Number(readFileSync(rss, "utf8")) / 1024;
    // tree-sitter's tree for 10 MB of Python is several hundred MB by itself; what must not happen
    // is memory that keeps growing with the number of passes or edits.
    expect(peakMb, `peak memory ${peakMb.toFixed(0)} MB`).toBeLessThan(2048);
  });

  it("a file with 150,000 uses of a renamed name (one fix with very many edits)", async () => {
    const { root, run, input } = await manyRun();
    expect(run.timedOut, `did not finish within 40 s\n${describeRun(run)}`).toBe(false);
    expect(run.stderr, describeRun(run)).not.toMatch(/internal error|RangeError|Maximum call stack/);
    expectExit(run, 1);
    expect(read(root, "many.py").equals(rewritten(input))).toBe(true);
  }, 60_000);
});
