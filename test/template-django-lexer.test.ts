// Our template lexer against Django's own (django.template.base.Lexer), on every template fixture
// and the example project's templates: same token kinds, contents and line numbers. Needs a
// Python with Django (Debian's python3-django, which .ci/run installs); skipped, saying so, without.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lex } from "../src/templates/lexer.js";
import { REPO } from "./cli-helpers.js";

const PYTHON = process.env.PROVE_PYTHON ?? "/usr/bin/python3";
const SCRIPT = `
import json, sys
from django.template.base import Lexer
out = {}
for path in json.load(sys.stdin):
    # Django's loaders read templates with universal newlines.
    with open(path, encoding="utf-8") as f:
        out[path] = [[t.token_type.name.lower(), t.contents, t.lineno] for t in Lexer(f.read()).tokenize()]
json.dump(out, sys.stdout)
`;

function files(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, keep) : keep(full) ? [full] : [];
  });
}

const templates = [
  ...files(path.join(REPO, "fixtures", "templates"), () => true),
  ...files(path.join(REPO, "examples", "django-legacy"), (f) => f.endsWith(".html")),
];
const django = spawnSync(PYTHON, ["-c", SCRIPT], { input: JSON.stringify(templates), encoding: "utf8", maxBuffer: 1 << 26 });
const available = django.status === 0;

describe("template lexer agrees with Django's", () => {
  it.skipIf(!available)(`on ${templates.length} templates (skipped without Django: ${available ? "" : django.stderr.trim().split("\n").at(-1)})`, () => {
    const theirs = JSON.parse(django.stdout) as Record<string, [string, string, number][]>;
    const KIND: Record<string, string> = { text: "text", variable: "var", block: "block", comment: "comment" };
    expect(Object.keys(theirs).length).toBe(templates.length);
    for (const file of templates) {
      const mine = lex(readFileSync(file, "utf8")).map((t) => [KIND[t.kind], t.contents.replace(/\r\n?/g, "\n"), t.line]);
      expect(mine, file).toEqual(theirs[file]);
    }
  });
});
