// Files are worked out one after another (the work is synchronous JavaScript), but a rewritten
// file then waits for the disk to flush it. Instead of waiting, the next file is started: at most
// `limit` files may be waiting for their writes at once. The flushes run on libuv's pool of four
// threads, and on a busy disk one can take 10-100 ms, while changed files come in bursts (a legacy
// app's files one after another); a deep limit lets the flushes catch up during the stretches of
// files that need no write instead of stopping the work. Each waiting write holds one open file.

export interface OverlapOptions {
  /** Most items whose asynchronous tail is still running (default 128). */
  limit?: number;
  /**
   * Asked after each item is started; a promise it returns is awaited before the next item. The
   * loop is synchronous otherwise, so this is where a thread can let messages in.
   */
  breathe?: () => Promise<void> | undefined;
}

/**
 * Runs `work` on each item in turn without waiting for the asynchronous tail of earlier items.
 *
 * The slots are a counter and one waiter, not `Promise.race` over the pending items: each race
 * adds a reaction to every pending promise, and in write mode a stretch of slow flushes keeps the
 * set nearly full, so every item of that stretch added ~128 reactions that the flushes then had to
 * run (on the ten corpora, ~0.2 s of one thread's CPU in promise jobs and their garbage).
 */
export async function overlapped<T>(items: Iterable<T>, work: (item: T) => Promise<void>, { limit = 128, breathe }: OverlapOptions = {}): Promise<void> {
  let running = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const settle = () => {
    running--;
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const slotFreed = () => new Promise<void>((resolve) => (wake = resolve));
  for (const item of items) {
    running++;
    work(item).then(settle, (error: unknown) => {
      failure ??= error;
      settle();
    });
    if (running >= limit) await slotFreed();
    const pause = breathe?.();
    if (pause) await pause;
    if (failure !== undefined) break;
  }
  while (running > 0) await slotFreed();
  if (failure !== undefined) throw failure;
}
