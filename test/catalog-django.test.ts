// docs/catalog-django.md is hand-written: every rule it names must exist, with the kind it states,
// so the table cannot silently point at a rule that was renamed, removed or turned into a finding.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleKind } from "../src/engine/rule.js";
import { allRules } from "../src/rules.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const rows = readFileSync(path.join(ROOT, "docs", "catalog-django.md"), "utf8")
  .split("\n")
  .filter((line) => /^\| D\d+ /.test(line))
  .map((line) => line.split("|").map((cell) => cell.trim()));

describe("docs/catalog-django.md", () => {
  it("has rows", () => {
    expect(rows.length).toBeGreaterThan(60);
  });

  it.each(rows.filter((r) => r[3] !== "—").map((r) => [r[1], r[3], r[4]] as const))("%s names %s, a %s rule", (_row, id, kind) => {
    const rule = allRules.find((r) => r.id === id);
    expect(rule, id).toBeDefined();
    const actual = ruleKind(rule!);
    // "fix + finding" is a fix rule that also reports the shapes it leaves.
    expect(actual).toBe(kind === "finding" ? "finding" : "fix");
  });

  it("marks a row without a rule as MISSING", () => {
    for (const r of rows.filter((r) => r[3] === "—")) expect(r[4], r[1]).toBe("MISSING");
  });
});
