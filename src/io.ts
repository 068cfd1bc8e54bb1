// The only place that writes user files. A write goes to a temporary file in the same folder
// and is renamed over the original, so a crash leaves either the old or the new file; the
// original's permission bits are kept; a file that changed on disk since it was read is not
// overwritten.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import path from "node:path";

export class ChangedOnDiskError extends Error {}

export const TEMP_PREFIX = ".pycodemod-";

export function writeAtomic(file: string, bytes: Uint8Array, readStat: Stats): void {
  const now = statSync(file);
  if (now.size !== readStat.size || now.mtimeMs !== readStat.mtimeMs || now.ino !== readStat.ino) {
    throw new ChangedOnDiskError("file changed on disk while pycodemod was working; not overwritten");
  }
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", now.mode & 0o7777);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}
