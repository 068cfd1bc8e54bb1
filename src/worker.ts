// Worker thread: receives batches of files, answers with their results. Rules are selected
// from the registry here (functions cannot cross threads); the grammar loads once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { loadParser } from "./engine/parser.js";
import { processFile, type FileResult, type JobSettings } from "./process-file.js";
import type { IndexedJob } from "./pool.js";
import { overlapped } from "./overlap.js";
import { selectRules } from "./rules.js";
import type { Targets } from "./target.js";
import { ProjectView, type ProjectViewSetup } from "./project-view.js";

export interface WorkerSetup {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
  write: boolean;
  keepText: boolean;
  project?: ProjectViewSetup;
}

const setup = workerData as WorkerSetup;
const settings: JobSettings = {
  rules: selectRules({ targets: setup.targets, select: setup.select, ignore: setup.ignore }),
  targets: setup.targets,
  write: setup.write,
  keepText: setup.keepText,
  project: setup.project ? new ProjectView(setup.project) : undefined,
};

// Only files that passed the prefilter are sent here, so the grammar is always needed: load it
// right away, while the main thread is still triaging.
const ready = loadParser();

parentPort!.on("message", async (batch: IndexedJob[]) => {
  await ready;
  const results: { index: number; result: FileResult }[] = [];
  // A rewritten file's flush to disk overlaps the work on the next file of the batch.
  await overlapped(batch, async (job) => {
    let result: FileResult;
    try {
      result = await processFile(job, settings);
    } catch (error) {
      result = {
        path: job.display, absolutePath: job.absolute, status: "error", fixes: [], findings: [],
        problems: [{ kind: "rule-error", message: `internal error: ${(error as Error)?.message ?? error}; left unchanged` }],
      };
    }
    results.push({ index: job.index, result });
  });
  parentPort!.postMessage(results);
});
