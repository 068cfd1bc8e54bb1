// Worker thread: receives batches of files, answers with their results. Rules are selected
// from the registry here (functions cannot cross threads); the grammar loads once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { loadParser } from "./engine/parser.js";
import { processFile, type FileResult, type JobSettings } from "./process-file.js";
import type { IndexedJob } from "./pool.js";
import { overlapped } from "./overlap.js";
import { registry, selectRules } from "./rules.js";
import type { Targets } from "./target.js";
import { ProjectView, type ProjectViewSetup } from "./project-view.js";

interface ProfileSetup {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
}

export interface WorkerSetup extends ProfileSetup {
  write: boolean;
  keepText: boolean;
  project?: ProjectViewSetup;
  /** Profiles 1…n of the run (per-file targets and ignores); 0 is the setup itself. */
  profiles?: ProfileSetup[];
  /** Absolute paths of plugin modules. */
  plugins?: string[];
}

const setup = workerData as WorkerSetup;
let settingsList: JobSettings[] = [];
const project = setup.project ? new ProjectView(setup.project) : undefined;

// Only files that passed the prefilter are sent here, so the grammar is always needed: load it
// right away, while the main thread is still triaging.
const ready = (async () => {
  const plugins = setup.plugins?.length ? await (await import("./plugins.js")).loadPlugins(setup.plugins) : [];
  const available = plugins.length > 0 ? [...registry, ...plugins] : undefined;
  settingsList = [setup, ...(setup.profiles ?? [])].map((p) => ({
    rules: selectRules({ targets: p.targets, select: p.select, ignore: p.ignore, rules: available }),
    targets: p.targets,
    write: setup.write,
    keepText: setup.keepText,
    project,
  }));
  await loadParser();
})();

parentPort!.on("message", async (batch: IndexedJob[]) => {
  await ready;
  const results: { index: number; result: FileResult }[] = [];
  // A rewritten file's flush to disk overlaps the work on the next file of the batch.
  await overlapped(batch, async (job) => {
    let result: FileResult;
    try {
      result = await processFile(job, settingsList[job.profile ?? 0]!);
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
