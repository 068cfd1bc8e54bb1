// The kept folder walk (src/walk-memo.ts): used only while every folder it listed and every file
// that decided it is as it was, so that it always gives what walking again would give.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discover, type DiscoverOptions, type DiscoveryResult } from "../src/discover.js";
import { discoverWithTemplates } from "../src/templates/discover.js";
import { walkMemo } from "../src/walk-memo.js";
import { makeTree, removeTrees, writeTree } from "./cli-helpers.js";

afterAll(removeTrees);

/** A stamp is kept only for paths whose times are some seconds old (cache.ts RACY_MS). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_200));

const BASE = {
  "pkg/__init__.py": "",
  "pkg/a.py": "x = 1\n",
  "pkg/sub/b.py": "y = 2\n",
  "pkg/templates/pkg/page.html": "<p></p>\n",
  "other/c.py": "z = 3\n",
  "settings.py": "TEMPLATES = [{'DIRS': [BASE_DIR / 'extra']}]\nBASE_DIR = 1\n",
  ".gitignore": "ignored.py\n",
  "pkg/.gitignore": "local.py\n",
};

interface Case {
  root: string;
  /** Runs the kept walk; says whether it walked. */
  run: () => { result: DiscoveryResult; walked: boolean };
  fresh: () => DiscoveryResult;
}

function caseOf(files: Record<string, string> = BASE, templates = false): Case {
  // A .git at the top: the walk does not look above it (the machine's /tmp changes all the time).
  // The cache folder is there already, as after a first run (making it moves the root's time).
  const root = makeTree({ ...files, ".git/HEAD": "ref: refs/heads/main\n", ".pycodemod_cache/.gitignore": "*\n" });
  const options: DiscoverOptions = { cwd: root };
  const walkOf = (o: DiscoverOptions) => (templates ? discoverWithTemplates(["."], o) : discover(["."], o));
  return {
    root,
    run: () => {
      let walked = false;
      const remember = walkMemo(root, ["."], options, "test-build")!;
      const result = remember(templates ? "templates" : "python", (o) => {
        walked = true;
        return walkOf(o);
      });
      return { result, walked };
    },
    fresh: () => walkOf(options),
  };
}

function kept(root: string): string[] {
  const dir = path.join(root, ".pycodemod_cache");
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith("walk-")) : [];
}

const cases = new Map<string, Case>();
const outsides = new Map<string, string>();
const NAMES = [
  "unchanged", "added", "removed", "renamed", "folder", "gitignore", "parent-gitignore", "content", "link-folder", "link-target", "link-broken",
  "corrupt", "settings", "templates-unchanged",
] as const;

beforeAll(async () => {
  for (const name of NAMES) cases.set(name, caseOf(BASE, name.startsWith("templates") || name === "settings"));
  // Links lead out of the walked tree: a change behind them moves no folder the walk listed by itself.
  for (const name of ["link-folder", "link-target", "link-broken"]) {
    const root = cases.get(name)!.root;
    const outside = makeTree({ "elsewhere/d.py": "d = 1\n", "elsewhere2/e.py": "e = 1\n", "files/f.py": "f = 1\n" });
    outsides.set(name, outside);
    symlinkSync(path.join(outside, "elsewhere"), path.join(root, "pkg/linked"));
    symlinkSync(path.join(outside, "files/f.py"), path.join(root, "pkg/f_link.py"));
  }
  await settle();
  // Every case is walked once, and the walk is kept.
  for (const one of cases.values()) {
    const first = one.run();
    expect(first.walked).toBe(true);
    expect(kept(one.root)).toHaveLength(1);
  }
}, 60_000);

/** After a change: the kept walk is not used, and the answer is what a fresh walk gives. */
function expectWalkedAgain(name: string): void {
  const one = cases.get(name)!;
  const second = one.run();
  expect(second.walked).toBe(true);
  expect(second.result).toEqual(one.fresh());
}

