// Sharing a run between the main thread and worker threads. Every thread takes the next file from
// one shared counter (an atomic add on shared memory, so nobody waits for a coordinator), reads
// it, triages it and, when a rule may change it, parses and rewrites it: triage costs as much as
// a tenth of the run and is shared too, and no file's text crosses between threads. With 2 cores
// that is the main thread plus one worker. Taking one file at a time keeps the threads busy to the
// end (the last file to finish is at most one file's work away from the other thread's).
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { FileJob, FileResult } from "./process-file.js";
import type { ResultCache, CacheSnapshot } from "./cache.js";
import type { WorkerRun, WorkerSetup } from "./worker.js";
import { importerBoard, type ImporterSharing } from "./shared-importers.js";

export interface IndexedJob extends FileJob {
  /** Position in the run's discovery order (results are handed out in that order). */
  index: number;
}

/** One result from a worker; `missed`: the file's hash (and stamp) when the cache missed it. */
export interface WorkerResult {
  index: number;
  result: FileResult;
  missed?: { hash: string; stamp?: string };
}

/** The shared "next file" counter. Each take() hands out a position no other thread gets. */
export class Claims {
  private readonly next: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.next = new Int32Array(buffer);
  }

  take(): number {
    return Atomics.add(this.next, 0, 1);
  }
}

export class WorkerPool {
  private readonly workers: Worker[];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private received = 0;
  private closing = false;
  /** The main thread's ports to the workers (importer indexes), closed with the pool. */
  private ports: MessagePort[] = [];

  /** Starts `count` workers; each loads its modules, rules and the grammar right away. */
  constructor(setup: WorkerSetup, count: number, private readonly cache: ResultCache | undefined, onResult: (index: number, result: FileResult) => void) {
    const url = new URL("./worker.js", import.meta.url);
    this.workers = Array.from({ length: count }, () => new Worker(url, { workerData: setup }));
    for (const worker of this.workers) {
      worker.on("message", (results: WorkerResult[]) => {
        for (const { index, result, missed } of results) {
          // The worker looked the file up and missed: the main cache settles it with the result.
          if (missed) this.cache?.remember(result.path, missed.hash, missed.stamp);
          onResult(index, result);
        }
        this.received += results.length;
        this.wake?.();
      });
      worker.on("error", (error) => {
        this.failure ??= error;
        this.wake?.();
      });
      // A worker ends by itself (exit code 0) once no file is left for it.
      worker.on("exit", (code) => {
        if (code !== 0 && !this.closing) this.failure ??= new Error(`worker thread stopped (exit code ${code})`);
        this.wake?.();
      });
    }
  }

  /**
   * Hands the workers the run: they take files from `claims` until none are left. Returns the main
   * thread's part of the importer sharing: every pair of threads (this one, then each worker) gets
   * a channel of its own, and all share one board.
   */
  start(run: Omit<WorkerRun, "cache" | "importers">): ImporterSharing {
    const message = { ...run, cache: this.cache?.snapshot() };
    const board = importerBoard();
    const ports: MessagePort[][] = Array.from({ length: this.workers.length + 1 }, () => []);
    for (let a = 0; a < ports.length; a++) {
      for (let b = a + 1; b < ports.length; b++) {
        const { port1, port2 } = new MessageChannel();
        ports[a]!.push(port1);
        ports[b]!.push(port2);
      }
    }
    this.workers.forEach((worker, i) => {
      const own = ports[i + 1]!;
      worker.postMessage({ ...message, importers: { board, ports: own } } satisfies WorkerRun, own);
    });
    this.ports = ports[0]!;
    return { board, ports: this.ports };
  }

  /** Resolves once the workers' results make `total` with the main thread's own `done`. */
  async finish(total: () => number): Promise<void> {
    while (this.received < total()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Stops the workers (one that never took a file may still be loading: it is not waited for). */
  async close(): Promise<void> {
    this.closing = true;
    for (const port of this.ports) port.close();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
