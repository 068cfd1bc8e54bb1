// Paths → Python files. Folders are walked with fast-glob; hidden folders, virtualenvs,
// node_modules and __pycache__ are skipped, .gitignore files are honoured (unless told not to)
// and --exclude globs apply. A file named explicitly is always taken.
import fg from "fast-glob";
import ignore, { type Ignore } from "ignore";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface DiscoveredFile {
  /** Absolute path. */
  absolute: string;
  /** Path shown to the user and used for file roles: relative to the working directory when inside it. */
  display: string;
}

export interface DiscoveryError {
  path: string;
  message: string;
}

export interface DiscoverOptions {
  cwd?: string;
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

/** Folder names that never hold project code worth rewriting. */
export const SKIPPED_FOLDERS = ["node_modules", "__pycache__", "venv", "site-packages", "__pypackages__"];

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}

/** The .gitignore matchers that apply under `dir`: its own, its ancestors' up to the repository root, and its descendants'. */
function gitignoreMatchers(dir: string, skip: string[]): { base: string; matcher: Ignore }[] {
  const found: { base: string; matcher: Ignore }[] = [];
  const add = (base: string, file: string) => {
    try {
      found.push({ base, matcher: ignore().add(readFileSync(file, "utf8")) });
    } catch {
      // An unreadable .gitignore is treated as absent.
    }
  };
  // Ancestors, stopping at the repository root.
  let current = path.dirname(dir);
  for (let up = dir; ; up = current, current = path.dirname(current)) {
    if (up !== dir && existsSync(path.join(up, ".gitignore"))) add(up, path.join(up, ".gitignore"));
    if (existsSync(path.join(up, ".git")) || current === up) break;
  }
  for (const relative of fg.sync("**/.gitignore", { cwd: dir, dot: true, ignore: skip, followSymbolicLinks: false })) {
    const file = path.join(dir, relative);
    add(path.dirname(file), file);
  }
  return found;
}

function isIgnored(file: string, matchers: { base: string; matcher: Ignore }[]): boolean {
  for (const { base, matcher } of matchers) {
    const relative = path.relative(base, file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) continue;
    if (matcher.ignores(relative.split(path.sep).join("/"))) return true;
  }
  return false;
}

function isInVirtualenv(file: string, root: string, cache: Map<string, boolean>): boolean {
  for (let dir = path.dirname(file); dir.length >= root.length && dir !== path.dirname(dir); dir = path.dirname(dir)) {
    let venv = cache.get(dir);
    if (venv === undefined) {
      venv = existsSync(path.join(dir, "pyvenv.cfg"));
      cache.set(dir, venv);
    }
    if (venv) return true;
    if (dir === root) break;
  }
  return false;
}

export function discover(paths: readonly string[], options: DiscoverOptions = {}): { files: DiscoveredFile[]; errors: DiscoveryError[] } {
  const cwd = options.cwd ?? process.cwd();
  const skip = SKIPPED_FOLDERS.map((name) => `**/${name}/**`);
  const exclude = (options.exclude ?? []).flatMap((glob) => [glob, `**/${glob}`, `${glob}/**`, `**/${glob}/**`]);
  const excluded = ignore().add([...(options.exclude ?? [])]);
  const files: DiscoveredFile[] = [];
  const errors: DiscoveryError[] = [];
  const seen = new Set<string>();
  const take = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display: displayPath(absolute, cwd) });
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({ path: given, message: code === "ENOENT" ? "no such file or directory" : `cannot read (${code})` });
      continue;
    }
    if (!stat.isDirectory()) {
      take(absolute);
      continue;
    }
    const venvCache = new Map<string, boolean>();
    const matchers = options.gitignore === false ? [] : gitignoreMatchers(absolute, skip);
    const found = fg.sync("**/*.py", {
      cwd: absolute,
      dot: false,
      ignore: [...skip, ...exclude],
      followSymbolicLinks: true,
      suppressErrors: true,
      absolute: true,
    });
    found.sort();
    for (const file of found) {
      const native = path.normalize(file);
      if (isIgnored(native, matchers)) continue;
      const relative = displayPath(native, absolute);
      if (options.exclude?.length && excluded.ignores(relative)) continue;
      if (isInVirtualenv(native, absolute, venvCache)) continue;
      take(native);
    }
  }
  return { files, errors };
}
