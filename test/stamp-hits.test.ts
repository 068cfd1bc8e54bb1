// The warm run's shortcut (src/stamp-hits.ts): it must answer exactly the files the full pipeline
// would answer from their stamps, with the same result, and leave every other file to it.
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ResultCache, stampFor, type CacheSnapshot } from "../src/cache.js";
import { triageFile, type FileJob, type JobSettings } from "../src/process-file.js";
import { selectRules } from "../src/rules.js";
import { answerStampHits } from "../src/stamp-hits.js";
import { parseTargets } from "../src/target.js";
import { makeTree, removeTrees, runCli } from "./cli-helpers.js";
import type { TemplateSettings } from "../src/templates/process.js";

afterAll(removeTrees);

const targets = parseTargets("django-5.0");
const rules = selectRules({ targets });
const templates: TemplateSettings = { rules: [], targets, write: false, keepText: false, ownLibrary: () => false };
/** Stamps are trusted only once the file's times are some seconds old: look from the future. */
const later = () => Date.now() + 60_000;

function setup(files: Record<string, string>) {
  const root = makeTree(files);
  const job = (display: string, extra: Partial<FileJob> = {}): FileJob => ({ absolute: path.join(root, display), display, ...extra });
  const stamp = (display: string, salt = "") => stampFor(statSync(path.join(root, display)), salt, later())!;
  return { root, job, stamp };
}

function settingsWith(entries: CacheSnapshot, more: Partial<JobSettings> = {}): JobSettings {
  return { rules, targets, write: false, keepText: false, templates, cache: ResultCache.reader(entries), ...more };
}

describe("answerStampHits", () => {
  it("answers a file whose stamp is recorded, with the very result triage gives for it", () => {
    const { job, stamp } = setup({ "a.py": "x = 1\n", "templates/t.html": "<p></p>\n" });
    const finding = { rule: "django/x", line: 1, column: 0, message: "m" };
    const entries: CacheSnapshot = {
      "a.py": { h: "spoiled", t: stamp("a.py"), f: [finding as never] },
      "templates/t.html": { h: "spoiled", t: stamp("templates/t.html") },
    };
    const settings = settingsWith(entries);
    const jobs = [job("a.py"), job("templates/t.html", { template: true })];
    const answers = answerStampHits(jobs, [settings], settings.cache!, later());
    expect(answers[0]).toMatchObject({ path: "a.py", status: "unchanged", findings: [finding] });
    expect(answers[1]).toMatchObject({ path: "templates/t.html", template: true, status: "unchanged" });
    // Triage, asked from the same moment, gives the same objects, keys in the same order.
    const realNow = Date.now;
    const future = later();
    Date.now = () => future;
    try {
      for (const [i, one] of jobs.entries()) {
        const triaged = triageFile(one, settings);
        expect("done" in triaged).toBe(true);
        expect(JSON.stringify(answers[i])).toBe(JSON.stringify((triaged as { done: unknown }).done));
      }
    } finally {
      Date.now = realNow;
    }
  });

  it("leaves to the pipeline a moved stamp, a missing stamp, a changed dependency, a salt of another profile, dotenv files and templates not processed", () => {
    const { root, job, stamp } = setup({ "moved.py": "x = 1\n", "bare.py": "x = 1\n", "dep.py": "x = 1\n", "other.py": "x = 1\n", "salted.py": "x = 1\n", ".env": "A=1\n", "t.html": "<p></p>\n" });
    const dependency = path.join(root, "other.py");
    const entries: CacheSnapshot = {
      "moved.py": { h: "h", t: `1${stamp("moved.py")}` },
      "bare.py": { h: "h" },
      "dep.py": { h: "h", t: stamp("dep.py"), d: [[dependency, 1, 0]] },
      "salted.py": { h: "h", t: stamp("salted.py") },
      ".env": { h: "h", t: stamp(".env") },
      "t.html": { h: "h", t: stamp("t.html") },
    };
    const plain = settingsWith(entries, { templates: undefined });
    const salted = settingsWith(entries, { cacheSalt: '{"target":"django-4.2"}' });
    const jobs = [job("moved.py"), job("bare.py"), job("dep.py"), job("salted.py", { profile: 1 }), job(".env", { dotenv: true }), job("t.html", { template: true })];
    expect(answerStampHits(jobs, [plain, salted], plain.cache!, later())).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    // The same dependency as it is now, and the salted stamp: both answered.
    const now = statSync(dependency);
    entries["dep.py"]!.d = [[dependency, now.size, now.mtimeMs]];
    entries["salted.py"]!.t = stamp("salted.py", salted.cacheSalt);
    const answers = answerStampHits(jobs, [plain, salted], plain.cache!, later());
    expect(answers.map((a) => a?.path)).toEqual([undefined, undefined, "dep.py", "salted.py", undefined, undefined]);
  });

  it("gives nothing for a stamp too fresh to vouch for the file", () => {
    const { job, stamp } = setup({ "a.py": "x = 1\n" });
    const settings = settingsWith({ "a.py": { h: "h", t: stamp("a.py") } });
    expect(answerStampHits([job("a.py")], [settings], settings.cache!)).toEqual([undefined]);
  });
});

describe("the shortcut in a run", () => {
  it("hands results out in discovery order when hits and misses alternate", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`app/m${String(i).padStart(2, "0")}.py`] = i % 3 === 0 ? "from django.utils.encoding import force_text\n" : `x = ${i}\n`;
    const root = makeTree(files);
    await new Promise((resolve) => setTimeout(resolve, 3_200)); // old enough for stamps
    const args = ["-t", "django-5.0", "--check", "--format", "json", "-j", "2", "."];
    const cold = await runCli(root, args);
    // Every fourth file changes (a miss for the next run), in place and at once.
    for (let i = 0; i < 40; i += 4) writeFileSync(path.join(root, `app/m${String(i).padStart(2, "0")}.py`), `y = ${i}\n`);
    const warm = await runCli(root, args);
    const uncached = await runCli(root, [...args, "--no-cache"]);
    expect(warm.stdout).toBe(uncached.stdout);
    expect(JSON.parse(warm.stdout).files.map((f: { path: string }) => f.path)).toEqual(Object.keys(files));
    expect(cold.stdout).not.toBe(warm.stdout);
  }, 60_000);
});
