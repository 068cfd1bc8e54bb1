// Results of earlier runs, so a repeated run over an unchanged tree reads files but neither
// prefilters nor parses them (ruff keeps such a cache too).
//
// One JSON file per fingerprint under `.pycodemod_cache/` in the working directory. The
// fingerprint covers everything a result depends on besides the file itself: the build of
// pycodemod (dist/build-id.txt, written by the build from the compiled code, so any change of rule
// or engine code invalidates it), the targets and the selected rule ids. An entry is keyed by the
// file's path (roles come from it) and holds a hash of its bytes. Only results that change nothing
// and report no problem are kept: a changed file must be rewritten or diffed every time. A result
// that consulted other files of the project (a star import resolved through the project view)
// records them with their size and mtime and is used only while they are unchanged.
//
// The folder ignores itself for git (its own .gitignore), is a dot folder that discovery skips,
// and is written atomically (temp file + rename); a corrupt or unreadable cache is ignored and
// rebuilt, and a cache that cannot be written is silently not written.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "./engine/rule.js";

export const CACHE_DIR = ".pycodemod_cache";
const FORMAT = 1;

/**
 * Another path a result depended on, as it was when it was first looked at: a file's size and
 * time, a folder's time (size -2: its listing was read), or size -1 for a path that did not exist.
 */
export type Dependency = [absolutePath: string, size: number, mtimeMs: number];

/** The [size, mtime] a Dependency records for `file` now. */
export function stampOf(file: string): [number, number] {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return [-1, 0];
  }
  return stat.isFile() ? [stat.size, stat.mtimeMs] : stat.isDirectory() ? [-2, stat.mtimeMs] : [-1, 0];
}

interface Entry {
  /** Hash of the file's bytes. */
  h: string;
  /** Findings of the run that made the entry (most entries have none). */
  f?: Finding[];
  /** Declined style rewrites of that run (for --verbose). */
  s?: Finding[];
  d?: Dependency[];
}

let buildId: string | undefined;

/** The id of the running build: dist/build-id.txt, or "dev" when it is missing (then no cache). */
function currentBuildId(): string | undefined {
  if (buildId !== undefined) return buildId || undefined;
  try {
    // From dist/bundle/*.js and from dist/src/*.js alike, the id sits in dist/.
    buildId = readFileSync(new URL("../build-id.txt", import.meta.url), "utf8").trim();
  } catch {
    buildId = "";
  }
  return buildId || undefined;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("base64url");
}

function depsUnchanged(deps: readonly Dependency[] | undefined): boolean {
  if (!deps) return true;
  for (const [file, size, mtimeMs] of deps) {
    const [nowSize, nowMtime] = stampOf(file);
    if (nowSize !== size || nowMtime !== mtimeMs) return false;
  }
  return true;
}

export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private dirty = false;

  private constructor(private readonly file: string, entries: Map<string, Entry>) {
    this.entries = entries;
  }

  /**
   * Opens the cache of `root` for this configuration; undefined when the build has no id (a
   * development build), so stale results can never be served.
   */
  static open(root: string, configuration: unknown): ResultCache | undefined {
    const id = currentBuildId();
    if (!id) return undefined;
    const fingerprint = createHash("sha1").update(JSON.stringify({ FORMAT, id, configuration })).digest("hex").slice(0, 20);
    const file = path.join(root, CACHE_DIR, `results-${fingerprint}.json`);
    let entries = new Map<string, Entry>();
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as { format?: number; entries?: Record<string, Entry> };
      if (data.format === FORMAT && data.entries && typeof data.entries === "object") {
        entries = new Map(Object.entries(data.entries).filter(([, e]) => e && typeof e.h === "string"));
      }
    } catch {
      // Missing or corrupt: start empty; it is rewritten on save.
    }
    return new ResultCache(file, entries);
  }

  /** Hashes of files looked up and missed, until their result is settled. */
  private readonly pending = new Map<string, string>();

  /** The findings (and declined style rewrites) of a cached unchanged result for these bytes, or undefined on a miss. */
  lookup(key: string, hash: string): { findings: Finding[]; declined?: Finding[] } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.h !== hash || !depsUnchanged(entry.d)) return undefined;
    return { findings: entry.f ?? [], ...(entry.s ? { declined: entry.s } : {}) };
  }

  store(key: string, hash: string, findings: readonly Finding[], deps?: readonly Dependency[], declined?: readonly Finding[]): void {
    const entry: Entry = { h: hash };
    if (findings.length > 0) entry.f = [...findings];
    if (declined && declined.length > 0) entry.s = [...declined];
    if (deps && deps.length > 0) entry.d = [...deps];
    this.entries.set(key, entry);
    this.dirty = true;
  }

  forget(key: string): void {
    if (this.entries.delete(key)) this.dirty = true;
  }

  /** Notes the hash of a file that missed, for settle() once its result is known. */
  remember(key: string, hash: string): void {
    this.pending.set(key, hash);
  }

  /**
   * Keeps a result that changed nothing and had no problem, or, for a file just rewritten, the
   * rewritten bytes when running on them again would change nothing (so the next run needs no
   * work and leaves the cache as it is); forgets the file otherwise.
   */
  settle(result: {
    path: string; status: string; problems: readonly unknown[]; findings: readonly Finding[];
    declined?: readonly Finding[]; dependencies?: readonly Dependency[]; settledHash?: string;
  }): void {
    const hash = this.pending.get(result.path);
    if (hash === undefined) return;
    this.pending.delete(result.path);
    if (result.status === "unchanged" && result.problems.length === 0) this.store(result.path, hash, result.findings, result.dependencies, result.declined);
    else if (result.status === "changed" && result.settledHash) this.store(result.path, result.settledHash, result.findings, result.dependencies, result.declined);
    else this.forget(result.path);
  }

  /** Writes the cache back (atomically) and removes caches of other configurations unused for long. */
  save(): void {
    if (!this.dirty) return;
    const dir = path.dirname(this.file);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, ".gitignore"), "# Written by pycodemod: the cache never belongs in git.\n*\n");
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.entries) }));
      renameSync(temp, this.file);
      // Caches of other configurations (targets, rule choices, builds) unused for a week go.
      const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
      for (const name of readdirSync(dir)) {
        const other = path.join(dir, name);
        if (name.startsWith("results-") && other !== this.file && statSync(other).mtimeMs < weekAgo) unlinkSync(other);
        // A temp file of a run killed while saving.
        else if (name.endsWith(".tmp") && statSync(other).mtimeMs < Date.now() - 10 * 60 * 1000) unlinkSync(other);
      }
      this.dirty = false;
    } catch {
      // A read-only project or a full disk: the run itself is unaffected.
    }
  }
}
