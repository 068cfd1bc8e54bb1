// Importer indexes built once per shared run (src/shared-importers.ts): the first thread to ask
// builds an index and posts its statements; another thread rebuilds it from them and must answer
// exactly as an index that read the files; anything unexpected ends in a thread building its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProjectImporters } from "../src/project-importers.js";
import { ProjectView } from "../src/project-view.js";
import { importerBoard, SharedImporters } from "../src/shared-importers.js";

let tree: string;
const at = (rel: string) => path.join(tree, rel);
const FILES: Record<string, string> = {
  "app/__init__.py": "",
  "app/compat.py": "from django.utils.encoding import force_text, smart_text\nfrom django.utils import six\n",
  "app/models.py": "import app.compat, os.path as p\nfrom app.compat import (  # old\n    force_text,\n    smart_text as st,\n)\n",
  "app/views.py": "from . import compat\nfrom .compat import *\nx = compat.six\n",
  "app/pkg/__init__.py": "from ..compat import \\\n    six\nfrom ...outside import y\n",
  "app/strings.py": "TEXT = 'from app.models import force_text'\n",
};

beforeAll(() => {
  tree = mkdtempSync(path.join(os.tmpdir(), "pycodemod-shared-importers-"));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), text);
  }
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** Two threads' worth of sharing in one thread: one board, one channel. */
function pair(): [SharedImporters, SharedImporters] {
  const board = importerBoard();
  const { port1, port2 } = new MessageChannel();
  return [new SharedImporters({ board, ports: [port1] }), new SharedImporters({ board, ports: [port2] })];
}

describe("importer indexes shared between threads", () => {
  it("an index rebuilt from another's statements answers every question the same", () => {
    const files = Object.keys(FILES).map(at);
    const resolve = (importer: string, spec: string) => {
      const base = spec.startsWith(".") ? path.dirname(importer) : tree;
      const file = path.join(base, ...spec.replace(/^\./, "").split("."));
      return files.find((f) => f === `${file}.py` || f === path.join(file, "__init__.py"));
    };
    const read = new ProjectImporters(files, tree, resolve);
    const rebuilt = new ProjectImporters(read.statements(), tree, resolve);
    expect(read.statements().spec.length).toBeGreaterThan(8);
    let answered = 0;
    for (const module of files) {
      for (const name of ["force_text", "smart_text", "six", "compat", "y", "path"]) {
        for (const hasAll of [false, true]) {
          const expected = read.importerOf(module, name, hasAll);
          if (expected) answered++;
          expect(rebuilt.importerOf(module, name, hasAll)).toEqual(expected);
        }
      }
    }
    expect(answered).toBeGreaterThan(3);
  });

  it("the first thread to ask builds and posts; the other rebuilds from the statements", () => {
    const [a, b] = pair();
    const index = new ProjectImporters([at("app/models.py")], tree, () => undefined);
    const calls: string[] = [];
    expect(a.obtain("/root", () => (calls.push("a builds"), index), () => (calls.push("a rebuilds"), index))).toBe(index);
    const again = b.obtain("/root", () => (calls.push("b builds"), index), (statements) => {
      calls.push("b rebuilds");
      expect(statements).toEqual(index.statements());
      return index;
    });
    expect(again).toBe(index);
    expect(calls).toEqual(["a builds", "b rebuilds"]);
  });

  it("a thread that finds no statements for its root (a failed builder, two roots in one slot) builds its own", () => {
    const [a, b] = pair();
    const index = new ProjectImporters([], tree, () => undefined);
    expect(() => a.obtain("/failing", () => {
      throw new Error("unreadable");
    }, () => index)).toThrow("unreadable");
    let built = 0;
    expect(b.obtain("/failing", () => (built++, index), () => index)).toBe(index);
    expect(built).toBe(1);
  });

  it("project views that share their indexes answer as a view on its own", () => {
    const [a, b] = pair();
    const alone = new ProjectView({ cwd: tree, roots: [] });
    const first = new ProjectView({ cwd: tree, roots: [] });
    const second = new ProjectView({ cwd: tree, roots: [] });
    first.shareImporters(a);
    second.shareImporters(b);
    for (const [module, name] of [["app/compat.py", "force_text"], ["app/compat.py", "six"], ["app/compat.py", "smart_text"], ["app/models.py", "st"]] as const) {
      const expected = alone.importedFrom(module, name, false);
      expect(first.importedFrom(module, name, false)).toBe(expected);
      expect(second.importedFrom(module, name, false)).toBe(expected);
    }
    expect(alone.importedFrom("app/compat.py", "force_text", false)).toBe("app/models.py:2");
  });
});
