// The public library API from src/index.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defineRule, rules, transform, transformTemplate, upgrade } from "../src/index.js";

/** Folders made by these tests, removed at the end so runs leave nothing under the temp dir. */
const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pycodemod-api-"));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("library API", () => {
  it("transform rewrites source for a target and reports fixes", async () => {
    const out = await transform("from django.utils.encoding import force_text\nforce_text(1)\n", { target: "django-5.0" });
    expect(out.changed).toBe(true);
    expect(out.code).toBe("from django.utils.encoding import force_str\nforce_str(1)\n");
    expect(out.fixes).toEqual([{ rule: "django/utils-encoding", message: "force_text → force_str", line: 1 }]);
  });

  it("transform applies no rule newer than the target", async () => {
    const source = "from django.utils.encoding import force_text\n";
    expect((await transform(source, { target: "django-2.2" })).code).toBe(source);
  });

  it("transform uses the filename for file roles", async () => {
    const source = "USE_L10N = True\nDEBUG = False\n";
    expect((await transform(source, { target: "django-5.0", filename: "app/views.py" })).changed).toBe(false);
    expect((await transform(source, { target: "django-5.0", filename: "proj/settings.py" })).code).toBe("DEBUG = False\n");
  });

  it("transform accepts rule names and custom rules", async () => {
    const source = "from django.utils.encoding import force_text\nfrom django.utils.translation import ugettext\n";
    const only = await transform(source, { target: "django-5.0", rules: ["utils_translation"] });
    expect(only.code).toBe("from django.utils.encoding import force_text\nfrom django.utils.translation import gettext\n");
    const custom = defineRule({
      id: "custom/shout", framework: "django", since: "1.7", summary: "test", needles: ["hello"],
      create(ctx) {
        return { module() { for (const n of ctx.facts.identifiers("hello")) ctx.fix("shout", [{ start: n.startIndex, end: n.endIndex, text: "HELLO" }]); } };
      },
    });
    expect((await transform("hello()\n", { target: "django-5.0", rules: [custom] })).code).toBe("HELLO()\n");
  });

  it("transform rejects an unknown target", async () => {
    await expect(transform("x = 1\n", { target: "django-9.9" })).rejects.toThrow(/unknown target/);
  });

  it("rules lists the registry", () => {
    expect(rules.map((r) => r.id)).toContain("django/utils-encoding");
  });

  it("upgrade reports per-file results and writes only when asked", async () => {
    const dir = tempDir();
    const file = path.join(dir, "a.py");
    const source = "from django.utils.encoding import smart_text\nsmart_text(1)\n";
    writeFileSync(file, source);
    const dry = await upgrade([dir], { target: "django-4.0" });
    expect(dry.results).toMatchObject([{ status: "changed", absolutePath: file }]);
    expect(readFileSync(file, "utf8")).toBe(source);
    await upgrade([dir], { target: "django-4.0", write: true });
    expect(readFileSync(file, "utf8")).toBe("from django.utils.encoding import smart_str\nsmart_str(1)\n");
  });

  it("transformTemplate upgrades a template's text; upgrade() takes templates under templates/ folders", async () => {
    const out = transformTemplate("{% load staticfiles %}{% ifequal a b %}x{% endifequal %}", { target: "django-4.0" });
    expect(out.code).toBe("{% load static %}{% if a == b %}x{% endif %}");
    expect(out.fixes.map((f) => f.rule)).toEqual(["templates/load-staticfiles", "templates/ifequal"]);
    const only = transformTemplate("{% load staticfiles %}", { target: "django-4.0", rules: ["templates/ifequal"] });
    expect(only.changed).toBe(false);
    const dir = tempDir();
    mkdirSync(path.join(dir, "templates"));
    writeFileSync(path.join(dir, "templates", "a.html"), "{% load admin_static %}\n");
    const run = await upgrade([dir], { target: "django-4.0" });
    expect(run.results).toMatchObject([{ status: "changed", template: true }]);
    expect((await upgrade([dir], { target: "django-4.0", templates: false })).results).toEqual([]);
  });
});
