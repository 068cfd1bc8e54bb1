// displayPath() takes a shortcut for plain paths under the working directory (src/discover.ts,
// plainlyUnder); it must answer exactly what the path.relative route answers, for every path.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../src/discover.js";

/** The answer before the shortcut existed. */
function reference(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}

/** Every joining of `k` pieces: names, dots, dot-names and stray slashes. */
function joinings(k: number): string[] {
  const pieces = ["", "/", "a", "b", ".", "..", "a.b", ".a", "..a", "a..", "/a/", "//"];
  let out = [""];
  for (let i = 0; i < k; i++) out = out.flatMap((p) => pieces.map((q) => p + q));
  return [...new Set(out)];
}

describe("displayPath", () => {
  it.runIf(path.sep === "/")("answers as path.relative does, for plain and unplain paths alike", () => {
    const bases = joinings(2).map((x) => `/${x}`);
    const files = joinings(3).map((x) => `/${x}`);
    const wrong: string[] = [];
    let shortcut = 0;
    for (const cwd of bases) {
      for (const file of files) {
        const answer = displayPath(file, cwd);
        if (answer !== reference(file, cwd)) wrong.push(`${file} from ${cwd}: ${answer}`);
        if (answer !== file) shortcut++;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(shortcut).toBeGreaterThan(1000); // the comparison covered files inside the folder
  });

  it("a file under the working directory is shown relative, one outside it absolute", () => {
    expect(displayPath("/work/p/app/views.py", "/work/p")).toBe("app/views.py");
    expect(displayPath("/work/q/views.py", "/work/p")).toBe("/work/q/views.py");
    expect(displayPath("/work/p", "/work/p")).toBe("/work/p");
    expect(displayPath("/work/pp/x.py", "/work/p")).toBe("/work/pp/x.py");
  });
});
