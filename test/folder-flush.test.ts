// Each folder a run wrote into is flushed once, as soon as the results have passed the folder's
// last file (src/folder-flush.ts), so the flushes overlap the rest of the run.
import { describe, expect, it } from "vitest";
import { FolderFlusher } from "../src/folder-flush.js";

describe("FolderFlusher", () => {
  it("flushes a written folder once, after its last file in discovery order, and the rest at the end", async () => {
    // Discovery walks a folder's entries in name order, so a subfolder's files can sit between
    // the files of its parent.
    const files = ["/p/a/one.py", "/p/a/sub/two.py", "/p/a/three.py", "/p/b/four.py", "/p/c/five.py"].map((absolute) => ({ absolute }));
    const flushed: string[] = [];
    const flusher = new FolderFlusher(files, async (dir) => {
      flushed.push(dir);
    });
    flusher.pass({ folder: "/p/a" });
    flusher.pass({ folder: "/p/a/sub" });
    expect(flushed).toEqual(["/p/a/sub"]);
    flusher.pass({});
    expect(flushed).toEqual(["/p/a/sub", "/p/a"]);
    flusher.pass({}); // b: nothing written, nothing flushed
    expect(flushed).toEqual(["/p/a/sub", "/p/a"]);
    // A link: the rewrite landed in the folder the link points at; that folder is flushed.
    flusher.pass({ folder: "/real/c" });
    expect(flushed).toEqual(["/p/a/sub", "/p/a", "/real/c"]);
    await flusher.finish();
    expect(flushed).toEqual(["/p/a/sub", "/p/a", "/real/c"]);
  });

  it("flushes at the end what a run that stopped early wrote", async () => {
    const flushed: string[] = [];
    const flusher = new FolderFlusher([{ absolute: "/p/a/one.py" }, { absolute: "/p/a/two.py" }], async (dir) => {
      flushed.push(dir);
    });
    flusher.pass({ folder: "/p/a" });
    expect(flushed).toEqual([]);
    await flusher.finish();
    expect(flushed).toEqual(["/p/a"]);
  });
});
