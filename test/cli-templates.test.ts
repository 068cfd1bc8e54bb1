// End to end for Django templates: discovery (templates/ folders, settings DIRS, Jinja left out,
// .gitignore, --exclude, hidden folders, explicit names), the modes and exit codes, json, the
// summary line and --no-templates. Needs a built dist/ (npm test builds first).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, copyOf, makeTree, read, removeTrees, runCli, snapshot } from "./cli-helpers.js";

const T50 = ["--target", "django-5.0"];
const OLD = "{% load i18n staticfiles %}\n{% ifequal a b %}same{% endifequal %}\n";
const NEW = "{% load i18n static %}\n{% if a == b %}same{% endif %}\n";

function project(): string {
  return makeTree({
    "site/settings.py": [
      "import os",
      "from pathlib import Path",
      "BASE_DIR = Path(__file__).resolve().parent.parent",
      "TEMPLATES = [",
      '    {"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [BASE_DIR / "theme", os.path.join(BASE_DIR, "mail")]},',
      '    {"BACKEND": "django.template.backends.jinja2.Jinja2", "DIRS": [str(BASE_DIR / "templates" / "jinja")]},',
      "]",
      "",
    ].join("\n"),
    "site/views.py": "x = 1\n",
    "app/templates/app/page.html": OLD,
    "app/templates/app/note.txt": "{% load staticfiles %}plain text\n",
    "app/templates/app/clean.html": "{% load static %}<p>nothing to do</p>\n",
    "app/templates/app/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]),
    "app/templates/app/macro.jinja": OLD,
    "templates/jinja/page.html": OLD,
    "theme/base.html": OLD,
    "mail/welcome.email": OLD,
    "outside/page.html": OLD,
    ".hidden/templates/page.html": OLD,
    "vendor/templates/page.html": OLD,
    "app/static/js/templates/row.html": OLD,
    ".gitignore": "vendor/\n",
  });
}

const TEMPLATES_CHANGED = ["app/templates/app/note.txt", "app/templates/app/page.html", "mail/welcome.email", "theme/base.html"];

afterAll(removeTrees);

