// kill -9 at random moments of a write run over a large project: every file must always be either
// byte-identical to the original or to the fully rewritten version (never partial, never
// missing), and a normal run afterwards must finish the job and leave no temporary files behind.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureCases } from "./fixture-cases.js";
import { changedFiles, cleanupTemps, cli, cliAsync, describeRun, snapshot, strayTemps, tempDir } from "./hostile-helpers.js";

afterAll(cleanupTemps);

const TARGET = ["--target", "django-5.2"];
const FILES = 300;
const KILLS = 4;

/** 300 files that need rewriting (the transforming fixture inputs, byte for byte), a few of them large. */
function buildProject(root: string): void {
  const transforming = fixtureCases().filter((c) => c.expected !== undefined && !c.template);
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(root, `app_${String(i).padStart(3, "0")}`);
    if (i % 50 === 25) {
      // Large ones, spread through the run so kills land in them too.
      const parts = ["from django.utils.encoding import force_text, smart_text\n\n"];
      for (let j = 0; j < 2_500; j++) {
        const call = j % 50 === 0 ? "force_text" : "str";
        parts.push(`def view_${j}(request, pk=${j}):\n    obj = get(pk)\n    return ${call}(obj.title) + "${"x".repeat(j % 40)}"\n\n\n`);
      }
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "views.py"), parts.join(""));
      continue;
    }
    const c = transforming[i % transforming.length]!;
    const file = path.join(folder, c.filename);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, readFileSync(c.inputPath));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kill -9 during a write run", () => {
  it("leaves every file old or new, and the next run finishes with no stray temp files", async () => {
    const source = tempDir("pycodemod-crash-");
    buildProject(source);
    const original = snapshot(source);
    expect(original.size).toBe(FILES);

    // The fully rewritten version, from an uninterrupted run on a copy.
    const reference = tempDir("pycodemod-crash-ref-");
    cpSync(source, reference, { recursive: true });
    const full = await cli([...TARGET, "--quiet", "."], { cwd: reference, timeoutMs: 120_000 });
    expect(full.status, describeRun(full)).toBe(1);
    const expected = snapshot(reference);
    const rewritten = changedFiles(original, expected);
    expect(rewritten.length, "the project should be mostly files that need rewriting").toBeGreaterThan(FILES * 0.8);
    expect(strayTemps(reference)).toEqual([]);

    const work = tempDir("pycodemod-crash-work-");
    cpSync(source, work, { recursive: true });
    const log: string[] = [];
    let interrupted = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = cliAsync([...TARGET, "--quiet", "."], { cwd: work });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on("exit", (code, signal) => resolve({ code, signal })),
      );
      // Somewhere between start-up and the end of a full run; each run has less left to do than
      // the one before, so the window shrinks.
      const delay = Math.round(full.ms * (0.1 + Math.random() * 0.7) * (1 - k / (KILLS + 1)));
      await sleep(delay);
      child.kill("SIGKILL");
      const { code, signal } = await exited;
      if (signal === "SIGKILL") interrupted++;

      const now = snapshot(work);
      const done = [...now.keys()].filter((name) => expected.get(name)?.equals(now.get(name)!) && !original.get(name)!.equals(expected.get(name)!));
      log.push(`kill ${k + 1} after ${delay} ms (${signal ?? `exit ${code}`}): ${done.length} of ${rewritten.length} files rewritten, temp files: ${strayTemps(work).length}`);
      for (const [name, bytes] of original) {
        const after = now.get(name);
        expect(after, `${name} is missing after kill ${k + 1}\n${log.join("\n")}`).toBeDefined();
        const ok = after!.equals(bytes) || after!.equals(expected.get(name)!);
        expect(ok, `${name} is neither the original nor the rewritten version after kill ${k + 1}\n${log.join("\n")}`).toBe(true);
      }
      for (const name of now.keys()) {
        if (!original.has(name)) {
          expect(path.basename(name), `unexpected file ${name} after kill ${k + 1}`).toMatch(/^\.pycodemod-\d+-[0-9a-z]+\.tmp$/);
        }
      }
    }
    expect(interrupted, `no kill landed while the run was still going\n${log.join("\n")}`).toBeGreaterThan(0);

    // A normal run finishes the job: every file rewritten, and no temporary file left anywhere.
    const last = await cli([...TARGET, "--quiet", "."], { cwd: work, timeoutMs: 120_000 });
    expect([0, 1], describeRun(last)).toContain(last.status);
    const final = snapshot(work);
    expect(changedFiles(expected, final), log.join("\n")).toEqual([]);
    expect(strayTemps(work), log.join("\n")).toEqual([]);

    // And one more run has nothing left to do.
    const again = await cli([...TARGET, "--quiet", "."], { cwd: work, timeoutMs: 120_000 });
    expect(again.status, describeRun(again)).toBe(0);
  }, 180_000);
});