describe("kept folder walk", () => {
  it("answers an unchanged tree without walking, with what a walk gives, and leaves the kept file as it was", () => {
    for (const name of ["unchanged", "templates-unchanged"]) {
      const one = cases.get(name)!;
      const file = path.join(one.root, ".pycodemod_cache", kept(one.root)[0]!);
      const before = readFileSync(file);
      const again = one.run();
      expect(again.walked).toBe(false);
      expect(again.result).toEqual(one.fresh());
      expect(again.result.files.length).toBeGreaterThan(3);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it("walks again when a file is added, removed or renamed in place", () => {
    writeFileSync(path.join(cases.get("added")!.root, "pkg/sub/new.py"), "");
    unlinkSync(path.join(cases.get("removed")!.root, "pkg/sub/b.py"));
    renameSync(path.join(cases.get("renamed")!.root, "pkg/sub/b.py"), path.join(cases.get("renamed")!.root, "pkg/sub/c.py"));
    for (const name of ["added", "removed", "renamed"]) expectWalkedAgain(name);
    expect(cases.get("added")!.fresh().files.map((f) => f.display)).toContain("pkg/sub/new.py");
  });

  it("walks again when a folder is added", () => {
    writeTree(cases.get("folder")!.root, { "pkg/sub/deeper/n.py": "" });
    expectWalkedAgain("folder");
  });

  it("walks again when a .gitignore changes, in the folder or in a parent, even at the same size", () => {
    writeFileSync(path.join(cases.get("gitignore")!.root, "pkg/.gitignore"), "a.py\n\n\n\n");
    writeFileSync(path.join(cases.get("parent-gitignore")!.root, ".gitignore"), "sub/\n\n\n\n\n");
    expectWalkedAgain("gitignore");
    expectWalkedAgain("parent-gitignore");
    expect(cases.get("gitignore")!.fresh().files.map((f) => f.display)).not.toContain("pkg/a.py");
  });

  it("uses the kept walk when only a file's content changed (the listing is the same)", () => {
    const one = cases.get("content")!;
    writeFileSync(path.join(one.root, "pkg/a.py"), "x = 'longer now'\n");
    const again = one.run();
    expect(again.walked).toBe(false);
    expect(again.result).toEqual(one.fresh());
  });

  it("follows symbolic links again: a link pointed elsewhere, a new file behind a link, a link gone broken", () => {
    // The linked folder swapped for another under the same name, out of the walked tree.
    const outside = outsides.get("link-folder")!;
    renameSync(path.join(outside, "elsewhere"), path.join(outside, "before"));
    renameSync(path.join(outside, "elsewhere2"), path.join(outside, "elsewhere"));
    expectWalkedAgain("link-folder");
    expect(cases.get("link-folder")!.fresh().files.map((f) => f.display)).toContain("pkg/linked/e.py");
    writeFileSync(path.join(outsides.get("link-target")!, "elsewhere/g.py"), "");
    expectWalkedAgain("link-target");
    expect(cases.get("link-target")!.fresh().files.map((f) => f.display)).toContain("pkg/linked/g.py");
    // A link to a file whose target goes: only looking through the link again tells.
    unlinkSync(path.join(outsides.get("link-broken")!, "files/f.py"));
    const broken = cases.get("link-broken")!;
    const second = broken.run();
    expect(second.walked).toBe(true);
    expect(second.result.errors.map((e) => e.path)).toEqual(["pkg/f_link.py"]);
  });

  it("walks again when a settings module's content changes (its template DIRS decide)", () => {
    const one = cases.get("settings")!;
    writeTree(one.root, { "extra/t.html": "<p></p>\n" });
    writeFileSync(path.join(one.root, "settings.py"), readFileSync(path.join(one.root, "settings.py"), "utf8").replace("BASE_DIR = 1", "BASE_DIR = 2"));
    expectWalkedAgain("settings");
  });

  it("ignores a corrupt kept walk and keeps a new one", () => {
    const one = cases.get("corrupt")!;
    const file = path.join(one.root, ".pycodemod_cache", kept(one.root)[0]!);
    writeFileSync(file, "{ not json");
    expectWalkedAgain("corrupt");
    expect(JSON.parse(readFileSync(file, "utf8")).format).toBe(1);
  });

  it("keeps nothing while the tree's times are too recent to vouch for it (a write in the same clock tick)", () => {
    const one = caseOf();
    expect(one.run().walked).toBe(true);
    expect(kept(one.root)).toEqual([]);
    writeFileSync(path.join(one.root, "pkg/sub/same-tick.py"), "");
    const again = one.run();
    expect(again.walked).toBe(true);
    expect(again.result).toEqual(one.fresh());
  });

  it("keeps nothing without a build id, and nothing for a walk that met an error", async () => {
    expect(walkMemo("/nowhere", ["."], {}, "")).toBeUndefined();
    const root = makeTree({ "a.py": "", ".git/HEAD": "", ".pycodemod_cache/.gitignore": "*\n" });
    symlinkSync(path.join(root, "missing.py"), path.join(root, "dangling.py"));
    await settle();
    const remember = walkMemo(root, ["."], { cwd: root }, "test-build")!;
    const result = remember("python", (o) => discover(["."], o));
    expect(result.errors).toHaveLength(1);
    expect(kept(root)).toEqual([]);
  }, 30_000);
});

describe("kept folder walk: the probe", () => {
  it("leaves no probe folder behind", () => {
    const one = cases.get("unchanged")!;
    expect(readdirSync(path.join(one.root, ".pycodemod_cache")).filter((n) => n.includes("probe"))).toEqual([]);
  });
});
