// The loop every thread of a shared run goes through (pool.ts): take the next file from the
// shared counter, work it out completely (read, triage, parse and rewrite when a rule may change
// it), hand the result on. A file is taken only when this thread is free to start on it (the work
// up to a file's write is synchronous once the grammar is loaded).
import type { Claims, IndexedJob } from "./pool.js";
import { processFile, triageFile, type FileResult, type JobSettings } from "./process-file.js";
import { overlapped } from "./overlap.js";
import { isParserLoaded, loadParser } from "./engine/parser.js";

export interface TakeOptions {
  /** As in overlapped(): lets a thread answer messages now and then. */
  breathe?: () => Promise<void> | undefined;
  /** Turns a file's unexpected failure into its result (otherwise the run fails). */
  guard?: (job: IndexedJob, error: unknown) => FileResult;
}

/** Works through the files `claims` hands this thread. */
export async function takeFiles(
  files: readonly IndexedJob[],
  claims: Claims,
  settingsOf: (job: IndexedJob) => JobSettings,
  onResult: (job: IndexedJob, result: FileResult) => void,
  { breathe, guard }: TakeOptions = {},
): Promise<void> {
  const taken = (function* () {
    for (let at = claims.take(); at < files.length; at = claims.take()) yield files[at]!;
  })();
  // The grammar loads (asynchronously) when the first file needs a parse. The loop waits for it
  // before it takes another file: otherwise it would take the next, and the next, while waiting.
  let grammar: Promise<unknown> | undefined;
  const pause = () => {
    const waiting = grammar;
    grammar = undefined;
    return waiting ? waiting.then(() => undefined) : breathe?.();
  };
  // A rewritten file's flush to disk overlaps the work on the next file.
  await overlapped(taken, async (job) => {
    let result: FileResult;
    try {
      const settings = settingsOf(job);
      const triage = triageFile(job, settings);
      if (!("done" in triage) && !isParserLoaded()) await (grammar = loadParser());
      result = "done" in triage ? await triage.done : await processFile(job, settings, triage.loaded);
    } catch (error) {
      if (!guard) throw error;
      result = guard(job, error);
    }
    onResult(job, result);
  }, { breathe: pause });
}

/** A `breathe` that yields to the event loop once `everyMs` of work has passed since the last time. */
export function breatheEvery(everyMs: number): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < everyMs) return undefined;
    last = now;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
