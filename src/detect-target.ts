// `--target auto`: the oldest Django and Flask version a project allows, read from its dependency
// declarations, so the rewrite never uses an API newer than the project must still run on.
// Each file gets the declarations of the nearest folder above it that declares Django or Flask
// (a monorepo's sub-projects each get their own), searching up to the repository root (the
// folder holding .git) or the filesystem root.
//
// Sources, per folder: pyproject.toml ([project] dependencies — PEP 621, used by PDM and Poetry 2
// — and [tool.poetry.dependencies]), requirements*.txt and requirements/*.txt (following -r and -c),
// setup.cfg ([options] install_requires), setup.py (a literal install_requires list only) and
// Pipfile ([packages]). Within one file the clauses narrow each other (the highest lower bound);
// across files the lowest wins, because every declared way of installing must keep working.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compareVersions, VALID_VERSIONS, type Framework } from "./target.js";
import { isTable, parseToml } from "./toml.js";

/** PyPI names → the frameworks we detect (Flask's libraries follow from the Flask target). */
const PACKAGES: Record<string, Framework> = { django: "django", flask: "flask" };
const LABEL: Record<string, string> = { django: "Django", flask: "Flask" };

export interface Requirement {
  framework: Framework;
  /** Lowest version allowed, e.g. "3.2.5"; undefined when there is no lower bound. */
  minimum?: string;
  /** The declaration as written, for messages. */
  text: string;
  /** Absolute path of the declaring file. */
  file: string;
  /** The declaration it is part of, when not its own file (a -r/-c include): clauses narrow within it. */
  group?: string;
}

export interface Detection {
  /** Folder whose declarations decided. */
  dir: string;
  /** True when a framework is required without any minimum version: the target cannot be known. */
  unknowable: boolean;
  /** `django-3.2`, `flask-2.0`, … */
  targets: string[];
  /** One line per framework: what was detected and from where. */
  notes: string[];
}

export class DetectionError extends Error {}

const ASK = "pass --target (e.g. --target django-4.2 or --target flask-2.0) or set target in [tool.pycodemod]";

/** Files looked at in each folder (for the message when nothing is found). */
export const SOURCES = "pyproject.toml, requirements*.txt, requirements/*.txt, setup.cfg, setup.py, Pipfile";

// ── specifiers ─────────────────────────────────────────────────────────────────────────────

/** The release part of a version ("3.2.5rc1" → "3.2.5"; "4.*" → "4"). */
function release(version: string): string | undefined {
  return /^v?(\d+(?:\.\d+)*)/.exec(version.trim())?.[1];
}

function maxVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

/** Lowest version a PEP 440 specifier set (">=3.2,<4", "~=3.2.1", "==3.2.*") allows. */
export function pep440Minimum(specifiers: string): string | undefined {
  let minimum: string | undefined;
  for (const clause of specifiers.split(",")) {
    const match = /^\s*(===|==|~=|>=|>)\s*(\S+)\s*$/.exec(clause);
    if (match) minimum = maxVersion(minimum, release(match[2]!));
  }
  return minimum;
}

/** Lowest version a Poetry constraint ("^3.2", "~3.2", ">=3.2 <4", "3.2.*", "3.2 || 4.0") allows. */
export function poetryMinimum(constraint: string): string | undefined {
  let lowest: string | undefined;
  let any = false;
  for (const alternative of constraint.split("||")) {
    let minimum: string | undefined;
    for (const clause of alternative.trim().split(/\s*,\s*|\s+(?=[<>=!~^])/)) {
      const match = /^(\^|~=|~|===|==|>=|>|=)?\s*(\d[\w.*+-]*)$/.exec(clause.trim());
      if (match && (match[1] === undefined || !match[1].startsWith("<"))) minimum = maxVersion(minimum, release(match[2]!));
    }
    if (minimum === undefined) return undefined; // one alternative without a floor: no floor at all
    lowest = any && lowest !== undefined && compareVersions(lowest, minimum) <= 0 ? lowest : minimum;
    any = true;
  }
  return lowest;
}

