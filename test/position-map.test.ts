// Findings and fixes are counted in the file the user has: the original text when nothing is
// written, the rewrite after a write. The engine maps places back through every pass's edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PassHistory } from "../src/engine/position-map.js";
import { loadParser } from "../src/engine/parser.js";
import { defineRule, lineOf } from "../src/engine/rule.js";
import { transformSync } from "../src/engine/transform.js";
import { makeTree, removeTrees, runCli } from "./cli-helpers.js";

beforeAll(async () => {
  await loadParser();
});
afterAll(removeTrees);

describe("PassHistory", () => {
  it("maps places after, inside and before edits back to the original text", () => {
    const history = new PassHistory();
    // "abcdef" → "aXYZdef" (bc → XYZ) → "NEW\naXYZdef" (insertion at 0)
    history.record([{ start: 1, end: 3, text: "XYZ" }]);
    history.record([{ start: 0, end: 0, text: "NEW\n" }]);
    expect(history.toOriginal(0)).toBe(0); // inside the inserted line: where it was inserted
    expect(history.toOriginal(4)).toBe(0); // "a"
    expect(history.toOriginal(6)).toBe(1); // inside "XYZ": the start of "bc"
    expect(history.toOriginal(8)).toBe(3); // "d"
    expect(history.toOriginal(10)).toBe(5); // "f"
    expect(history.toOriginal(2, 1)).toBe(1); // after the first pass only: inside "XYZ"
    expect(history.toOriginal(4, 1)).toBe(3);
  });

  it("handles several edits in one pass, deletions included", () => {
    const history = new PassHistory();
    // "0123456789" → "01" + "" + "456" + "AB" + "89"  (23 deleted, 7 → AB)
    history.record([{ start: 2, end: 4, text: "" }, { start: 7, end: 8, text: "AB" }]);
    expect(history.toOriginal(2)).toBe(4);
    expect(history.toOriginal(5)).toBe(7);
    expect(history.toOriginal(7)).toBe(8);
  });
});

describe("finding lines", () => {
  // Inserts a line at the top; reports `legacy()` calls.
  const insertTop = defineRule({
    id: "test/insert", framework: "django", since: "1.7", summary: "test", needles: ["legacy"],
    create(ctx) {
      return {
        module() {
          if (!ctx.source.startsWith("import new\n")) ctx.fix("insert", [{ start: 0, end: 0, text: "import new\n" }]);
        },
      };
    },
  });
  const report = defineRule({
    id: "test/report", framework: "django", since: "1.7", summary: "test", needles: ["legacy"],
    create(ctx) {
      return {
        call(node) {
          if (node.childForFieldName("function")?.text === "legacy") ctx.report(node, "legacy() is gone");
        },
      };
    },
  });

  it("gives the rewritten place and, when it differs, the original one", () => {
    const out = transformSync("x = 1\nlegacy()\n", { rules: [insertTop, report], targets: { django: "5.0" }, filename: "m.py" });
    expect(out.code).toBe("import new\nx = 1\nlegacy()\n");
    expect(out.findings).toEqual([{ rule: "test/report", message: "legacy() is gone", line: 3, column: 1, original: { line: 2, column: 1 } }]);
    expect(out.fixes).toEqual([{ rule: "test/insert", message: "insert", line: 1 }]);
  });

  it("leaves out the original place when nothing moved", () => {
    const out = transformSync("legacy()\n", { rules: [report], targets: { django: "5.0" }, filename: "m.py" });
    expect(out.findings).toEqual([{ rule: "test/report", message: "legacy() is gone", line: 1, column: 1 }]);
  });
});

describe("finding lines through the CLI", () => {
  // The fix adds an import line above; the __isnull finding sits on line 5 before, 6 after.
  const MODELS = [
    "from django.db import models",
    "",
    "class A(models.Model):",
    "    ids = models.CommaSeparatedIntegerField()",
    "    q = A.objects.filter(b__isnull='yes')",
    "",
  ].join("\n");

  it("--check and --diff count in the original file, a write in the rewritten one", async () => {
    for (const [mode, line] of [["--check", 5], ["--diff", 5], [undefined, 6]] as const) {
      const root = makeTree({ "app/models.py": MODELS });
      const result = await runCli(root, ["app/models.py", "--target", "django-3.1", ...(mode ? [mode] : [])]);
      expect(result.stderr).toMatch(new RegExp(`^app/models\\.py:${line}:\\d+: warning: .*\\[django/isnull-non-boolean\\]$`, "m"));
    }
  });
});

describe("finding lines on standard input", () => {
  const MODELS = "from django.db import models\n\nclass A(models.Model):\n    ids = models.CommaSeparatedIntegerField()\n    q = A.objects.filter(b__isnull='yes')\n";

  it("count in the code printed: the rewrite in write mode, the input with --diff", async () => {
    for (const [mode, line] of [["--diff", 5], [undefined, 6]] as const) {
      const result = await runCli(makeTree(), ["-", "--target", "django-3.1", "--stdin-filename", "app/models.py", ...(mode ? [mode] : [])], MODELS);
      expect(result.stderr).toMatch(new RegExp(`^app/models\\.py:${line}:\\d+: warning: .*\\[django/isnull-non-boolean\\]$`, "m"));
    }
  });
});

describe("lines named inside a message (lineOf)", () => {
  const insertTop = defineRule({
    id: "test/insert2", framework: "django", since: "1.7", summary: "test", needles: ["legacy"],
    create(ctx) {
      return { module() { if (!ctx.source.startsWith("import new\n")) ctx.fix("insert", [{ start: 0, end: 0, text: "import new\n" }]); } };
    },
  });
  const pointBack = defineRule({
    id: "test/point", framework: "django", since: "1.7", summary: "test", needles: ["legacy"],
    create(ctx) {
      return {
        module() {
          const first = ctx.source.indexOf("legacy(");
          const second = ctx.source.indexOf("legacy(", first + 1);
          if (second > 0) ctx.report(second, `called again after ${lineOf(first)}`);
        },
      };
    },
  });

  it("counts in the same text as the finding: rewritten in `message`, original in `original.message`", () => {
    const out = transformSync("legacy()\nlegacy()\n", { rules: [insertTop, pointBack], targets: { django: "5.0" }, filename: "m.py" });
    expect(out.findings).toEqual([{
      rule: "test/point", message: "called again after line 2", line: 3, column: 1,
      original: { line: 2, column: 1, message: "called again after line 1" },
    }]);
  });

  it("needs no original when nothing moved", () => {
    const out = transformSync("legacy()\nlegacy()\n", { rules: [pointBack], targets: { django: "5.0" }, filename: "m.py" });
    expect(out.findings).toEqual([{ rule: "test/point", message: "called again after line 1", line: 2, column: 1 }]);
  });
});
