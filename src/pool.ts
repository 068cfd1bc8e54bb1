// Worker threads that pull files needing real work (parse + rules) from a shared queue, which
// the main thread may still be filling while it triages, and may itself help to drain. With 2
// cores that is the main thread plus one worker. Workers are started early on big trees, so their
// start-up (modules + grammar, ~100 ms) overlaps triage.
import { Worker } from "node:worker_threads";
import { processFile, type FileJob, type FileResult, type JobSettings } from "./process-file.js";
import type { WorkerSetup } from "./worker.js";
import { overlapped } from "./overlap.js";

/** Files sent to a worker per message; two batches are kept in flight per worker. */
const BATCH_SIZE = 8;
const IN_FLIGHT = 2;

export interface IndexedJob extends FileJob {
  index: number;
}

/** Jobs in discovery order; `closed` once no more will be added. */
export class WorkQueue {
  private readonly jobs: IndexedJob[] = [];
  private next = 0;
  closed = false;

  push(job: IndexedJob): void {
    this.jobs.push(job);
  }

  get waiting(): number {
    return this.jobs.length - this.next;
  }

  take(n: number): IndexedJob[] {
    const batch = this.jobs.slice(this.next, this.next + n);
    this.next += batch.length;
    return batch;
  }
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    setup: WorkerSetup,
    count: number,
    private readonly queue: WorkQueue,
    onResult: (index: number, result: FileResult) => void,
  ) {
    const url = new URL("./worker.js", import.meta.url);
    this.slots = Array.from({ length: count }, () => ({ worker: new Worker(url, { workerData: setup }), inFlight: 0 }));
    for (const slot of this.slots) {
      slot.worker.on("message", (results: { index: number; result: FileResult }[]) => {
        slot.inFlight--;
        for (const { index, result } of results) onResult(index, result);
        this.pump();
        this.wake?.();
      });
      slot.worker.on("error", (error) => {
        this.failure ??= error;
        this.wake?.();
      });
    }
  }

  /** Sends full batches (any batch once the queue is closed) to workers with room for one. */
  pump(): void {
    for (const slot of this.slots) {
      while (slot.inFlight < IN_FLIGHT && (this.queue.waiting >= BATCH_SIZE || (this.queue.closed && this.queue.waiting > 0))) {
        slot.worker.postMessage(this.queue.take(BATCH_SIZE));
        slot.inFlight++;
      }
    }
  }

  /**
   * Closes the queue and drains it: the main thread takes one file at a time (yielding in between
   * so worker messages are answered promptly) while the workers take batches.
   */
  async drain(settings: readonly JobSettings[], onResult: (index: number, result: FileResult) => void): Promise<void> {
    this.queue.closed = true;
    this.pump();
    const jobs = (function* (queue: WorkQueue) {
      for (let job = queue.take(1)[0]; job; job = queue.take(1)[0]) yield job;
    })(this.queue);
    // The main thread's own files: each rewritten file's flush overlaps the next file's work.
    await overlapped(jobs, async (job) => {
      const result = await processFile(job, settings[job.profile ?? 0]!);
      onResult(job.index, result);
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failure) throw this.failure;
    });
    while (this.slots.some((s) => s.inFlight > 0)) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
