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
  accessSync, closeSync, fsync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync,
  statSync, unlinkSync, writeSync, type Stats,
} from "node:fs";
import path from "node:path";
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

function assertUnchanged(target: string, readStat: Stats): Stats {
  const now = statSync(target);
  if (!sameFile(now, readStat)) {
    throw new ChangedOnDiskError("file changed on disk while pycodemod was working; not overwritten, run pycodemod again");
  }
  return now;
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
  fchmodSync(fd, original.mode & 0o7777); // after chown, which may clear set-id bits
}

function randomName(): string {
  return `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2, 12) || "0"}.tmp`;
}

/** The checks before a write: the real file (links followed), its folder, and its current stat. */
function prepareWrite(file: string, readStat: Stats): { target: string; dir: string; original: Stats } {
  // Follow a symbolic link once, to the file it names: that file is replaced, the link is kept.
  const target = realpathSync(file);
  const dir = path.dirname(target);
  sweepStaleTemps(dir);
  const original = assertUnchanged(target, readStat);
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
function writeTemp(dir: string, original: Stats, bytes: Uint8Array): { temp: string; fd: number } {
  let temp = path.join(dir, randomName());
  let fd: number;
  try {
    fd = openSync(temp, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    temp = path.join(dir, randomName());
    fd = openSync(temp, "wx", 0o600);
  }
  try {
    copyOwnerAndMode(fd, original);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
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
 * Replaces `file` with `bytes` atomically. `readStat` is the stat taken when the file was read; if
 * the file no longer matches it, nothing is written and ChangedOnDiskError is thrown.
 */
export function writeAtomic(file: string, bytes: Uint8Array, readStat: Stats): void {
  const { target, dir, original } = prepareWrite(file, readStat);
  const { temp, fd } = writeTemp(dir, original, bytes);
  let open: number | undefined = fd;
  try {
    fsyncSync(fd);
    closeSync(fd);
    open = undefined;
    // Checked again as late as possible: an editor may have saved while we were working.
    assertUnchanged(target, readStat);
    renameSync(temp, target);
  } catch (error) {
    discard(temp, open);
    throw error;
  }
  syncFolder(dir);
}

/**
 * writeAtomic without waiting for the disk: the flush of the temp file runs on libuv's thread
 * pool while the caller goes on with the next file, and the rename follows the flush, so a crash
 * still leaves the old or the new file. The folder is not flushed here: the caller flushes each
 * folder once, after its last write (folder-flush.ts). Resolves to that folder.
 */
export async function writeAtomicAsync(file: string, bytes: Uint8Array, readStat: Stats): Promise<string> {
  const { target, dir, original } = prepareWrite(file, readStat);
  const { temp, fd } = writeTemp(dir, original, bytes);
  let open: number | undefined = fd;
  try {
    await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
    closeSync(fd);
    open = undefined;
    assertUnchanged(target, readStat);
    renameSync(temp, target);
  } catch (error) {
    discard(temp, open);
    throw error;
  }
  return dir;
}

/** Makes the rename itself durable; best effort (not every platform can fsync a folder). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
