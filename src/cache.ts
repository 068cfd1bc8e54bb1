// Results of earlier runs, so a repeated run over an unchanged tree reads files but neither
// prefilters nor parses them (ruff keeps such a cache too).
//
// One JSON file per fingerprint under `.pycodemod_cache/` in the working directory. The
// fingerprint covers everything a result depends on besides the file itself: the build of
// pycodemod (dist/build-id.txt, written by the build from the compiled code, so any change of rule
// or engine code invalidates it), the targets and the selected rule ids. An entry is keyed by the
// file's path (roles come from it) and holds a hash of its bytes, and the file's stamp (size,
// modification and change times, inode) when it was read: a file whose stamp is unchanged is a hit
// without being read at all, as in ruff; any other file is read and its hash decides. A stamp is
// only recorded once the file's times are some seconds old, so a write within the timestamps'
// granularity after the read cannot go unnoticed (git calls such entries "racily clean"); a stamp
// found missing later is added only when the cache is written anyway, so a run that finds the tree
// as the last one left it does not rewrite the cache.
// Only results that change nothing
// and report no problem (or only syntax errors, which depend on the bytes alone) are kept: a
// changed file must be rewritten or diffed every time. A result
// that consulted other files of the project (a star import resolved through the project view)
// records them with their size and mtime and is used only while they are unchanged.
//
// The folder ignores itself for git (its own .gitignore), is a dot folder that discovery skips,
// and is written atomically (temp file + rename); a corrupt or unreadable cache is ignored and
// rebuilt, and a cache that cannot be written is silently not written.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import type { Finding } from "./engine/rule.js";
import type { Problem } from "./engine/transform.js";

export const CACHE_DIR = ".pycodemod_cache";
const FORMAT = 4;
/** A stamp is trusted only for files whose times are at least this much older than the read. */
const RACY_MS = 3000;

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

export interface Entry {
  /** Hash of the file's bytes (and of its profile's salt). */
  h: string;
  /** The file's stamp when those bytes were read (see stampFor). */
  t?: string;
  /** Findings of the run that made the entry (most entries have none). */
  f?: Finding[];
  /** Declined style rewrites of that run (for --verbose). */
  s?: Finding[];
  /** Its problems: only syntax errors, the one problem that depends on nothing but the bytes. */
  p?: Problem[];
  d?: Dependency[];
}

let buildId: string | undefined;

/** The id of the running build: dist/build-id.txt, or "dev" when it is missing (then no cache). */
export function currentBuildId(): string | undefined {
  if (buildId !== undefined) return buildId || undefined;
  try {
    // From dist/bundle/*.js and from dist/src/*.js alike, the id sits in dist/.
    buildId = readFileSync(new URL("../build-id.txt", import.meta.url), "utf8").trim();
  } catch {
    buildId = "";
  }
  return buildId || undefined;
}

type Crypto = typeof import("node:crypto");
let crypto: Crypto | undefined;

/** SHA-1, base64url. node:crypto is loaded on first use: a run of stamp hits never hashes. */
export function hashBytes(bytes: Uint8Array | string, encoding: "base64url" | "hex" = "base64url"): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as Crypto;
  return crypto.createHash("sha1").update(bytes).digest(encoding);
}

/**
 * The key of a file's content in the cache: the hash of its bytes, and of its profile's salt when
 * it belongs to a profile other than the run's own (its sub-project's own target or ignores give
 * another answer for the same bytes).
 */
export function contentKey(bytes: Uint8Array, salt: string | undefined): string {
  return hashBytes(bytes) + (salt ? hashBytes(salt) : "");
}

/** The parts of a file's stat that a stamp is made of. */
export interface StatLike {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * The stamp of a file as stat'ed just before its bytes were read (`salt` tells the run's profiles
 * apart, see runner.ts), or undefined while its times are too recent to vouch for them: a write in
 * the same clock tick as the read could leave size and times as they were.
 */
