// Files are worked out one after another (the work is synchronous JavaScript), but a rewritten
// file then waits for the disk to flush it. Instead of waiting, the next file is started: at most
// `limit` files may be waiting for their writes at once.

/** Runs `work` on each item in turn without waiting for the asynchronous tail of earlier items. */
export async function overlapped<T>(items: Iterable<T>, work: (item: T) => Promise<void>, limit = 16): Promise<void> {
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  for (const item of items) {
    const promise = work(item).then(
      () => {
        pending.delete(promise);
      },
      (error: unknown) => {
        pending.delete(promise);
        failure ??= error;
      },
    );
    pending.add(promise);
    if (pending.size >= limit) await Promise.race(pending);
    if (failure !== undefined) break;
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure;
}
