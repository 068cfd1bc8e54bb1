// The launcher's V8 code cache (src/launch/load-bundle.ts): used when it belongs to the build and
// Node at hand and is intact, ignored and rewritten otherwise, never a reason for a run to fail.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheLocations, checksum, loadBundle, readCodeCache, writeCodeCache } from "../src/launch/load-bundle.js";
import { BIN, makeTree, removeTrees, REPO, runCli } from "./cli-helpers.js";

afterAll(removeTrees);

/** A stand-in for dist/: bundle/app.js (CommonJS, exports main) and build-id.txt beside bundle/. */
function fakeDist(buildId = "build-one"): { bundle: string; cacheDir: string } {
  const root = makeTree({
    "dist/build-id.txt": `${buildId}\n`,
    "dist/bundle/app.js": [
      "const double = (n) => n * 2;",
      "exports.main = async (argv) => double(argv.length) + (typeof __pycodemod_import === 'function' ? 100 : 0);",
      "exports.runWorker = async () => {};",
    ].join("\n"),
  });
  return { bundle: path.join(root, "dist/bundle/app.js"), cacheDir: path.join(root, "dist/bundle") };
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".cache"));

describe("code cache", () => {
  it("is written after a first run and used by the next", async () => {
    const { bundle, cacheDir } = fakeDist();
    const first = loadBundle(bundle);
    expect(first.fromCache).toBe(false);
    expect(await first.exports.main(["a", "b"])).toBe(104); // the bundle runs, with import() lent
    first.saveCodeCache();
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    const second = loadBundle(bundle);
    expect(second.fromCache).toBe(true);
    expect(await second.exports.main(["a"])).toBe(102);
  });

  it("a damaged, truncated or foreign cache is ignored, and replaced by a good one", () => {
    const { bundle, cacheDir } = fakeDist();
    loadBundle(bundle).saveCodeCache();
    const [name] = cacheFiles(cacheDir);
    const file = path.join(cacheDir, name!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10] ^= 0xff;
    for (const bad of [damaged, good.subarray(0, good.length - 1), Buffer.from("garbage"), Buffer.alloc(0)]) {
      writeFileSync(file, bad);
      const loaded = loadBundle(bundle);
      expect(loaded.fromCache).toBe(false);
      loaded.saveCodeCache();
      expect(loadBundle(bundle).fromCache).toBe(true);
    }
  });

  it("belongs to one build: another build id ignores it", () => {
    const { bundle } = fakeDist("build-one");
    loadBundle(bundle).saveCodeCache();
    writeFileSync(path.join(path.dirname(bundle), "..", "build-id.txt"), "build-two\n");
    expect(loadBundle(bundle).fromCache).toBe(false);
  });

  it("without a build id, or with PYCODEMOD_CODE_CACHE=0, nothing is read or written", () => {
    const { bundle, cacheDir } = fakeDist("");
    loadBundle(bundle).saveCodeCache();
    expect(cacheFiles(cacheDir)).toEqual([]);
    const other = fakeDist();
    process.env.PYCODEMOD_CODE_CACHE = "0";
    try {
      loadBundle(other.bundle).saveCodeCache();
    } finally {
      delete process.env.PYCODEMOD_CODE_CACHE;
    }
    expect(cacheFiles(other.cacheDir)).toEqual([]);
  });

  it("an unwritable location is passed over for the next; none writable is no error", () => {
    const root = makeTree({ "not-a-folder": "x" });
    const blocked = path.join(root, "not-a-folder", "sub", "x.cache");
    const fallback = path.join(root, "user-cache", "x.cache");
    const payload = Buffer.from("payload bytes");
    expect(writeCodeCache([blocked, fallback], "tag", payload)).toBe(fallback);
    expect(readCodeCache(fallback, "tag")).toEqual(payload);
    expect(readCodeCache(fallback, "other tag")).toBeUndefined();
    expect(writeCodeCache([blocked], "tag", payload)).toBeUndefined();
    expect(readdirSync(path.join(root))).toEqual(["not-a-folder", "user-cache"]); // no temp file left
  });

  it("falls back to the user's cache folder (XDG_CACHE_HOME) after the bundle's own", () => {
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = "/somewhere/cache";
    try {
      const [beside, user] = [...cacheLocations("/pkg/dist/bundle/pycodemod.js", "0123456789abcdef0123")];
      // The test runner starts this process with node options of its own: a suffix names them.
      const node = `${process.version}-${process.arch}`.replaceAll(".", "\\.");
      expect(beside).toMatch(new RegExp(`^/pkg/dist/bundle/pycodemod\\.js\\.${node}(-[0-9a-f]+)?\\.cache$`));
      expect(user).toMatch(new RegExp(`^/somewhere/cache/pycodemod/0123456789abcdef-pycodemod\\.js\\.${node}(-[0-9a-f]+)?\\.cache$`));
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });

  it("a start with other node options (flags V8 checks a cache against) uses a file of its own", () => {
    const saved = process.env.NODE_OPTIONS;
    const nameWith = (options: string | undefined) => {
      if (options === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = options;
      return cacheLocations("/pkg/dist/bundle/pycodemod.js", "0123456789abcdef0123").next().value;
    };
    try {
      const names = [nameWith("--max-old-space-size=4096"), nameWith("--max-old-space-size=8192"), nameWith("--max-old-space-size=4096")];
      expect(names[0]).not.toBe(names[1]);
      expect(names[0]).toBe(names[2]);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
  });

  it("checksum tells bytes apart", () => {
    expect(checksum(Buffer.from("abc"))).not.toBe(checksum(Buffer.from("abd")));
    expect(checksum(Buffer.from("abc"))).toBe(checksum(Buffer.from("abc")));
  });
});

describe("the built CLI and its code cache", () => {
  it("the build leaves a code cache beside the bundle, and the CLI runs with it and with a damaged one", async () => {
    const dir = path.join(REPO, "dist/bundle");
    // (Starts with other node options, `node --cpu-prof bin/pycodemod.js`, leave files of their own.)
    const name = `pycodemod.js.${process.version}-${process.arch}.cache`;
    expect(cacheFiles(dir)).toContain(name);
    const file = path.join(dir, name);
    const good = readFileSync(file);
    expect(readCodeCache(file, `${readFileSync(path.join(REPO, "dist/build-id.txt"), "utf8").trim()} ${process.version} ${process.arch}`)).toBeDefined();
    const root = makeTree({ "a.py": "from django.utils.encoding import force_text\n\nx = force_text(1)\n" });
    const expectRewrite = async () => {
      const result = await runCli(root, ["--target", "django-5.0", "--diff", "--no-cache", "a.py"]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toContain("+from django.utils.encoding import force_str");
    };
    try {
      await expectRewrite();
      const damaged = Buffer.from(good);
      damaged[Math.floor(damaged.length / 2)] ^= 0xff;
      writeFileSync(file, damaged);
      await expectRewrite();
      expect(readFileSync(file).equals(damaged)).toBe(false); // replaced by a good one
      expect(existsSync(BIN)).toBe(true);
    } finally {
      writeFileSync(file, good);
    }
  });

  it("the build's cache is accepted by a run that parses: not rewritten", async () => {
    // V8 rejects a cache made under other flag values. The CLI used to raise a WebAssembly flag
    // for good when the grammar loaded, so the cache the build's warm-up wrote was rejected (and
    // written again) by every later start (src/engine/wasm-tiering.ts).
    const file = path.join(REPO, "dist/bundle", `pycodemod.js.${process.version}-${process.arch}.cache`);
    const before = statSync(file);
    const root = makeTree({ "a.py": "from django.utils.encoding import force_text\n\nx = force_text(1)\n" });
    for (let run = 0; run < 2; run++) {
      const result = await runCli(root, ["--target", "django-5.0", "--diff", "--no-cache", "a.py"]);
      expect(result.status, result.stderr).toBe(1);
    }
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it("a worker thread loads the same bundle", async () => {
    // Enough work that a worker is started (runner.ts PARALLEL_MIN_BYTES).
    const line = "from django.utils.encoding import force_text\n\nx = force_text(1)\n" + `# ${"padding ".repeat(120)}\n`.repeat(30);
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`m${i}.py`] = line;
    const root = makeTree(files);
    const result = await runCli(root, ["--target", "django-5.0", "--check", "--no-cache", "-j", "2", "."]);
    expect(result.stderr).toContain("40 files would change");
    expect(result.status).toBe(1);
  });
});