export function stampFor(stat: StatLike, salt = "", now = Date.now()): string | undefined {
  if (Math.max(stat.mtimeMs, stat.ctimeMs) > now - RACY_MS) return undefined;
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}${salt ? `:${saltTag(salt)}` : ""}`;
}

const saltTags = new Map<string, string>();

/**
 * A short tag for a profile's salt (two 32-bit FNV-1a hashes): enough to tell a run's few
 * profiles apart, and no reason to load node:crypto on a run that reads no file. Also names the
 * cache's files, which hold the whole key they were made for and are used only for that key.
 */
export function saltTag(salt: string): string {
  let tag = saltTags.get(salt);
  if (tag === undefined) {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < salt.length; i++) {
      a = Math.imul(a ^ salt.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ salt.charCodeAt(i), 0x0100019d) ^ (a >>> 13);
    }
    tag = (a >>> 0).toString(36) + (b >>> 0).toString(36);
    saltTags.set(salt, tag);
  }
  return tag;
}

function depsUnchanged(deps: readonly Dependency[] | undefined): boolean {
  if (!deps) return true;
  for (const [file, size, mtimeMs] of deps) {
    const [nowSize, nowMtime] = stampOf(file);
    if (nowSize !== size || nowMtime !== mtimeMs) return false;
  }
  return true;
}

/** What a cache hit hands back: the kept result's status, findings, declined style rewrites and problems. */
export interface CachedAnswer {
  status: "unchanged" | "error";
  findings: Finding[];
  declined?: Finding[];
  problems: Problem[];
}

function answerOf(entry: Entry): CachedAnswer {
  return {
    status: entry.p ? "error" : "unchanged",
    findings: entry.f ?? [],
    problems: entry.p ?? [],
    ...(entry.s ? { declined: entry.s } : {}),
  };
}

/** True when two entries give the same answer for the same bytes (their stamps and dependencies aside). */
function sameAnswer(a: Entry, b: Entry): boolean {
  return a.h === b.h && isDeepStrictEqual([a.f, a.s, a.p], [b.f, b.s, b.p]);
}

/** A result worth keeping: one that changed nothing, with no problem or only syntax errors. */
function keepable(status: string, problems: readonly { kind?: unknown }[]): boolean {
  if (status === "unchanged") return problems.length === 0;
  return status === "error" && problems.length > 0 && problems.every((p) => p.kind === "syntax-error");
}

/** A cache's entries as plain data, for a worker thread's own lookups (ResultCache.reader). */
export type CacheSnapshot = Record<string, Entry>;

export class ResultCache {
  /**
   * Path → entry, as JSON.parse made it: building a Map from thousands of keys cost a warm run more
   * than parsing the file. Read only through entryOf (own, well-formed entries), written through set.
   */
  private readonly entries: Record<string, Entry>;
  private dirty = false;

  private constructor(private readonly file: string, entries: Record<string, Entry>, private readonly key = "") {
    this.entries = entries;
  }

  private entryOf(key: string): Entry | undefined {
    if (!Object.hasOwn(this.entries, key)) return undefined;
    const entry = this.entries[key];
    return entry && typeof entry === "object" && typeof entry.h === "string" ? entry : undefined;
  }

  private set(key: string, entry: Entry): void {
    // defineProperty: a key like "__proto__" must stay a plain entry.
    Object.defineProperty(this.entries, key, { value: entry, writable: true, enumerable: true, configurable: true });
    this.dirty = true;
  }

  /**
   * Opens the cache of `root` for this configuration; undefined when the build has no id (a
   * development build), so stale results can never be served.
   */
  static open(root: string, configuration: unknown): ResultCache | undefined {
    const id = currentBuildId();
    if (!id) return undefined;
    // Named by a cheap tag of the key (a warm run need not load node:crypto), and used only when it
    // holds that very key.
    const key = JSON.stringify({ FORMAT, id, configuration });
    const file = path.join(root, CACHE_DIR, `results-${saltTag(key)}.json`);
    let entries: Record<string, Entry> = {};
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as { format?: number; key?: string; entries?: Record<string, Entry> };
      if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === "object" && !Array.isArray(data.entries)) entries = data.entries;
    } catch {
      // Missing or corrupt: start empty; it is rewritten on save.
    }
    return new ResultCache(file, entries, key);
  }

  /**
   * Updates that change no answer, recorded only when the cache is written for another reason: a
   * run that found everything as the last one left it leaves the cache file as it was (a second
   * run changes no file, this one included), at the cost of some work again next time. They are
   * the stamps of files found unchanged by their bytes whose entry lacks that stamp (touched files,
   * files too fresh to vouch for when their entry was made), and entries worked out again because
   * a file they depend on changed (a settings base this run rewrote) that gave the same answer.
   */
  private readonly quietUpdates = new Map<string, (entry: Entry) => Entry>();

  /** Hashes (and stamps) of files looked up and missed, until their result is settled. */
  private readonly pending = new Map<string, { hash: string; stamp?: string }>();

  /** A cache that only answers lookups, from another thread's snapshot(); it is never saved. */
  static reader(entries: CacheSnapshot): ResultCache {
    return new ResultCache("", entries);
  }

  /** The entries, to be copied into worker threads. */
  snapshot(): CacheSnapshot {
    return this.entries;
  }

  /** What remember() noted for `key`, forgotten here (a reader hands it to the main cache). */
  takeRemembered(key: string): { hash: string; stamp?: string } | undefined {
    const noted = this.pending.get(key);
    this.pending.delete(key);
    return noted;
  }

  /** The stamp recorded for `key`, if any: without one, no stamp can answer for the file. */
  recordedStamp(key: string): string | undefined {
    return this.entryOf(key)?.t;
  }

  /**
   * The findings (and declined style rewrites) of a cached unchanged result for a file whose stamp
   * has not moved, without reading it.
   */
  lookupStamp(key: string, stamp: string | undefined): CachedAnswer | undefined {
    if (stamp === undefined) return undefined;
    const entry = this.entryOf(key);
    if (!entry || entry.t !== stamp || !depsUnchanged(entry.d)) return undefined;
    return answerOf(entry);
  }

  /**
   * The findings (and declined style rewrites) of a cached unchanged result for these bytes, or
   * undefined on a miss. A hit with a new stamp (a file touched but not changed, or first seen old
   * enough) records it, so the next run need not read the file.
   */
  lookup(key: string, hash: string, stamp?: string): CachedAnswer | undefined {
    const entry = this.entryOf(key);
    if (!entry || entry.h !== hash || !depsUnchanged(entry.d)) return undefined;
    if (stamp !== undefined && entry.t !== stamp) this.quietUpdates.set(key, (e) => ({ ...e, t: stamp }));
    return answerOf(entry);
  }

  store(
    key: string, hash: string, findings: readonly Finding[], deps?: readonly Dependency[], declined?: readonly Finding[], stamp?: string,
    problems?: readonly Problem[],
  ): void {
    const entry: Entry = { h: hash };
    if (stamp !== undefined) entry.t = stamp;
    if (findings.length > 0) entry.f = [...findings];
    if (declined && declined.length > 0) entry.s = [...declined];
    if (problems && problems.length > 0) entry.p = [...problems];
    if (deps && deps.length > 0) entry.d = [...deps];
    const old = this.entryOf(key);
    // The same bytes and the same answer, only other dependency stamps: no answer changes.
    if (old && sameAnswer(old, entry)) this.quietUpdates.set(key, () => entry);
    else this.set(key, entry);
  }

  forget(key: string): void {
    if (Object.hasOwn(this.entries, key)) {
      delete this.entries[key];
      this.dirty = true;
    }
  }

  /** Notes the hash (and stamp) of a file that missed, for settle() once its result is known. */
  remember(key: string, hash: string, stamp?: string): void {
    this.pending.set(key, { hash, stamp });
  }

  /**
   * Keeps a result that changed nothing and had no problem, or, for a file just rewritten, the
   * rewritten bytes when running on them again would change nothing (so the next run needs no
   * work and leaves the cache as it is); forgets the file otherwise.
   */
  settle(result: {
    path: string; status: string; problems: readonly Problem[]; findings: readonly Finding[];
    declined?: readonly Finding[]; dependencies?: readonly Dependency[]; settledHash?: string;
  }): void {
    const pending = this.pending.get(result.path);
    if (pending === undefined) return;
    this.pending.delete(result.path);
    const { hash, stamp } = pending;
    if (keepable(result.status, result.problems)) this.store(result.path, hash, result.findings, result.dependencies, result.declined, stamp, result.problems);
    else if (result.status === "changed" && result.settledHash) this.store(result.path, result.settledHash, result.findings, result.dependencies, result.declined);
    else this.forget(result.path);
  }

  /** Writes the cache back (atomically) and removes caches of other configurations unused for long. */
  save(): void {
    if (!this.dirty) return;
    for (const [key, update] of this.quietUpdates) {
      const entry = this.entryOf(key);
      if (entry) this.set(key, update(entry));
    }
    this.quietUpdates.clear();
    const dir = path.dirname(this.file);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, ".gitignore"), "# Written by pycodemod: the cache never belongs in git.\n*\n");
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, key: this.key, entries: this.entries }));
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
