// Declined style rewrites through the real CLI: a style rule (admin-register) that leaves a call
// alone is not a warning; `--verbose` lists it on stderr (file:line, rule, why), and nothing else
// changes: not the summary's warning count, not the JSON findings, not stdout, not the exit code.
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./cli-helpers.js";

const T = ["--target", "django-5.0", "--select", "django/admin-register"];
// Line 12: options make Django build another admin class, so the decorator would change behaviour.
const ADMIN = [
  "from django.contrib import admin",
  "",
  "from blog.models import Post",
  "",
  "",
  "class PostAdmin(admin.ModelAdmin):",
  "    pass",
  "",
  "",
  "",
  "",
  'admin.site.register(Post, PostAdmin, list_display=["title"])',
  "",
].join("\n");
const DECLINED = /^blog\/admin\.py:12: django\/admin-register: style rewrite declined: .*options.*$/m;

afterAll(removeTrees);

describe.concurrent("declined style rewrites", () => {
  it("without --verbose: no line, no warning, exit 0", async () => {
    const root = makeTree({ "blog/admin.py": ADMIN });
    const result = await runCli(root, [".", ...T, "--no-cache"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/declined|warning/);
  });

  it("--verbose lists it on stderr, once, and the summary counts no warning", async () => {
    const root = makeTree({ "blog/admin.py": ADMIN });
    const result = await runCli(root, [".", ...T, "--verbose", "--no-cache"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(DECLINED);
    expect(result.stderr.match(/style rewrite declined/g)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/warning/);
  });

  it("--verbose lists it again when the second run answers from the cache", async () => {
    const root = makeTree({ "blog/admin.py": ADMIN });
    await runCli(root, [".", ...T]);
    const again = await runCli(root, [".", ...T, "--verbose"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(DECLINED);
  });

  it("--verbose --format json: the line on stderr, no finding in the document", async () => {
    const root = makeTree({ "blog/admin.py": ADMIN });
    const result = await runCli(root, [".", ...T, "--verbose", "--format", "json", "--no-cache"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(DECLINED);
    const doc = JSON.parse(result.stdout) as { summary: { findings: number }; files: { findings: unknown[] }[] };
    expect(doc.summary.findings).toBe(0);
    expect(doc.files.flatMap((f) => f.findings)).toEqual([]);
    expect(result.stdout).not.toContain("declined");
  });

  it("standard input with --verbose: the code unchanged on stdout, the line on stderr, exit 0", async () => {
    const result = await runCli(makeTree(), ["-", ...T, "--verbose", "--stdin-filename", "blog/admin.py"], ADMIN);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(ADMIN);
    expect(result.stderr).toMatch(DECLINED);
  });

  it("next to a fix in another file: exit 1 comes from the fix alone", async () => {
    const root = makeTree({ "blog/admin.py": ADMIN, "blog/views.py": "from django.utils.encoding import force_text\nforce_text(1)\n" });
    const result = await runCli(root, [".", "--target", "django-5.0", "--verbose", "--no-cache"]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(DECLINED);
    expect(result.stderr).not.toMatch(/warning/);
  });
});
