// Findings (warnings that change nothing) through the real CLI: on stderr in every mode, never on
// stdout next to a diff, code or file list; counted in the summary line; in the JSON document;
// and neither a file nor the exit code changes because of them.
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, makeTree, removeTrees, runCli, snapshot } from "./cli-helpers.js";

const T20 = ["--target", "django-2.0"];
// Only a finding: MIDDLEWARE_CLASSES in a settings module.
const SETTINGS = 'INSTALLED_APPS = []\nMIDDLEWARE_CLASSES = ["a.B"]\n';
// A fix (the old urlresolvers module) and no finding.
const VIEWS = "from django.core.urlresolvers import reverse\n\nreverse('home')\n";
const WARNING = /^proj\/settings\.py:2:1: warning: MIDDLEWARE_CLASSES is ignored since Django 2\.0.*https:\/\/docs\.djangoproject\.com\/.* \[django\/middleware-classes\]$/m;

afterAll(removeTrees);

function summary(stderr: string): string {
  return stderr.trim().split("\n").pop() ?? "";
}

describe.concurrent("findings", () => {
  it("a tree with only findings: exit 0, nothing written, warning on stderr and counted, stdout empty in every mode", async () => {
    for (const mode of [[], ["--diff"], ["--check"]]) {
      const root = makeTree({ "proj/settings.py": SETTINGS });
      const before = snapshot(root);
      const result = await runCli(root, [".", ...T20, ...mode]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(WARNING);
      expect(summary(result.stderr)).toMatch(/, 1 warning \(/);
      expect(changedFiles(before, snapshot(root))).toEqual([]);
    }
  });

  it("next to a fix: the diff and the file list on stdout hold no warning; exit 1 comes from the fix alone", async () => {
    const root = makeTree({ "proj/settings.py": SETTINGS, "proj/views.py": VIEWS });
    const diff = await runCli(root, [".", ...T20, "--diff"]);
    expect(diff.status, diff.stderr).toBe(1);
    expect(diff.stdout).toContain("+from django.urls import reverse");
    expect(diff.stdout).not.toContain("warning");
    expect(diff.stderr).toMatch(WARNING);
    const check = await runCli(root, [".", ...T20, "--check"]);
    expect(check.stdout).toBe("proj/views.py\n");
    expect(summary(check.stderr)).toMatch(/^pycodemod: 1 file would change \(1 fix\), 1 file unchanged, 1 warning/);
  });

  it("standard input: the code on stdout is the input, the warning on stderr, exit 0", async () => {
    const result = await runCli(makeTree(), ["-", ...T20, "--stdin-filename", "proj/settings.py"], SETTINGS);
    expect(result.stdout).toBe(SETTINGS);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(WARNING);
  });

  it("--format json carries the finding with file, line, rule and message", async () => {
    const root = makeTree({ "proj/settings.py": SETTINGS });
    const result = await runCli(root, [".", ...T20, "--format", "json"]);
    expect(result.status, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as { files: { path: string; findings: { rule: string; line: number; message: string }[] }[] };
    const file = doc.files.find((f) => f.path === "proj/settings.py")!;
    expect(file.findings).toEqual([expect.objectContaining({ rule: "django/middleware-classes", line: 2 })]);
    expect(file.findings[0]!.message).toContain("https://docs.djangoproject.com/");
  });
});
