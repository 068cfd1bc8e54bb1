// Spreads files over worker threads in small batches and hands results back in the order the
// files were discovered, so output (diffs, lists) is the same whatever the thread timing.
import { Worker } from "node:worker_threads";
import type { FileJob, FileResult } from "./process-file.js";
import type { WorkerSetup } from "./worker.js";

const BATCH_SIZE = 32;

export async function runInWorkers(
  files: readonly FileJob[],
  setup: WorkerSetup,
  jobs: number,
  onResult: (result: FileResult) => void,
): Promise<void> {
  const batches: { start: number; files: FileJob[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push({ start, files: files.slice(start, start + BATCH_SIZE) });
  const done = new Map<number, FileResult[]>();
  let nextToEmit = 0;
  let nextBatch = 0;
  const emitReady = () => {
    for (let ready = done.get(nextToEmit); ready; ready = done.get(nextToEmit)) {
      done.delete(nextToEmit);
      for (const result of ready) onResult(result);
      nextToEmit += ready.length;
    }
  };
  const url = new URL("./worker.js", import.meta.url);
  const workers = Array.from({ length: Math.min(jobs, batches.length) }, () => new Worker(url, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: { start: number } | undefined;
            const feed = () => {
              const batch = batches[nextBatch++];
              if (!batch) {
                current = undefined;
                resolve();
                return;
              }
              current = batch;
              worker.postMessage(batch.files);
            };
            worker.on("message", (results: FileResult[]) => {
              done.set(current!.start, results);
              emitReady();
              feed();
            });
            worker.once("error", reject);
            worker.once("exit", (code) => {
              if (current) reject(new Error(`worker stopped (exit code ${code}) while processing files`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
