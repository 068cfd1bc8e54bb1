// The only place that writes user files.
//
// A write goes to a temporary file in the same folder as the file it replaces (so the rename is
// atomic: same file system), is flushed to disk, and is then renamed over the original. A crash or
// kill -9 at any moment therefore leaves either the old or the new file, never a mix. The
// original's permission bits (and, when we are allowed to, its owner) are kept. A symbolic link is
// followed: the file it points at is replaced and the link stays a link. A file that changed on
// disk since it was read is not overwritten, and neither is a file the user may not write to.
//
// A temporary file is named `.pycodemod-<pid>-<random>.tmp`. Discovery only takes `*.py` files
// and skips dot files, so a temp file left behind by a killed run is never processed; the next
// write into that folder removes temps whose process is gone (or that are old).
import {
  accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsync, lstatSync, open, readdirSync, realpathSync, rename, statSync,
  unlinkSync, write, type Stats,
} from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { DecodeError } from "./engine/text.js";
import type { Problem } from "./engine/transform.js";

export class ChangedOnDiskError extends Error {}

/** What a failed write becomes in a file's result. */
export function writeProblem(error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  const kind = error instanceof ChangedOnDiskError ? "changed-on-disk" : error instanceof DecodeError ? "decode-error" : "io-error";
  const message = code ? `cannot write: ${code}; left unchanged` : (error as Error).message;
  return { kind, message };
}

export const TEMP_PREFIX = ".pycodemod-";
/** The names writeAtomic gives its temporary files; the first group is the writer's process id. */
export const TEMP_PATTERN = /^\.pycodemod-(\d+)-[0-9a-z]+\.tmp$/;
/** A temp file older than this belongs to no write in progress, whatever its process id says. */
const STALE_AFTER_MS = 10 * 60 * 1000;

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true; // ours, maybe written by another worker thread right now
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const swept = new Set<string>();

/**
 * Removes temp files a killed pycodemod run left in `dir` (their process is gone, or they are
 * older than any write could take). Runs once per folder per process; returns the removed paths.
 */
