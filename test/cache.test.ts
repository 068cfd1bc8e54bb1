// The result cache (.pycodemod_cache/) through the real CLI: used on a repeated run, invalidated by
// a change of content or configuration, ignored when corrupt, skipped with --no-cache.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli } from "./cli-helpers.js";

afterAll(removeTrees);

const LEGACY = "from django.utils.encoding import force_text\n\nprint(force_text(b'x'))\n";
const CLEAN = "import os\n\nprint(os.sep)\n";
const WARNS = "MIDDLEWARE_CLASSES = ['a.B']\n";

function cacheFiles(root: string): string[] {
  const dir = path.join(root, ".pycodemod_cache");
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith("results-")) : [];
}

function entries(root: string): Record<string, { h: string; f?: unknown[] }> {
  const [file] = cacheFiles(root);
  return (JSON.parse(readFileSync(path.join(root, ".pycodemod_cache", file!), "utf8")) as { entries: Record<string, { h: string }> }).entries;
}

describe("result cache", () => {
  it("keeps unchanged results, ignores itself for git, and answers a second run the same way", async () => {
    const root = makeTree({ "app/legacy.py": LEGACY, "app/clean.py": CLEAN });
    const first = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(first.status).toBe(1);
    expect(readFileSync(path.join(root, ".pycodemod_cache/.gitignore"), "utf8")).toMatch(/^\*$/m);
    // Only the file that changes nothing is kept: a changed file must be diffed every time.
    expect(Object.keys(entries(root))).toEqual(["app/clean.py"]);
    const second = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
  });

  it("serves a cached result instead of working the file out again", async () => {
    const root = makeTree({ "app/a.py": CLEAN });
    await runCli(root, ["-t", "django-5.0", "--check", "."]);
    // Put legacy code in the file but leave the cache claiming its old hash is this content:
    // a run that trusts the entry reports nothing, one that does not reports the change.
    const cacheFile = path.join(root, ".pycodemod_cache", cacheFiles(root)[0]!);
    const data = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { h: string }> };
    writeFileSync(path.join(root, "app/a.py"), LEGACY);
    const { createHash } = await import("node:crypto");
    data.entries["app/a.py"]!.h = createHash("sha1").update(LEGACY).digest("base64url");
    writeFileSync(cacheFile, JSON.stringify(data));
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "--no-cache", "."])).status).toBe(1);
  });

  it("notices a changed file, and a changed configuration", async () => {
    const root = makeTree({ "app/a.py": CLEAN });
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    writeFileSync(path.join(root, "app/a.py"), LEGACY);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).stdout).toBe("app/a.py\n");
    // force_text becomes deprecated in 3.0: below it, nothing to do, whatever the cache holds.
    expect((await runCli(root, ["-t", "django-2.2", "--check", "."])).status).toBe(0);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "--ignore", "django/utils-encoding", "."])).status).toBe(0);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).stdout).toBe("app/a.py\n");
  });

  it("replays findings of cached files", async () => {
    const root = makeTree({ "settings.py": WARNS });
    const first = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    const second = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(first.stderr).toContain("warning");
    expect(second.stderr).toBe(first.stderr);
    expect(Object.values(entries(root))[0]!.f).toHaveLength(1);
  });

  it("ignores a corrupt cache and rebuilds it", async () => {
    const root = makeTree({ "app/a.py": LEGACY, "app/b.py": CLEAN });
    await runCli(root, ["-t", "django-5.0", "--check", "."]);
    const cacheFile = path.join(root, ".pycodemod_cache", cacheFiles(root)[0]!);
    writeFileSync(cacheFile, "{ not json");
    const run = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("app/a.py\n");
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")).entries)).toEqual(["app/b.py"]);
  });

  it("writes nothing with --no-cache", async () => {
    const root = makeTree({ "app/a.py": CLEAN });
    await runCli(root, ["-t", "django-5.0", "--check", "--no-cache", "."]);
    expect(existsSync(path.join(root, ".pycodemod_cache"))).toBe(false);
  });

  it("keeps a rewritten file's new bytes, so a second run finds everything cached and rewrites no cache", async () => {
    const root = makeTree({ "app/a.py": LEGACY, "app/b.py": CLEAN, "settings.py": WARNS });
    expect((await runCli(root, ["-t", "django-5.0", "."])).status).toBe(1);
    const cacheFile = path.join(root, ".pycodemod_cache", cacheFiles(root)[0]!);
    expect(Object.keys(entries(root)).sort()).toEqual(["app/a.py", "app/b.py", "settings.py"]);
    const before = readFileSync(cacheFile);
    const second = await runCli(root, ["-t", "django-5.0", "."]);
    expect(second.status).toBe(0);
    expect(second.stderr).toContain("warning");
    expect(readFileSync(cacheFile).equals(before)).toBe(true);
  });

  it("lets a rewritten file be cached by the next run", async () => {
    const root = makeTree({ "app/a.py": LEGACY });
    expect((await runCli(root, ["-t", "django-5.0", "."])).status).toBe(1);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(Object.keys(entries(root))).toEqual(["app/a.py"]);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
  });
});

describe("result cache and the project view", () => {
  it("works a file out again when a module it star-imports changes", async () => {
    const user = "from django.utils.encoding import force_text\nfrom .helpers import *\n\nprint(force_text(b'x'))\n";
    const root = makeTree({ "app/__init__.py": "", "app/helpers.py": "__all__ = [n for n in dir()]\n", "app/user.py": user });
    // helpers builds __all__ at run time, so it may rebind force_text: user.py is left alone.
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(entries(root)["app/user.py"]).toBeDefined();
    writeFileSync(path.join(root, "app/helpers.py"), "HELPER = 1\n");
    const after = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(after.stdout).toBe("app/user.py\n");
  });
});
