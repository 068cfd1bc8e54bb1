// A rename is durable once its folder is flushed. Rewrites are renamed into place without that
// flush (io.ts), and each folder is flushed once after its last rewrite: as soon as results have
// been handed out past the folder's last file, while the run goes on with other folders, so the
// flushes do not pile up at the end of the run. Best effort, like every folder flush.
import { closeSync, fsync, openSync } from "node:fs";
import path from "node:path";

/**
 * Flushes one folder; never fails (not every platform can flush a folder). Only the flush itself
 * goes to libuv's thread pool: opening and closing a folder wait for no disk.
 */
export function syncFolder(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    fsync(fd, () => {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
      resolve();
    });
  });
}

export class FolderFlusher {
  /** Each folder (as discovered) → the position of its last file in the run. */
  private readonly lastIndex = new Map<string, number>();
  /** Folders written into (as written: links resolved) whose flush has not started, by discovered folder. */
  private readonly dirty = new Map<string, Set<string>>();
  private readonly flushes: Promise<void>[] = [];
  private passed = 0;

  /** `flush`: how a folder is flushed (tests watch it). */
  constructor(private readonly files: readonly { absolute: string }[], private readonly flush: (dir: string) => Promise<void> = syncFolder) {
    files.forEach((file, index) => this.lastIndex.set(path.dirname(file.absolute), index));
  }

  /** Takes the run's results in discovery order; `folder` is where a rewrite was renamed. */
  pass(result: { folder?: string }): void {
    const index = this.passed++;
    const dir = path.dirname(this.files[index]!.absolute);
    if (result.folder) {
      let written = this.dirty.get(dir);
      if (!written) this.dirty.set(dir, (written = new Set()));
      written.add(result.folder);
    }
    if (this.lastIndex.get(dir) !== index) return;
    const written = this.dirty.get(dir);
    if (!written) return;
    this.dirty.delete(dir);
    for (const folder of written) this.flushes.push(this.flush(folder));
  }

  /** Flushes what is left and waits for every flush. */
  async finish(): Promise<void> {
    for (const written of this.dirty.values()) for (const folder of written) this.flushes.push(this.flush(folder));
    this.dirty.clear();
    await Promise.all(this.flushes);
  }
}
