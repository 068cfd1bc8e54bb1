// `pycodemod plan` and `--from ... --step` end to end, through the real CLI on a copy of the
// bundled example project.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, copyOf, makeTree, removeTrees, runCli, snapshot } from "./cli-helpers.js";

afterAll(removeTrees);

const EXAMPLE = "examples/django-legacy";

/**
 * Python files of a tree whose text matches `pattern` (what a rule is known to fix there),
 * leaving out build/, which the example's .gitignore hides from pycodemod.
 */
function filesMatching(root: string, pattern: RegExp): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "build") walk(full);
      }
      else if (name.endsWith(".py") && pattern.test(readFileSync(full, "utf8"))) count++;
    }
  };
  walk(root);
  return count;
}

interface JsonPlan {
  journeys: { framework: string; from: string; to: string }[];
  rows: { stage: string; notes?: string; fixes: { rule: string; files: number; sites: number }[]; findings: { count: number } }[];
  totals: { files: number; sites: number; findings: number };
}

describe("pycodemod plan", () => {
  it("lists now and each release on the way, with the fixes the example needs at each", async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runCli(root, ["plan", "--target", "django-5.0", "--from", "django-3.2", "--format", "json", "."]);
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as JsonPlan;
    expect(plan.journeys).toEqual([{ framework: "django", from: "3.2", to: "5.0" }]);
    expect(plan.rows.map((r) => r.stage)).toEqual(["now", "django-4.0", "django-4.1", "django-4.2", "django-5.0"]);
    const now = plan.rows[0]!;
    expect(now.notes).toBeUndefined();
    expect(plan.rows[1]!.notes).toBe("https://docs.djangoproject.com/en/4.0/releases/4.0/");
    // force_text and friends: deprecated in 3.0, so their fix already works on 3.2.
    const encoding = now.fixes.find((f) => f.rule === "django/utils-encoding");
    expect(encoding?.files).toBe(filesMatching(root, /\b(force_text|smart_text)\b/));
    // USE_L10N's removal comes with 4.0: fixed in that row, not earlier.
    expect(plan.rows.find((r) => r.stage === "django-4.0")!.fixes.map((f) => f.rule)).toContain("django/use-l10n");
    expect(now.fixes.map((f) => f.rule)).not.toContain("django/use-l10n");
    const sites = plan.rows.flatMap((r) => r.fixes).reduce((n, f) => n + f.sites, 0);
    expect(plan.totals.sites).toBe(sites);
    // It writes nothing.
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("puts a rule older than --from in the 'now' row and starts the rows after --from", async () => {
    const root = copyOf(EXAMPLE);
    const result = await runCli(root, ["plan", "-t", "django-5.0", "--from", "django-1.11", "--format", "json", "."]);
    const plan = JSON.parse(result.stdout) as JsonPlan;
    expect(plan.rows[1]!.stage).toBe("django-2.0");
    // url() → path() works from 2.0 on: fixed in the 2.0 row.
    expect(plan.rows[1]!.fixes.map((f) => f.rule)).toContain("django/django-urls");
    expect(plan.rows[0]!.fixes.map((f) => f.rule)).not.toContain("django/django-urls");
  });

  it("prints an aligned table by default and a pull-request report with --format markdown", async () => {
    const root = copyOf(EXAMPLE);
    const text = await runCli(root, ["plan", "--target", "django-5.0", "--from", "django-3.2", "."]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^release\s+rule\s+files\s+sites$/m);
    expect(text.stdout).toMatch(/^now\s+django\/\S+\s+\d+\s+\d+$/m);
    expect(text.stdout).toMatch(/^django-4\.0\s+django\/use-l10n\s+1\s+1$/m);
    expect(text.stdout).toMatch(/^total: \d+ fixes in \d+ files/m);
    expect(text.stdout).not.toContain("\x1b[");
    const markdown = await runCli(root, ["plan", "--target", "django-5.0", "--from", "django-3.2", "--format", "markdown", "."]);
    expect(markdown.stdout).toContain("## Upgrade plan: django-3.2 → django-5.0");
    expect(markdown.stdout).toContain("### django-4.0");
    expect(markdown.stdout).toContain("| `django/use-l10n` | 1 | 1 |");
  });

  it("reads the current version from the project's requirements when --from is not given", async () => {
    const root = copyOf(EXAMPLE);
    writeFileSync(path.join(root, "requirements.txt"), "Django>=3.2,<4.0\n");
    const result = await runCli(root, ["plan", "--target", "django-5.0", "--format", "json", "."]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("runs on django-3.2 now");
    expect((JSON.parse(result.stdout) as JsonPlan).journeys).toEqual([{ framework: "django", from: "3.2", to: "5.0" }]);
  });

  it("refuses what it cannot answer, with exit 2", async () => {
    const root = copyOf(EXAMPLE);
    rmSync(path.join(root, "requirements.txt"));
    const noFrom = await runCli(root, ["plan", "--target", "django-5.0", "."]);
    expect(noFrom.status).toBe(2);
    expect(noFrom.stderr).toContain("--from");
    const backwards = await runCli(root, ["plan", "--target", "django-3.2", "--from", "django-4.0", "."]);
    expect(backwards.status).toBe(2);
    const stray = await runCli(root, ["--target", "django-5.0", "--from", "django-3.2", "."]);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain("--from goes with --step or plan");
    const markdown = await runCli(root, ["--target", "django-5.0", "--format", "markdown", "."]);
    expect(markdown.status).toBe(2);
  });
});

/** The "next: pycodemod ..." command a step printed, as argv (it quotes nothing here). */
function nextCommand(stderr: string): string[] | undefined {
  const match = /next: pycodemod (.+)$/m.exec(stderr);
  return match ? match[1]!.split(" ") : undefined;
}

describe("--from ... --step", () => {
  it("applies one release at a time and ends in the same tree as one direct run", async () => {
    const stepped = copyOf(EXAMPLE);
    const direct = copyOf(EXAMPLE);
    let argv: string[] | undefined = ["--target", "django-5.0", "--from", "django-1.11", "--step", "-q", "."];
    const applied: string[] = [];
    for (let i = 0; argv && i < 20; i++) {
      const result = await runCli(stepped, argv);
      expect([0, 1]).toContain(result.status);
      applied.push(/the fixes of (\S+)/.exec(result.stderr)![1]!);
      argv = nextCommand(result.stderr);
      if (!argv) expect(result.stderr).toContain("that was the last step");
    }
    expect(applied).toEqual([
      "django-2.0", "django-2.1", "django-2.2", "django-3.0", "django-3.1", "django-3.2",
      "django-4.0", "django-4.1", "django-4.2", "django-5.0",
    ]);
    expect((await runCli(direct, ["--target", "django-5.0", "-q", "."])).status).toBe(1);
    const a = snapshot(stepped);
    const b = snapshot(direct);
    expect(changedFiles(a, b)).toEqual([]);
    expect(a.size).toBeGreaterThan(10);
  });

  it("applies only the next release: the 4.0 fixes are left for the 4.0 step", async () => {
    const root = copyOf(EXAMPLE);
    const settings = "legacy_site/settings.py";
    const first = await runCli(root, ["--target", "django-5.0", "--from", "django-3.1", "--step", "."]);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain("applied the fixes of django-3.2 (from django-3.1)");
    expect(first.stderr).toContain("next: pycodemod --target django-5.0 --from django-3.2 --step .");
    expect(readFileSync(path.join(root, settings), "utf8")).toMatch(/USE_L10N/);
    const second = await runCli(root, ["--target", "django-5.0", "--from", "django-3.2", "--step", "--check", "."]);
    expect(second.stderr).toContain("would apply the fixes of django-4.0 (from django-3.2)");
    expect(second.stdout).toContain(settings);
  });

  it("says so when there is no step left", async () => {
    const root = copyOf(EXAMPLE);
    const result = await runCli(root, ["--target", "django-5.0", "--from", "django-5.0", "--step", "."]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("no step left");
  });
});

describe("--step and deprecation windows", () => {
  it("leaves out a rule whose window the last step closes, as a direct run does", async () => {
    const files = { "app/forms.py": "from django import forms\n\n\nclass F(forms.Form):\n    site = forms.URLField()\n" };
    const stepped = makeTree(files);
    const direct = makeTree(files);
    let argv: string[] | undefined = ["--target", "django-6.0", "--from", "django-4.2", "--step", "-q", "."];
    for (let i = 0; argv && i < 10; i++) argv = nextCommand((await runCli(stepped, argv)).stderr);
    await runCli(direct, ["--target", "django-6.0", "-q", "."]);
    expect(changedFiles(snapshot(stepped), snapshot(direct))).toEqual([]);
    // Stepping only to 5.2, inside the window, pins the old default.
    const inside = makeTree(files);
    await runCli(inside, ["--target", "django-5.2", "--from", "django-4.2", "--step", "-q", "."]);
    await runCli(inside, ["--target", "django-5.2", "--from", "django-5.0", "--step", "-q", "."]);
    await runCli(inside, ["--target", "django-5.2", "--from", "django-5.1", "--step", "-q", "."]);
    expect(readFileSync(path.join(inside, "app/forms.py"), "utf8")).toContain('assume_scheme="http"');
  });
});
