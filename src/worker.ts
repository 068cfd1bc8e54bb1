// Worker thread: receives batches of files, answers with their results. Rules are selected
// from the registry here (functions cannot cross threads); the grammar loads once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type FileJob, type FileResult, type JobSettings } from "./process-file.js";
import { selectRules } from "./rules.js";
import type { Targets } from "./target.js";

export interface WorkerSetup {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
  write: boolean;
  keepText: boolean;
}

const setup = workerData as WorkerSetup;
const settings: JobSettings = {
  rules: selectRules({ targets: setup.targets, select: setup.select, ignore: setup.ignore }),
  targets: setup.targets,
  write: setup.write,
  keepText: setup.keepText,
};

parentPort!.on("message", async (batch: FileJob[]) => {
  const results: FileResult[] = [];
  for (const job of batch) {
    try {
      results.push(await processFile(job, settings));
    } catch (error) {
      results.push({
        path: job.display, absolutePath: job.absolute, status: "error", fixes: [], findings: [],
        problems: [{ kind: "rule-error", message: `internal error: ${(error as Error)?.message ?? error}; left unchanged` }],
      });
    }
  }
  parentPort!.postMessage(results);
});
