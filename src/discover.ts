// Paths → Python files. Folders are walked here (not by a glob library) so that symbolic links
// can be followed exactly once: every folder is entered at most once per run, keyed by its real
// path, so a link back to an ancestor (a cycle) or a second link to the same folder is noticed
// and skipped instead of being walked again and again. Links are followed after the real tree,
// so a file inside the walked folder is reported under its real path rather than a link's.
// Hidden entries, virtualenvs, node_modules and __pycache__ are skipped, .gitignore files are
// honoured (unless told not to) and --exclude globs (gitignore syntax) apply. A file named
// explicitly is always taken. Folders that cannot be listed and broken links named *.py are
// reported as errors; the walk goes on.
import type { Ignore } from "ignore";
import { createRequire } from "node:module";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { DOTENV_NAMES } from "./dotenv/rule.js";

type IgnoreFactory = () => Ignore;
let ignoreFactory: IgnoreFactory | undefined;

/** The `ignore` package, loaded on first use: a run on named files never needs it. */
function ignore(): Ignore {
  ignoreFactory ??= createRequire(import.meta.url)("ignore") as IgnoreFactory;
  return ignoreFactory();
}

export interface DiscoveredFile {
  /** Absolute path. */
  absolute: string;
  /** Path shown to the user and used for file roles: relative to the working directory when inside it. */
  display: string;
  /** A Django template rather than a Python file. */
  template?: true;
  /** A dotenv file Flask loads (`.flaskenv`, `.env`) rather than a Python file. */
  dotenv?: true;
}

export interface DiscoveryError {
  path: string;
  message: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Paths that do not exist or cannot be read or listed: the run should fail (exit 2). */
  errors: DiscoveryError[];
  /** Symbolic links that were not followed because their folder was already walked (cycles, duplicates). */
  skipped: DiscoveryError[];
}

export interface DiscoverOptions {
  cwd?: string;
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /**
   * Which files besides `*.py` to take, and as what (src/templates/discover.ts answers this for
   * Django templates). `root` is the folder being walked, undefined for a file named explicitly.
   */
  classify?: (absolute: string, root: string | undefined) => "python" | "template" | "skip";
  /** Also take the dotenv files Flask loads (src/dotenv/): hidden, so named here one by one. */
  dotenv?: boolean;
  /** Told every path the walk's answer depends on, so that it can be kept (src/walk-memo.ts). */
  record?: WalkRecorder;
}

/** What a walk's answer depends on besides its options: see src/walk-memo.ts. */
export interface WalkRecorder {
  /** A path whose stamp decides: a folder just before it is listed, a file read, a place looked at. */
  saw(path: string): void;
  /** A path whose existence alone decides (a `.git`, which changes with every git command). */
  exists(path: string): void;
  /** A symbolic link (or an entry of unknown type) the walk looked through. */
  link(path: string): void;
}

/** Folder names that never hold project code worth rewriting. */
export const SKIPPED_FOLDERS = ["node_modules", "__pycache__", "venv", "site-packages", "__pypackages__"];
const SKIPPED = new Set(SKIPPED_FOLDERS);

export function displayPath(absolute: string, cwd: string): string {
  // The common case without path.relative (which resolves both paths again): a file under cwd.
  const inside = plainlyUnder(cwd, absolute);
  if (inside !== undefined) return inside;
  const relative = path.relative(cwd, absolute);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}

interface Matcher {
  base: string;
  matcher: Ignore;
}

function toPosix(relative: string): string {
  return path.sep === "/" ? relative : relative.split(path.sep).join("/");
}

/** An empty, `.` or `..` part of a path (doubled, leading or trailing slashes count as empty). */
const UNPLAIN = /(^|\/)\.{0,2}(\/|$)/;

/**
 * `file`'s path below `base` when both are plain absolute POSIX paths (no `.` or `..` parts, no
 * doubled or trailing slash) and `file` is inside `base`; undefined otherwise, for path.relative to
 * decide. Discovery asks this for every file and folder it meets.
 */
function plainlyUnder(base: string, file: string): string | undefined {
  if (path.sep !== "/" || file.length <= base.length + 1 || file.charCodeAt(base.length) !== 47 || !file.startsWith(base)) return undefined;
  if (!base.startsWith("/") || base.length < 2 || UNPLAIN.test(base.slice(1))) return undefined;
  const rest = file.slice(base.length + 1);
  return UNPLAIN.test(rest) || rest.startsWith("..") ? undefined : rest;
}

