// Runs the files that need real work (parse + rules) on the main thread and on worker threads
// together, pulling from one queue. With 2 cores that is the main thread plus one worker, instead
// of two workers and an idle main thread. Workers can be started early, while the main thread is
// still triaging files, so their start-up (modules + grammar, ~100 ms) overlaps useful work.
import { Worker } from "node:worker_threads";
import { processFile, type FileJob, type FileResult, type JobSettings } from "./process-file.js";
import type { WorkerSetup } from "./worker.js";

/** Files sent to a worker per message; two batches are kept in flight per worker. */
const BATCH_SIZE = 8;

export interface IndexedJob extends FileJob {
  index: number;
}

export class WorkerPool {
  private readonly workers: Worker[];

  constructor(setup: WorkerSetup, count: number) {
    const url = new URL("./worker.js", import.meta.url);
    this.workers = Array.from({ length: count }, () => new Worker(url, { workerData: setup }));
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /**
   * Processes `jobs` on the workers and the main thread; `onResult` gets each result with the
   * job's index, in completion order.
   */
  async run(jobs: readonly IndexedJob[], settings: JobSettings, onResult: (index: number, result: FileResult) => void): Promise<void> {
    let next = 0;
    const take = (n: number): IndexedJob[] => {
      const batch = jobs.slice(next, next + n);
      next += batch.length;
      return batch;
    };
    const workerRuns = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = () => {
            const batch = take(BATCH_SIZE);
            if (batch.length === 0) return false;
            inFlight++;
            worker.postMessage(batch);
            return true;
          };
          const onMessage = (results: { index: number; result: FileResult }[]) => {
            inFlight--;
            for (const { index, result } of results) onResult(index, result);
            send();
            if (inFlight === 0) finish();
          };
          const onError = (error: Error) => {
            worker.off("message", onMessage);
            reject(error);
          };
          const finish = () => {
            worker.off("message", onMessage);
            worker.off("error", onError);
            resolve();
          };
          worker.on("message", onMessage);
          worker.once("error", onError);
          send();
          send();
          if (inFlight === 0) finish();
        }),
    );
    // The main thread takes one file at a time and yields in between, so worker messages are
    // answered promptly.
    for (let job = take(1)[0]; job; job = take(1)[0]) {
      onResult(job.index, await processFile(job, settings));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workerRuns);
  }
}
