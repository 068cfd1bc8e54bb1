// The result cache (.pycodemod_cache/) through the real CLI: used on a repeated run, invalidated by
// a change of content or configuration, ignored when corrupt, skipped with --no-cache.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
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

function entries(root: string): Record<string, { h: string; t?: string; f?: unknown[]; p?: unknown[] }> {
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

  it("keeps a file's syntax error, and reports it again from the cache until the file changes", async () => {
    const broken = "from django.utils.encoding import force_text\n\ndef f(:\n    return force_text(1)\n";
    const root = makeTree({ "app/bad.py": broken });
    const first = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(first.status).toBe(2);
    expect(first.stderr).toContain("app/bad.py:3:");
    expect(entries(root)["app/bad.py"]).toMatchObject({ p: [{ kind: "syntax-error" }] });
    const second = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(first.stderr);
    writeFileSync(path.join(root, "app/bad.py"), LEGACY);
    const fixed = await runCli(root, ["-t", "django-5.0", "--check", "."]);
    expect(fixed.status).toBe(1);
    expect(fixed.stdout).toBe("app/bad.py\n");
  });

  it("writes nothing with --no-cache", async () => {
    const root = makeTree({ "app/a.py": CLEAN });
    await runCli(root, ["-t", "django-5.0", "--check", "--no-cache", "."]);
    expect(existsSync(path.join(root, ".pycodemod_cache"))).toBe(false);
  });

  it("keeps a rewritten file's new bytes, so a second run finds everything cached and rewrites no cache", async () => {
    const root = makeTree({
      "app/a.py": LEGACY, "app/b.py": CLEAN, "settings.py": WARNS,
      // A rewritten template, and a module whose star import reads a module this run rewrites.
      "app/templates/page.html": "{% load staticfiles %}\n",
      "conf/__init__.py": "",
      "conf/settings/__init__.py": "",
      "conf/settings/base.py": 'INSTALLED_APPS = []\nROOT_URLCONF = "conf.urls"\nDEFAULT_FILE_STORAGE = "a.B"\n',
      "conf/settings/dev.py": 'from .base import *\n\nSTATICFILES_STORAGE = "c.D"\n',
    });
    expect((await runCli(root, ["-t", "django-5.0", "."])).status).toBe(1);
    expect(Object.keys(entries(root)).sort()).toEqual([
      "app/a.py", "app/b.py", "app/templates/page.html", "conf/__init__.py", "conf/settings/__init__.py", "conf/settings/base.py",
      "conf/settings/dev.py", "settings.py",
    ]);
    expect(entries(root)["conf/settings/dev.py"]).toHaveProperty("d"); // it read the base's settings
    const cacheFile = path.join(root, ".pycodemod_cache", cacheFiles(root)[0]!);
    const before = readFileSync(cacheFile);
    const second = await runCli(root, ["-t", "django-5.0", "."]);
    expect(second.status).toBe(0);
    expect(second.stderr).toContain("warning");
    // Not a byte of the cache changes: stamps found missing wait for a run that has more to write.
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

describe("result cache: stamps and templates", () => {
  // A stamp is recorded only for files whose times are some seconds old (cache.ts RACY_MS).
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_200));
  const STATIC_LOAD = "{% load staticfiles %}\n<img src=\"{% static 'a.png' %}\">\n";

  it("a file whose stamp has not moved is answered from the cache without being read; a touched or changed one is read", async () => {
    // A clean file as long as LEGACY, so that it can later become LEGACY without a change of size.
    const padded = `# ${"x".repeat(LEGACY.length - 3)}\n`;
    const root = makeTree({ "app/a.py": padded, "app/templates/app/plain.html": "<p>{{ name }}</p>\n" });
    await settle();
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    const cacheFile = path.join(root, ".pycodemod_cache", cacheFiles(root)[0]!);
    const first = entries(root);
    expect(first["app/a.py"]!.t).toMatch(/^\d+:/);
    expect(first["app/templates/app/plain.html"]!.t).toMatch(/^\d+:/); // templates are cached too
    // Spoil the recorded hashes: only an answer taken from the stamps can still say "unchanged".
    const spoiled = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { h: string }> };
    for (const entry of Object.values(spoiled.entries)) entry.h = "spoiled";
    writeFileSync(cacheFile, JSON.stringify(spoiled));
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(readFileSync(cacheFile, "utf8")).toContain('"h":"spoiled"'); // nothing was worked out again
    // The same bytes with another time: read and hashed (the hash being spoiled: worked out again).
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, "app/a.py"), past, past);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(entries(root)["app/a.py"]!.h).not.toBe("spoiled");
    await settle();
    // Old enough now, and unchanged: answered by its bytes, and its stamp waits for a run that
    // writes the cache anyway: a run that finds everything as it was leaves the cache file alone.
    const settled = readFileSync(cacheFile);
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(readFileSync(cacheFile).equals(settled)).toBe(true);
    expect(entries(root)["app/a.py"]!.t).toBeUndefined();
    writeFileSync(path.join(root, "app/b.py"), "x = 1\n"); // a new file: this run writes the cache
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(entries(root)["app/a.py"]!.t).toMatch(/^\d+:/);
    // Legacy code of the same size with the modification time set back, looked at once the change
    // is no longer recent: the change time tells.
    writeFileSync(path.join(root, "app/a.py"), LEGACY);
    utimesSync(path.join(root, "app/a.py"), past, past);
    await settle();
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).stdout).toBe("app/a.py\n");
  }, 90_000);

  it("a template of a sub-project is worked out again when the sub-project's own target moves", async () => {
    // The sub-project's target salts its files' entries; templates' too, or the answer worked out
    // at django-3.0 (ifequal is still fine there) would be served at django-4.0.
    const root = makeTree({
      "requirements.txt": "Django>=4.0\n",
      "app/views.py": "x = 1\n",
      "sub/requirements.txt": "Django>=3.0\n",
      "sub/app/views.py": "y = 1\n",
      "sub/app/templates/app/page.html": "{% ifequal a b %}x{% endifequal %}\n",
    });
    await settle();
    expect((await runCli(root, ["--check", "."])).status).toBe(0);
    expect(entries(root)["sub/app/templates/app/page.html"]!.t).toMatch(/^\d+:/);
    writeFileSync(path.join(root, "sub/requirements.txt"), "Django>=4.0\n");
    const second = await runCli(root, ["--check", "."]);
    expect(second.stdout).toBe("sub/app/templates/app/page.html\n");
    expect(second.status).toBe(1);
  }, 90_000);

  it("a template whose answer asked for the project's own tag libraries is not kept", async () => {
    const root = makeTree({
      "app/templatetags/__init__.py": "",
      "app/templatetags/staticfiles.py": "x = 1\n",
      "app/templates/app/page.html": STATIC_LOAD,
    });
    // The project defines its own staticfiles library: the load is left alone, and not cached.
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).status).toBe(0);
    expect(entries(root)["app/templates/app/page.html"]).toBeUndefined();
    rmSync(path.join(root, "app/templatetags/staticfiles.py"));
    expect((await runCli(root, ["-t", "django-5.0", "--check", "."])).stdout).toBe("app/templates/app/page.html\n");
  });
});
