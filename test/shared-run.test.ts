// A run shared between the main thread and a worker (src/pool.ts, src/take-files.ts) must say and
// do exactly what a run on one thread does: the same diff, the same findings in the same order,
// the same bytes written, the same cache answers. Every third fixture input of the repository
// (about 600 files, transforming and must-not-change, templates included) in one tree, far past
// WORKER_MIN_FILES, so the threads split the files between them.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, removeTrees, runCli, snapshot } from "./cli-helpers.js";
import { fixtureCases } from "./fixture-cases.js";
import { WORKER_MIN_FILES } from "../src/runner.js";

afterAll(removeTrees, 60_000);

const TARGETS = ["--target", "django-5.2", "--target", "flask-3.1"];
const SLOW = 120_000; // several CLI runs over 600 files on a loaded 2-core machine

function fixtureTree(): string {
  const root = makeTree();
  const cases = fixtureCases().filter((_, i) => i % 3 === 0);
  cases.forEach((c, i) => {
    const file = path.join(root, `case_${String(i).padStart(4, "0")}`, c.filename);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, readFileSync(c.inputPath));
  });
  expect(cases.length).toBeGreaterThan(WORKER_MIN_FILES * 10);
  expect(cases.filter((c) => c.template).length).toBeGreaterThan(5);
  return root;
}

const run = (root: string, args: string[]) => runCli(root, [...TARGETS, "--exit-zero-even-if-changed", ...args, "."], undefined, SLOW);

describe.concurrent("one thread or two: the same run", () => {
  it("--diff and --format json print the same bytes with --jobs 1 and --jobs 2", async () => {
    const root = fixtureTree();
    for (const mode of [["--diff"], ["--check", "--format", "json"]]) {
      const one = await run(root, [...mode, "--no-cache", "--jobs", "1"]);
      const two = await run(root, [...mode, "--no-cache", "--jobs", "2"]);
      expect(one.stdout.length).toBeGreaterThan(5_000);
      expect(two.stderr).not.toMatch(/internal error|worker/i);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.status).toBe(one.status);
    }
  }, SLOW);

  it("write mode leaves the same bytes and prints the same with --jobs 1 and --jobs 2", async () => {
    const one = fixtureTree();
    const two = makeTree();
    cpSync(one, two, { recursive: true });
    const before = snapshot(one);
    const ran1 = await run(one, ["--no-cache", "--jobs", "1"]);
    const ran2 = await run(two, ["--no-cache", "--jobs", "2"]);
    expect(ran2.stdout).toBe(ran1.stdout);
    expect(ran2.stderr).toBe(ran1.stderr);
    const after1 = snapshot(one);
    const after2 = snapshot(two);
    expect([...after2.keys()]).toEqual([...after1.keys()]); // no temporary file left behind
    for (const [name, bytes] of after1) expect(after2.get(name)!.equals(bytes), name).toBe(true);
    expect([...after1].filter(([name, bytes]) => !before.get(name)!.equals(bytes)).length).toBeGreaterThan(100);
  }, SLOW);

  it("with the cache, a worker's answers are settled into it and served from it like the main thread's", async () => {
    const root = fixtureTree();
    const json = ["--check", "--format", "json"];
    const changedIn = (stdout: string) =>
      (JSON.parse(stdout) as { files: { path: string; status: string }[] }).files.filter((f) => f.status !== "unchanged").map((f) => f.path);
    const fresh = await run(root, [...json, "--no-cache", "--jobs", "1"]);
    const filling = await run(root, [...json, "--jobs", "2"]);
    const served = await run(root, [...json, "--jobs", "2"]);
    expect(filling.stdout).toBe(fresh.stdout);
    expect(served.stdout).toBe(fresh.stdout);
    // Entries only for files that changed nothing, whichever thread worked them out.
    const cacheDir = path.join(root, ".pycodemod_cache");
    const cacheFile = path.join(cacheDir, [...snapshot(cacheDir).keys()].find((name) => name.startsWith("results-"))!);
    const data = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { h: string; d?: [string, number, number][] }> };
    const changed = new Set(changedIn(fresh.stdout));
    for (const name of Object.keys(data.entries)) expect(changed.has(name), name).toBe(false);
    // Files other entries depend on (star-imported settings) are left alone: changing them rightly
    // makes the cache work their dependants out again.
    const needed = new Set(Object.values(data.entries).flatMap((e) => (e.d ?? []).map(([file]) => path.relative(root, file).split(path.sep).join("/"))));
    const cached = Object.keys(data.entries).filter((name) => name.endsWith(".py") && !needed.has(name));
    expect(cached.length).toBeGreaterThan(WORKER_MIN_FILES * 4);
    // Legacy code added to every cached file, with each entry claiming the new bytes as its own:
    // a thread that trusts the cache reports none of them, one that works them out reports them.
    const legacy = "\nfrom django.utils.encoding import force_text\nforce_text(1)\n";
    for (const name of cached) {
      const bytes = Buffer.concat([readFileSync(path.join(root, name)), Buffer.from(legacy)]);
      writeFileSync(path.join(root, name), bytes);
      data.entries[name]!.h = createHash("sha1").update(bytes).digest("base64url");
    }
    writeFileSync(cacheFile, JSON.stringify(data));
    expect(changedIn((await run(root, [...json, "--jobs", "2"])).stdout)).toEqual([...changed]);
    const worked = changedIn((await run(root, [...json, "--no-cache", "--jobs", "2"])).stdout);
    expect(worked.length).toBeGreaterThan(changed.size + cached.length / 2);
  }, SLOW);
});
