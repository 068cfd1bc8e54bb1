import { describe, expect, it } from "vitest";
import { overlapped } from "../src/overlap.js";

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe("overlapped", () => {
  it("starts items in order, never more than `limit` unsettled at once, and waits for every tail", async () => {
    const gates = Array.from({ length: 10 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    let finished = false;
    const run = overlapped(gates.keys(), async (i) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await gates[i]!.promise;
      running--;
    }, { limit: 3 }).then(() => (finished = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // Settling the second item (not the first) frees a slot.
    gates[1]!.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
    expect(running).toBe(0);
    expect(finished).toBe(true);
  });

  it("does not resolve while a tail is still running", async () => {
    const slow = gate();
    let finished = false;
    const run = overlapped([0, 1], async (i) => (i === 0 ? slow.promise : undefined)).then(() => (finished = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    slow.open();
    await run;
    expect(finished).toBe(true);
  });

  it("stops taking items after a failure and rethrows it once the started ones settle", async () => {
    const started: number[] = [];
    const first = gate();
    const run = overlapped([0, 1, 2, 3, 4], async (i) => {
      started.push(i);
      if (i === 0) return first.promise;
      if (i === 1) throw new Error("boom");
    }, { limit: 2 });
    await expect(Promise.race([run.then(() => "done", () => "failed"), new Promise((r) => setImmediate(() => r("pending")))])).resolves.toBe("pending");
    first.open();
    await expect(run).rejects.toThrow("boom");
    expect(started.length).toBeLessThan(5);
  });
});