/** A PEP 508 requirement string → a Requirement for a framework we detect, or undefined. */
export function parsePep508(line: string, file: string): Requirement | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?([^;#]*?)\)?\s*(?:;.*)?$/.exec(line);
  if (!match) return undefined;
  const framework = PACKAGES[normalize(match[1]!)];
  if (!framework || !(framework in VALID_VERSIONS)) return undefined;
  if (match[2]!.trim().startsWith("@")) return { framework, text: line.trim(), file }; // direct URL
  return { framework, minimum: pep440Minimum(match[2]!), text: line.trim(), file };
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

// ── files ──────────────────────────────────────────────────────────────────────────────────

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function fromPyproject(file: string): Requirement[] {
  const text = read(file);
  if (text === undefined || !/django|flask/i.test(text)) return [];
  const data = parseToml(text, file);
  const out: Requirement[] = [];
  const project = data.project;
  if (isTable(project) && Array.isArray(project.dependencies)) {
    for (const dep of project.dependencies) if (typeof dep === "string") push(out, parsePep508(dep, file));
  }
  const poetry = isTable(data.tool) && isTable(data.tool.poetry) ? data.tool.poetry.dependencies : undefined;
  if (isTable(poetry)) out.push(...fromVersionTable(poetry, file, poetryMinimum));
  return out;
}

/** `name = "constraint"` or `name = { version = "constraint" }` tables (Poetry, Pipfile). */
function fromVersionTable(table: Record<string, unknown>, file: string, minimum: (c: string) => string | undefined): Requirement[] {
  const out: Requirement[] = [];
  for (const [name, value] of Object.entries(table)) {
    const framework = PACKAGES[normalize(name)];
    if (!framework || !(framework in VALID_VERSIONS)) continue;
    const constraint = typeof value === "string" ? value : isTable(value) && typeof value.version === "string" ? value.version : undefined;
    const text = `${name} = ${JSON.stringify(constraint ?? value)}`;
    out.push({ framework, minimum: constraint === undefined || constraint.trim() === "*" ? undefined : minimum(constraint), text, file });
  }
  return out;
}

function fromPipfile(file: string): Requirement[] {
  const text = read(file);
  if (text === undefined || !/django|flask/i.test(text)) return [];
  const packages = parseToml(text, file).packages;
  return isTable(packages) ? fromVersionTable(packages, file, (c) => pep440Minimum(c.replace(/^\s*(?=\d)/, "=="))) : [];
}

/** requirements files, following -r/--requirement and -c/--constraint (each file once). */
function fromRequirements(file: string, seen = new Set<string>(), root = file): Requirement[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = read(file);
  if (text === undefined) return [];
  const out: Requirement[] = [];
  for (const raw of text.replace(/\\\r?\n/g, " ").split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const include = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/.exec(line);
    if (include) {
      out.push(...fromRequirements(path.resolve(path.dirname(file), include[1]!), seen, root));
      continue;
    }
    if (line.startsWith("-")) continue; // -e, --index-url, …
    const requirement = parsePep508(line, file);
    if (requirement && root !== file) requirement.group = root;
    push(out, requirement);
  }
  return out;
}

function fromSetupCfg(file: string): Requirement[] {
  const text = read(file);
  if (text === undefined || !/django|flask/i.test(text)) return [];
  const out: Requirement[] = [];
  let section = "";
  let inRequires = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1]!.trim();
      inRequires = false;
      continue;
    }
    if (section !== "options") continue;
    const key = /^(\w[\w-]*)\s*[=:]\s*(.*)$/.exec(line);
    if (key) {
      inRequires = key[1] === "install_requires";
      if (inRequires && key[2]!.trim()) push(out, parsePep508(key[2]!.replace(/[#;].*$/, ""), file));
      continue;
    }
    if (inRequires && /^\s+\S/.test(line)) push(out, parsePep508(line.replace(/\s#.*$/, ""), file));
  }
  return out;
}

/**
 * setup.py: only a literal `install_requires=["...", ...]`, or `install_requires=NAME` where NAME
 * is bound once, at the top level, to such a literal list; anything computed is not guessed.
 */
function fromSetupPy(file: string): Requirement[] {
  const text = read(file);
  if (text === undefined || !/django|flask/i.test(text)) return [];
  let match = /install_requires\s*=\s*\[([^\]]*)\]/.exec(text);
  const named = /install_requires\s*=\s*([A-Za-z_]\w*)\s*[,)]/.exec(text);
  if (!match && named) {
    const bindings = [...text.matchAll(new RegExp(`^${named[1]}\\s*(?:\\+?=)`, "gm"))];
    if (bindings.length === 1) match = new RegExp(`^${named[1]}\\s*=\\s*\\[([^\\]]*)\\]`, "m").exec(text);
  }
  if (!match) return [];
  const body = match[1]!.replace(/#.*$/gm, "");
  const strings = [...body.matchAll(/(["'])((?:(?!\1)[^\\\n])*)\1/g)];
  // Everything between the literals must be commas and whitespace; otherwise it is code.
  if (body.replace(/(["'])((?:(?!\1)[^\\\n])*)\1/g, "").replace(/[\s,]/g, "") !== "") return [];
  const out: Requirement[] = [];
  for (const s of strings) push(out, parsePep508(s[2]!, file));
  return out;
}

function push(out: Requirement[], requirement: Requirement | undefined): void {
  if (requirement) out.push(requirement);
}

/** Every declaration of a framework in one folder. */
export function declarationsIn(dir: string): { requirements: Requirement[]; looked: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { requirements: [], looked: [] };
  }
  const files: [string, (file: string) => Requirement[]][] = [];
  // A requirements file another one includes (-r/-c) is part of that declaration, not its own.
  const included = new Set<string>();
  const requirementsFile = (f: string) => {
    const seen = new Set<string>();
    const out = fromRequirements(f, seen);
    for (const other of seen) if (other !== f) included.add(other);
    return out;
  };
  for (const name of names.sort()) {
    if (name === "pyproject.toml") files.push([name, fromPyproject]);
    else if (name === "Pipfile") files.push([name, fromPipfile]);
    else if (name === "setup.cfg") files.push([name, fromSetupCfg]);
    else if (name === "setup.py") files.push([name, fromSetupPy]);
    else if (/^requirements.*\.txt$/i.test(name)) files.push([name, requirementsFile]);
    else if (name === "requirements" && isDir(path.join(dir, name))) {
      for (const inner of safeList(path.join(dir, name)).filter((n) => n.endsWith(".txt")).sort()) {
        files.push([`requirements/${inner}`, requirementsFile]);
      }
    }
  }
  const read = files.map(([name, reader]) => [path.join(dir, name), reader(path.join(dir, name))] as const);
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  for (const [file, found] of read) {
    if (included.has(file)) continue;
    for (const r of found) {
      const key = `${r.file}\0${r.text}`;
      if (!seen.has(key)) requirements.push(r);
      seen.add(key);
    }
  }
  return { requirements, looked: files.map(([name]) => path.join(dir, name)) };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The newest target version not newer than `version`, or undefined when it predates them all. */
export function targetVersionFor(framework: Framework, version: string): string | undefined {
  const [major = "0", minor = "0"] = version.split(".");
  const wanted = `${major}.${minor}`;
  let best: string | undefined;
  for (const v of VALID_VERSIONS[framework]) if (compareVersions(v, wanted) <= 0) best = v;
  return best;
}

/** Turns one folder's requirements into targets and notes (paths shown relative to `cwd`). */
function decide(dir: string, requirements: Requirement[], cwd: string): Detection {
  const targets: string[] = [];
  const notes: string[] = [];
  let unknowable = false;
  const shown = (file: string) => path.relative(cwd, file) || file;
  for (const framework of Object.keys(LABEL) as Framework[]) {
    const own = requirements.filter((r) => r.framework === framework);
    if (own.length === 0) continue;
    // Within a file the clauses narrow each other; across files the lowest floor wins.
    const perFile = new Map<string, Requirement[]>();
    for (const r of own) perFile.set(r.group ?? r.file, [...(perFile.get(r.group ?? r.file) ?? []), r]);
    let lowest: { version: string; from: Requirement[] } | undefined;
    let unbounded: Requirement | undefined;
    for (const list of perFile.values()) {
      const floor = list.reduce<string | undefined>((m, r) => maxVersion(m, r.minimum), undefined);
      if (floor === undefined) {
        unbounded ??= list[0];
        continue;
      }
      if (!lowest || compareVersions(floor, lowest.version) < 0) lowest = { version: floor, from: list };
    }
    const label = LABEL[framework]!;
    if (!lowest) {
      notes.push(`${label} is required without a minimum version (${unbounded!.text} in ${shown(unbounded!.file)})`);
      unknowable = true;
      continue;
    }
    const version = targetVersionFor(framework, lowest.version);
    const byFile = new Map<string, string[]>();
    for (const r of lowest.from) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.text]);
    const source = [...byFile].map(([file, texts]) => `${texts.join(", ")} in ${shown(file)}`).join(", ");
    if (!version) {
      notes.push(`${label} ${lowest.version} (${source}) is older than every ${label} target, so no ${label} rule applies`);
      continue;
    }
    targets.push(`${framework}-${version}`);
    notes.push(`${framework}-${version} (from ${source})`);
  }
  return { dir, targets, notes, unknowable };
}

/** Finds, per file, the nearest declaring folder; caches per folder. */
export class TargetDetector {
  private readonly byDir = new Map<string, Detection | undefined>();
  private readonly looked = new Map<string, string[]>();

  constructor(private readonly cwd: string) {}

  /** The detection that applies to `file` (absolute), or throws DetectionError. */
  forFile(file: string): Detection {
    const chain: string[] = [];
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      chain.push(dir);
      const found = this.inDir(dir);
      if (found) {
        for (const d of chain) this.byDir.set(d, found);
        if (found.targets.length > 0 || !found.unknowable) return found;
        throw new DetectionError(`could not detect a target for ${this.shown(file)}: ${found.notes.join("; ")}; ${ASK}`);
      }
      if (existsSync(path.join(dir, ".git")) || path.dirname(dir) === dir) break;
    }
    const files = chain.flatMap((d) => this.looked.get(d) ?? []).map((f) => this.shown(f));
    const folders = chain.map((d) => this.shown(d) || ".");
    throw new DetectionError(
      `could not detect a target for ${this.shown(file)}: no Django or Flask requirement found in ${SOURCES} ` +
      `(searched ${folders.join(", ")}${files.length ? `; files read: ${files.join(", ")}` : "; none of those files exist"}); ` +
      ASK,
    );
  }

  private shown(p: string): string {
    const relative = path.relative(this.cwd, p);
    return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
  }

  /** The detection declared in `dir` itself (cached), or undefined when it declares nothing. */
  private inDir(dir: string): Detection | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const { requirements, looked } = declarationsIn(dir);
    this.looked.set(dir, looked);
    const found = requirements.length > 0 ? decide(dir, requirements, this.cwd) : undefined;
    this.byDir.set(dir, found);
    return found;
  }
}
