// Finds golden-fixture cases: <root>/<framework>/<rule>/<case>.py with an optional
// <case>.expected.py beside it (no expected file: the case must come out unchanged). A first line
// `# fixture: path=app/settings.py target=django-4.0` names the file path (for file roles) and
// the target; both are optional. `findings=3,7` says the case's rule reports on exactly those
// lines (`findings=none`: it reports nothing).
//
// A folder inside a rule's folder is a small project (for rules that read other modules through the
// project view): every .py file in it, at any depth, is a case of its own, named by its path in the
// folder, and runs with that folder as the project (its path there is its filename, unless a header
// says otherwise).
//
// Template cases (fixtures/templates/<rule>/<case>.html with <case>.expected.html) carry the same
// header as a template comment, `{# fixture: target=django-3.0 own=staticfiles #}`, where `own=`
// names tag libraries the project defines itself (templatetags/<name>.py).
//
// Dotenv cases (fixtures/dotenv/<rule>/<case>.env with <case>.expected.env) run as `.flaskenv`
// unless `path=` says otherwise; `reads=FLASK_ENV` says the project's Python code holds those
// words, and `sibling=FLASK_DEBUG` that the dotenv file beside it sets that key.
//
// Shared by the test suite (fixtures/) and by `pycodemod test-fixtures`, which runs a plugin's own
// fixtures the same way.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface FixtureCase {
  ruleId: string;
  name: string;
  inputPath: string;
  expectedPath: string;
  input: string;
  /** undefined: must stay unchanged. */
  expected: string | undefined;
  filename: string;
  target: string | undefined;
  /** A Django template case (fixtures/templates/). */
  template: boolean;
  /** Template cases: tag libraries the project is taken to define itself. */
  ownLibraries?: string[];
  /** A dotenv case (fixtures/dotenv/). */
  dotenv?: boolean;
  /** Dotenv cases: words the project's Python code holds, and keys the neighbouring dotenv file sets. */
  reads?: string[];
  sibling?: string[];
  /** Lines the rule must report on, when the header says; undefined: not asserted. */
  findings: number[] | undefined;
  /** The project folder of a multi-file case. */
  project?: string;
}

const HEADER = /^(?:#|\{#)\s*fixture:(.*?)(?:#\})?$/m;

type Header = { filename?: string; target?: string; findings?: number[]; own?: string[]; reads?: string[]; sibling?: string[] };

export function parseHeader(source: string): Header {
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const match = HEADER.exec(firstLine);
  if (!match) return {};
  const out: Header = {};
  for (const pair of match[1]!.trim().split(/\s+/)) {
    const [key, value] = pair.split("=");
    if (key === "path") out.filename = value;
    else if (key === "target") out.target = value;
    else if (key === "own") out.own = (value ?? "").split(",");
    else if (key === "reads") out.reads = (value ?? "").split(",");
    else if (key === "sibling") out.sibling = (value ?? "").split(",");
    else if (key === "findings") out.findings = value === "none" ? [] : (value ?? "").split(",").map(Number);
  }
  return out;
}

export function fixtureCases(root: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const framework of readdirSync(root)) {
    const frameworkDir = path.join(root, framework);
    if (!statSync(frameworkDir).isDirectory()) continue;
    for (const rule of readdirSync(frameworkDir)) {
      const ruleDir = path.join(frameworkDir, rule);
      const template = framework === "templates";
      const dotenv = framework === "dotenv";
      for (const file of readdirSync(ruleDir).sort()) {
        if (statSync(path.join(ruleDir, file)).isDirectory()) {
          cases.push(...projectCases(`${framework}/${rule}`, path.join(ruleDir, file)));
          continue;
        }
        const ext = path.extname(file);
        if (template ? ext === "" : dotenv ? ext !== ".env" : ext !== ".py") continue;
        if (file.endsWith(`.expected${ext}`)) continue;
        const name = file.slice(0, -ext.length);
        const inputPath = path.join(ruleDir, file);
        const expectedPath = path.join(ruleDir, `${name}.expected${ext}`);
        // Read as latin-1-safe bytes → string only for UTF-8 fixtures; all fixtures are UTF-8.
        const input = readFileSync(inputPath, "utf8");
        const header = parseHeader(input);
        cases.push({
          ruleId: `${framework}/${rule}`,
          name,
          inputPath,
          expectedPath,
          input,
          expected: existsSync(expectedPath) ? readFileSync(expectedPath, "utf8") : undefined,
          filename: header.filename ?? (template ? `templates/${file}` : dotenv ? ".flaskenv" : "module.py"),
          template,
          ...(header.own ? { ownLibraries: header.own } : {}),
          ...(dotenv ? { dotenv, reads: header.reads ?? [], sibling: header.sibling ?? [] } : {}),
          target: header.target,
          findings: header.findings,
        });
      }
    }
  }
  return cases;
}

/** Every module of a project folder, as a case that runs with the folder as its project. */
function projectCases(ruleId: string, project: string): FixtureCase[] {
  const out: FixtureCase[] = [];
  const walk = (dir: string) => {
    for (const file of readdirSync(dir).sort()) {
      const full = path.join(dir, file);
      if (statSync(full).isDirectory()) walk(full);
      else if (file.endsWith(".py") && !file.endsWith(".expected.py")) {
        const relative = path.relative(project, full).split(path.sep).join("/");
        const expectedPath = `${full.slice(0, -3)}.expected.py`;
        const input = readFileSync(full, "utf8");
        const header = parseHeader(input);
        out.push({
          ruleId,
          name: `${path.basename(project)}/${relative.slice(0, -3)}`,
          inputPath: full,
          expectedPath,
          input,
          expected: existsSync(expectedPath) ? readFileSync(expectedPath, "utf8") : undefined,
          filename: header.filename ?? relative,
          target: header.target,
          findings: header.findings,
          template: false,
          project,
        });
      }
    }
  };
  walk(project);
  return out;
}