export function sweepStaleTemps(dir: string, options: { force?: boolean } = {}): string[] {
  if (swept.has(dir) && !options.force) return [];
  swept.add(dir);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const now = Date.now();
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      if (processIsAlive(Number(match[1])) && now - stat.mtimeMs < STALE_AFTER_MS) continue;
      unlinkSync(file);
      removed.push(file);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

// The steps of a write that wait for the file system's journal run on libuv's thread pool: on
// ext4, creating a file, flushing it and renaming it wait while other writes' flushes commit the
// journal, and done synchronously, the creates and renames of the ten corpora's 418 rewrites held
// the working thread for ~0.4 s (bench/README.md, "Write mode"). The other steps (stat, fstat,
// close) touch no journal and stay synchronous: each trip to the pool costs a wake-up of a pool
// thread and of the event loop, and a write made only of trips cost more CPU than it saved.
const onPool = {
  open: promisify(open),
  write: (fd: number, buffer: Uint8Array, offset: number, length: number) =>
    new Promise<number>((resolve, reject) => write(fd, buffer, offset, length, null, (error, written) => (error ? reject(error) : resolve(written)))),
  fsync: promisify(fsync),
  rename: promisify(rename),
};

/** `now`, the file's current stat, when it still matches the stat taken when it was read. */
function unchangedSince(now: Stats, readStat: Stats): Stats {
  if (!sameFile(now, readStat)) {
    throw new ChangedOnDiskError("file changed on disk while pycodemod was working; not overwritten, run pycodemod again");
  }
  return now;
}

function assertUnchanged(target: string, readStat: Stats): Stats {
  return unchangedSince(statSync(target), readStat);
}

/** Gives the temp file the original's owner (where permitted) and permission bits. */
function copyOwnerAndMode(fd: number, original: Stats): void {
  const temp = fstatSync(fd);
  if (temp.uid !== original.uid || temp.gid !== original.gid) {
    try {
      fchownSync(fd, original.uid, original.gid);
    } catch {
      // Not permitted (we are not root): the file ends up owned by whoever ran pycodemod.
    }
  }
  // After chown, which may clear set-id bits. The temp was created with the original's bits, so
  // this is needed only when the umask took some away, or for set-id and sticky bits.
  if ((temp.mode & 0o7777) !== (original.mode & 0o7777) || temp.uid !== original.uid || temp.gid !== original.gid) {
    fchmodSync(fd, original.mode & 0o7777);
  }
}

function randomName(): string {
  return `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 12) || "0"}.tmp`;
}

/** The file a write replaces: `file` itself, or the file a symbolic link names (the link stays). */
function writeTarget(file: string): { target: string; stat?: Stats } {
  const own = lstatSync(file);
  // Not a link: its lstat is its stat. (A link among the folders above does not matter: the temp
  // file is made beside the file, through the same folders, and renamed within that folder.)
  return own.isSymbolicLink() ? { target: realpathSync.native(file) } : { target: file, stat: own };
}

/** The checks before a write: the real file (links followed), its folder, and its current stat. */
function prepareWrite(file: string, readStat: Stats): { target: string; dir: string; original: Stats } {
  const { target, stat } = writeTarget(file);
  const dir = path.dirname(target);
  sweepStaleTemps(dir);
  const original = stat ? unchangedSince(stat, readStat) : assertUnchanged(target, readStat);
  // Renaming over a read-only file would succeed, so its permission bits are checked here: a file
  // with no write bit at all is left alone whoever runs us (root included), and otherwise the
  // current user must be allowed to write it.
  let writable = (original.mode & 0o222) !== 0;
  if (writable) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) throw new Error("cannot write: the file is read-only; left unchanged (make it writable, then run again)");
  return { target, dir, original };
}

/** Creates the temp file beside `target` with the original's owner and mode, and fills it. */
async function writeTemp(dir: string, original: Stats, bytes: Uint8Array): Promise<{ temp: string; fd: number }> {
  // Created with the original's permission bits (less the umask), never wider: the new content is
  // as private as the old while it is written.
  const mode = original.mode & 0o777;
  let temp = path.join(dir, randomName());
  let fd: number;
  try {
    fd = await onPool.open(temp, "wx", mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    temp = path.join(dir, randomName());
    fd = await onPool.open(temp, "wx", mode);
  }
  try {
    copyOwnerAndMode(fd, original);
    let offset = 0;
    while (offset < bytes.length) offset += await onPool.write(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    discard(temp, fd);
    throw error;
  }
  return { temp, fd };
}

function discard(temp: string, fd: number | undefined): void {
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  try {
    unlinkSync(temp);
  } catch {
    // already renamed or gone
  }
}

/**
 * Replaces `file` with `bytes` atomically, without holding the calling thread while the disk
 * works: the caller goes on with the next file. The temp file is flushed before the rename, so a
 * crash still leaves the old or the new file. `readStat` is the stat taken when the file was
 * read; if the file no longer matches it, nothing is written and ChangedOnDiskError is thrown. The
 * folder is not flushed here: the caller flushes each folder once, after its last write
 * (folder-flush.ts). Resolves to that folder.
 */
export async function writeAtomicAsync(file: string, bytes: Uint8Array, readStat: Stats): Promise<string> {
  const { target, dir, original } = prepareWrite(file, readStat);
  const { temp, fd } = await writeTemp(dir, original, bytes);
  let open: number | undefined = fd;
  try {
    await onPool.fsync(fd);
    closeSync(fd);
    open = undefined;
    // Checked again as late as possible: an editor may have saved while we were working.
    assertUnchanged(target, readStat);
    await onPool.rename(temp, target);
  } catch (error) {
    discard(temp, open);
    throw error;
  }
  return dir;
}
