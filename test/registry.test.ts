// The registry lists every rule file, ids are unique, every rule has a fixture folder, and the
// generated catalog is up to date.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allRules as registry, selectRules } from "../src/rules.js";
import { parseTargets } from "../src/target.js";
import { renderRuleCatalog } from "../src/report/rule-docs.js";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("rule registry", () => {
  it("lists every rule file under codemods/<framework>/", () => {
    const files = readdirSync(path.join(ROOT, "codemods"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(ROOT, "codemods", d.name)).filter((f) => f.endsWith(".ts")).map((f) => `${d.name}/${f.slice(0, -3)}`));
    expect(files.sort()).toEqual(registry.map((r) => r.id).sort());
  });

  it("has unique ids and aliases", () => {
    const names = registry.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("gives every rule a fixture folder", () => {
    for (const rule of registry) expect(existsSync(path.join(ROOT, "fixtures", rule.id)), rule.id).toBe(true);
  });

  it("docs/rules.md matches the rules (run npm run docs:rules)", () => {
    expect(readFileSync(path.join(ROOT, "docs", "rules.md"), "utf8")).toBe(renderRuleCatalog(registry));
  });

  it("applies a rule with a deprecation window (until) only inside it", () => {
    const windowed = registry.filter((r) => r.until);
    expect(windowed.map((r) => r.id).sort()).toEqual(["django/forms-urlfield-assume-scheme", "django/postgres-aggregate-default"]);
    const ids = (target: string) => selectRules({ targets: parseTargets(target) }).map((r) => r.id);
    expect(ids("django-5.2")).toContain("django/forms-urlfield-assume-scheme");
    expect(ids("django-6.0")).not.toContain("django/forms-urlfield-assume-scheme");
    expect(ids("django-4.2")).toContain("django/postgres-aggregate-default");
    expect(ids("django-5.0")).not.toContain("django/postgres-aggregate-default");
  });
});