describe.concurrent("Django templates on the command line", () => {
  it("finds templates under templates/ folders and settings DIRS, leaves Jinja, hidden, ignored and other folders alone", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(changedFiles(before, snapshot(root))).toEqual(TEMPLATES_CHANGED);
    expect(read(root, "app/templates/app/page.html")).toBe(NEW);
    expect(result.stderr).toMatch(/app\/templates\/app\/page\.html:1: fixed: .*\[templates\/load-staticfiles\]/);
    expect(result.stderr).toMatch(/pycodemod: 0 files rewritten \(0 fixes\), 2 files unchanged, 5 templates: 4 rewritten \(7 fixes\), 1 unchanged\n$/);
    const again = await runCli(root, [".", ...T50]);
    expect(again.status, again.stderr).toBe(0);
  });

  it("--check lists the templates that would change and writes nothing", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--check"]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean).sort()).toEqual(TEMPLATES_CHANGED);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("--diff prints a unified diff of templates", async () => {
    const root = project();
    const result = await runCli(root, ["app", ...T50, "--diff"]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("--- a/app/templates/app/page.html\n+++ b/app/templates/app/page.html\n");
    expect(result.stdout).toContain("-{% load i18n staticfiles %}\n-{% ifequal a b %}same{% endifequal %}\n+{% load i18n static %}\n+{% if a == b %}same{% endif %}\n");
  });

  it("--format json marks template results", async () => {
    const root = project();
    const result = await runCli(root, ["app", ...T50, "--check", "--format", "json"]);
    const data = JSON.parse(result.stdout) as { files: { path: string; kind?: string; status: string; fixes: { rule: string }[] }[] };
    const page = data.files.find((f) => f.path === "app/templates/app/page.html");
    expect(page).toMatchObject({ kind: "template", status: "changed" });
    expect(page?.fixes.map((f) => f.rule).sort()).toEqual(["templates/ifequal", "templates/load-staticfiles"]);
  });

  it("--no-templates leaves every template alone", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50, "--no-templates"]);
    expect(result.status, result.stderr).toBe(0);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    expect(result.stderr).not.toContain("template");
  });

  it("no Django target, no templates: a Flask-only run does not look at them", async () => {
    const root = project();
    const result = await runCli(root, [".", "--target", "flask-2.0", "--check"]);
    expect(result.stdout).toBe("");
  });

  it("--exclude, --select and target versions apply to templates", async () => {
    const root = project();
    const excluded = await runCli(root, [".", ...T50, "--check", "--exclude", "theme/", "--exclude", "*.email"]);
    expect(excluded.stdout.split("\n").filter(Boolean).sort()).toEqual(["app/templates/app/note.txt", "app/templates/app/page.html"]);
    const selected = await runCli(root, ["app", ...T50, "--diff", "--select", "templates/ifequal"]);
    expect(selected.stdout).toContain("+{% if a == b %}");
    expect(selected.stdout).not.toContain("+{% load i18n static %}");
    const old = await runCli(root, ["app", "--target", "django-2.0", "--check"]);
    expect(old.status, old.stderr).toBe(0);
  });

  it("takes a template named explicitly; a Jinja file named explicitly is left alone", async () => {
    const root = project();
    const result = await runCli(root, ["outside/page.html", "app/templates/app/macro.jinja", ...T50, "--check"]);
    expect(result.stdout).toBe("outside/page.html\n");
    expect(result.status, result.stderr).toBe(1);
  });

  it("an unbalanced template that needs work is reported (exit 2) and left unchanged; findings do not change the exit code", async () => {
    const root = makeTree({
      "templates/broken.html": "{% load staticfiles %}\n{% if a %}\n",
      "templates/ssi.html": '{% ssi "/etc/motd" %}\n',
    });
    const before = snapshot(root);
    const result = await runCli(root, [".", ...T50]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("templates/broken.html:2: error: template left unchanged: {% if %} is never closed by {% endif %}");
    expect(result.stderr).toMatch(/templates\/ssi\.html:1:1: warning: \{% ssi %\} is removed in Django 1\.10.*\[templates\/ssi\]/);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    const findingOnly = await runCli(root, ["templates/ssi.html", ...T50]);
    expect(findingOnly.status, findingOnly.stderr).toBe(0);
  });

  it("leaves {% load staticfiles %} alone when the project defines templatetags/staticfiles.py", async () => {
    const root = makeTree({
      "app/templatetags/staticfiles.py": "from django import template\nregister = template.Library()\n",
      "app/templates/a.html": "{% load staticfiles admin_static %}\n",
    });
    const result = await runCli(root, ["app/templates", ...T50, "--diff"]);
    expect(result.stdout).toContain("+{% load staticfiles static %}");
  });

  it("looks for the project's own tag libraries in the project, not in every folder around it", async () => {
    // Run from a parent folder on one repository: a library in a sibling folder is not the project's.
    const root = makeTree({
      "other/app/templatetags/staticfiles.py": "x = 1\n",
      "proj/.git/HEAD": "ref: refs/heads/main\n",
      "proj/app/views.py": "x = 1\n",
      "proj/app/templates/a.html": "{% load staticfiles %}\n",
    });
    const result = await runCli(root, ["proj", ...T50, "--diff"]);
    expect(result.stdout).toContain("+{% load static %}");
    // The project's own library still counts when only its templates folder is given.
    mkdirSync(path.join(root, "proj/app/templatetags"));
    writeFileSync(path.join(root, "proj/app/templatetags/staticfiles.py"), "x = 1\n");
    const own = await runCli(root, ["proj/app/templates", ...T50, "--diff"]);
    expect(own.stdout).not.toContain("+{% load static %}");
  });

  it("standard input is a template when --stdin-filename names one", async () => {
    const root = makeTree();
    const asTemplate = await runCli(root, [...T50, "--stdin-filename", "app/templates/a.html", "-"], OLD);
    expect(asTemplate.stdout).toBe(NEW);
    expect(asTemplate.status, asTemplate.stderr).toBe(1);
    const asPython = await runCli(root, [...T50, "--stdin-filename", "app/views.py", "-"], "x = '{% load staticfiles %}'\n");
    expect(asPython.stdout).toBe("x = '{% load staticfiles %}'\n");
    expect(asPython.status, asPython.stderr).toBe(0);
    const off = await runCli(root, [...T50, "--no-templates", "--stdin-filename", "a.html", "-"], OLD);
    expect(off.status).not.toBe(1);
  });

  it("plan places template fixes at the release that deprecates them", async () => {
    const root = makeTree({ "templates/a.html": OLD });
    const result = await runCli(root, ["plan", "--target", "django-4.0", "--from", "django-2.0", "."]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/django-2\.1 +templates\/load-staticfiles +1 +1\n/);
    expect(result.stdout).toMatch(/django-3\.1 +templates\/ifequal +1 +1\n/);
  });

  it("keeps a UTF-8 BOM and CRLF newlines", async () => {
    const root = makeTree({ "templates/a.html": Buffer.from("\uFEFF{% load staticfiles %}\r\n<p>é</p>\r\n", "utf8") });
    await runCli(root, [".", ...T50]);
    expect(snapshot(root).get("templates/a.html")).toEqual(Buffer.from("\uFEFF{% load static %}\r\n<p>é</p>\r\n", "utf8"));
  });
});

describe("examples/django-legacy templates", () => {
  it("are upgraded by every template fixer, and a second run leaves them alone", async () => {
    const root = copyOf("examples/django-legacy");
    const before = snapshot(root);
    const first = await runCli(root, [".", ...T50]);
    expect(first.status, first.stderr).toBe(1);
    expect(changedFiles(before, snapshot(root)).filter((f) => f.endsWith(".html"))).toEqual([
      "library/templates/library/archive.html", "library/templates/library/book_detail.html",
      "library/templates/library/search.html", "templates/base.html",
    ]);
    expect(read(root, "templates/base.html")).toMatch(/^\{% load i18n static %\}<!DOCTYPE html>/);
    expect(read(root, "library/templates/library/archive.html")).not.toContain("future");
    const detail = read(root, "library/templates/library/book_detail.html");
    expect(detail).toContain('{% if book.summary != "" %}<p class="summary">{{ book.summary }}</p>{% endif %}');
    expect(detail).toContain("{% else %}{% if book.borrowed_by == user %}");
    expect(detail).not.toMatch(/ifequal|ifnotequal/);
    expect(read(root, "library/templates/library/search.html")).toContain("{% if books|length == 1 %}");
    expect(first.stderr).toMatch(/, 11 templates: 4 rewritten \(5 fixes\), 7 unchanged\n$/);
    const second = await runCli(root, [".", ...T50]);
    expect(second.status, second.stderr).toBe(0);
  });
});