/**
 * `path.join(dir, name)` for a folder path the walk made (absolute and normalized) and a name read
 * from it (no separator, not `.` or `..`): the same string without normalizing it again, which
 * was a tenth of a warm run's discovery.
 */
function child(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** Relative path of `file` under `base` in posix form, or undefined when it is not under it. */
function under(base: string, file: string): string | undefined {
  const inside = plainlyUnder(base, file);
  if (inside !== undefined) return inside;
  const relative = path.relative(base, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}

function readGitignore(dir: string, record?: WalkRecorder): Matcher | undefined {
  const file = path.join(dir, ".gitignore");
  record?.saw(file);
  try {
    return { base: dir, matcher: ignore().add(readFileSync(file, "utf8")) };
  } catch {
    return undefined; // absent or unreadable: treated as absent
  }
}

/** .gitignore files of the folders above `dir`, up to the repository root. */
function ancestorGitignores(dir: string, record?: WalkRecorder): Matcher[] {
  const found: Matcher[] = [];
  record?.exists(path.join(dir, ".git"));
  if (existsSync(path.join(dir, ".git"))) return found;
  for (let up = path.dirname(dir); ; up = path.dirname(up)) {
    record?.exists(path.join(up, ".git"));
    const matcher = readGitignore(up, record);
    if (matcher) found.unshift(matcher);
    if (existsSync(path.join(up, ".git")) || path.dirname(up) === up) break;
  }
  return found;
}

function isIgnored(file: string, isDir: boolean, matchers: readonly Matcher[]): boolean {
  for (const { base, matcher } of matchers) {
    const relative = under(base, file);
    if (relative === undefined) continue;
    if (matcher.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function describeStatError(code: string | undefined, isLink: boolean): string {
  switch (code) {
    case "ENOENT":
      return isLink ? "broken symbolic link (it points at nothing)" : "no such file or directory";
    case "ELOOP":
      return "symbolic link loop (the link resolves to itself)";
    case "ENOTDIR":
      return "not found: part of this path is a file, not a folder";
    case "EACCES":
    case "EPERM":
      return `permission denied (${code})`;
    case "ENAMETOOLONG":
      return "path too long";
    default:
      return `cannot read (${code ?? "unknown error"})`;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

interface PendingLink {
  /** The path through the link, as the walk found it. */
  dir: string;
  matchers: Matcher[];
}

/** True when `p` is a folder (or a link to one); false when it is missing or cannot be stat'ed. */
export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function discover(paths: readonly string[], options: DiscoverOptions = {}): DiscoveryResult {
  const cwd = options.cwd ?? process.cwd();
  const record = options.record;
  const useGitignore = options.gitignore !== false;
  const excludeGlobs = options.exclude ?? [];
  // Each glob also matches at any depth, as a user typing `--exclude migrations/*.py` expects.
  const excluded = excludeGlobs.length === 0 ? undefined : ignore().add(
    excludeGlobs.flatMap((glob) => (glob.startsWith("/") || glob.startsWith("**/") ? [glob] : [glob, `**/${glob}`])),
  );
  const files: DiscoveredFile[] = [];
  const errors: DiscoveryError[] = [];
  const skipped: DiscoveryError[] = [];
  /** Real paths of taken files and of entered folders. */
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const isDotenv = (name: string) => options.dotenv === true && DOTENV_NAMES.has(name);
  const take = (absolute: string, real: string, into: DiscoveredFile[], as: "python" | "template" | "dotenv" = "python") => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    const kind = as === "template" ? { template: true as const } : as === "dotenv" ? { dotenv: true as const } : {};
    into.push({ absolute, display: displayPath(absolute, cwd), ...kind });
  };
  const fail = (absolute: string, message: string) => errors.push({ path: displayPath(absolute, cwd), message });

  const isExcluded = (absolute: string, root: string, isDir: boolean): boolean => {
    if (excludeGlobs.length === 0) return false;
    for (const base of [root, cwd]) {
      const relative = under(base, absolute);
      if (relative !== undefined && excluded!.ignores(isDir ? `${relative}/` : relative)) return true;
    }
    return false;
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    record?.saw(absolute);
    record?.link(absolute);
    let stat: Stats;
    try {
      stat = statSync(absolute);
    } catch (error) {
      let isLink = false;
      try {
        isLink = lstatSync(absolute).isSymbolicLink();
      } catch {
        // not there at all
      }
      errors.push({ path: given, message: describeStatError(errorCode(error), isLink) });
      continue;
    }
    if (!stat.isDirectory()) {
      if (!stat.isFile()) {
        errors.push({ path: given, message: "not a regular file (a pipe, socket or device); use - to read standard input" });
        continue;
      }
      const as = isDotenv(path.basename(absolute)) ? "dotenv" : options.classify?.(absolute, undefined) ?? "python";
      if (as !== "skip") take(absolute, realpathSync(absolute), files, as);
      continue;
    }

    const root = absolute;
    const found: DiscoveredFile[] = [];
    const pending: PendingLink[] = [];

    const walk = (dir: string, realDir: string, inherited: Matcher[]): void => {
      if (seenDirs.has(realDir)) return;
      seenDirs.add(realDir);
      record?.saw(dir);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        fail(dir, `cannot list folder: ${describeStatError(errorCode(error), false)}`);
        return;
      }
      // A virtualenv is never project code.
      if (entries.some((entry) => entry.name === "pyvenv.cfg")) return;
      let matchers = inherited;
      if (useGitignore && entries.some((entry) => entry.name === ".gitignore")) {
        const own = readGitignore(dir, record);
        if (own) matchers = [...inherited, own];
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const name = entry.name;
        // Hidden entries are skipped, the dotenv files asked for aside (never a folder: `.env` is
        // also a common virtualenv name).
        if (name.startsWith(".") && !(isDotenv(name) && !entry.isDirectory())) continue;
        const full = child(dir, name);
        let kind: "file" | "dir" | "other";
        let isLink = entry.isSymbolicLink();
        if (entry.isFile()) kind = "file";
        else if (entry.isDirectory()) kind = "dir";
        else if (isLink || !(entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice())) {
          // A link (or a file system that does not report entry types): look at what it points at.
          record?.link(full);
          let target: Stats;
          try {
            target = statSync(full);
            if (!isLink) isLink = lstatSync(full).isSymbolicLink();
          } catch (error) {
            if (name.endsWith(".py")) fail(full, describeStatError(errorCode(error), isLink));
            continue;
          }
          kind = target.isFile() ? "file" : target.isDirectory() ? "dir" : "other";
        } else kind = "other";

        if (kind === "dir") {
          if (SKIPPED.has(name) || name.startsWith(".")) continue;
          if (isExcluded(full, root, true)) continue;
          if (useGitignore && isIgnored(full, true, matchers)) continue;
          if (isLink) pending.push({ dir: full, matchers });
          else walk(full, child(realDir, name), matchers);
          continue;
        }
        const as = name.endsWith(".py") ? "python" : isDotenv(name) ? "dotenv" : options.classify?.(full, root) ?? "skip";
        if (as === "skip") continue;
        if (kind === "other") {
          fail(full, "not a regular file (a pipe, socket or device); skipped");
          continue;
        }
        if (isExcluded(full, root, false)) continue;
        if (useGitignore && isIgnored(full, false, matchers)) continue;
        let real = child(realDir, name);
        if (isLink) {
          try {
            real = realpathSync(full);
          } catch (error) {
            fail(full, describeStatError(errorCode(error), true));
            continue;
          }
        }
        take(full, real, found, as);
      }
    };

    let rootReal: string;
    try {
      rootReal = realpathSync(root);
    } catch (error) {
      errors.push({ path: given, message: describeStatError(errorCode(error), false) });
      continue;
    }
    walk(root, rootReal, useGitignore ? ancestorGitignores(root, record) : []);
    // Linked folders last, each at most once: a link into a folder already walked is a cycle or a
    // duplicate and is skipped.
    for (let link = pending.shift(); link !== undefined; link = pending.shift()) {
      let real: string;
      try {
        real = realpathSync(link.dir);
      } catch (error) {
        fail(link.dir, describeStatError(errorCode(error), true));
        continue;
      }
      if (seenDirs.has(real)) {
        const cycle = under(real, link.dir) !== undefined;
        skipped.push({
          path: displayPath(link.dir, cwd),
          message: cycle ? "symbolic link cycle (points at a folder that contains it); not followed" : "symbolic link to a folder already walked; not followed again",
        });
        continue;
      }
      walk(link.dir, real, link.matchers);
    }
    found.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
    files.push(...found);
  }
  return { files, errors, skipped };
}
