// Worker thread: loads its rules and the grammar as soon as it starts (while the main thread is
// still busy), then receives the run (the files, the shared counter, the project, a copy of the
// cache) and takes files from the counter like the main thread does (take-files.ts), sending
// results back in batches. Rules are selected from the registry here: functions cannot cross
// threads.
import { parentPort, workerData } from "node:worker_threads";
import { loadParser } from "./engine/parser.js";
import type { FileResult, JobSettings } from "./process-file.js";
import { Claims, type IndexedJob, type WorkerResult } from "./pool.js";
import { registry, selectRules } from "./rules.js";
import type { Targets } from "./target.js";
import { ProjectView, type ProjectViewSetup } from "./project-view.js";
import { ResultCache, type CacheSnapshot } from "./cache.js";
import { takeFiles } from "./take-files.js";
import { SharedImporters, type ImporterSharing } from "./shared-importers.js";

export interface ProfileSetup {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
  /** Salt of the cache entries of files with this profile (see JobSettings.cacheSalt). */
  cacheSalt?: string;
}

/** What a worker needs before the files are known. */
export interface WorkerSetup extends ProfileSetup {
  write: boolean;
  keepText: boolean;
  /** Absolute paths of plugin modules. */
  plugins?: string[];
}

/** The run itself, sent once discovery is done. */
export interface WorkerRun {
  files: IndexedJob[];
  claims: SharedArrayBuffer;
  project: ProjectViewSetup;
  /** Profiles 1…n of the run (per-file targets and ignores); 0 is the setup itself. */
  profiles: ProfileSetup[];
  cache?: CacheSnapshot;
  /** Importer indexes built once for all threads (shared-importers.ts). */
  importers?: ImporterSharing;
}

/** Results are sent once this many are waiting, or this long after the first of them. */
const BATCH_RESULTS = 32;
const BATCH_MS = 10;

const setup = workerData as WorkerSetup;

const ready = (async () => {
  const plugins = setup.plugins?.length ? await (await import("./plugins.js")).loadPlugins(setup.plugins) : [];
  const available = plugins.length > 0 ? [...registry, ...plugins] : undefined;
  const rulesOf = (p: ProfileSetup) => selectRules({ targets: p.targets, select: p.select, ignore: p.ignore, rules: available });
  await loadParser();
  return { rulesOf, ownRules: rulesOf(setup) };
})();

parentPort!.once("message", async (run: WorkerRun) => {
  const { rulesOf, ownRules } = await ready;
  const project = new ProjectView(run.project);
  if (run.importers) project.shareImporters(new SharedImporters(run.importers));
  const cache = run.cache ? ResultCache.reader(run.cache) : undefined;
  const settingsList: JobSettings[] = [setup, ...run.profiles].map((p, i) => ({
    rules: i === 0 ? ownRules : rulesOf(p),
    targets: p.targets,
    write: setup.write,
    keepText: setup.keepText,
    project,
    cache,
    cacheSalt: p.cacheSalt,
  }));
  let batch: WorkerResult[] = [];
  let since = 0;
  const send = () => {
    if (batch.length > 0) parentPort!.postMessage(batch);
    batch = [];
  };
  const onResult = (job: IndexedJob, result: FileResult) => {
    if (batch.length === 0) since = performance.now();
    batch.push({ index: job.index, result, missed: cache?.takeRemembered(result.path) });
    if (batch.length >= BATCH_RESULTS || performance.now() - since >= BATCH_MS) send();
  };
  const settingsOf = (job: IndexedJob) => settingsList[job.profile ?? 0]!;
  // A file that fails unexpectedly is reported as that file's problem; the run goes on.
  const guard = (job: IndexedJob, error: unknown): FileResult => ({
    path: job.display, absolutePath: job.absolute, status: "error", fixes: [], findings: [],
    problems: [{ kind: "rule-error", message: `internal error: ${(error as Error)?.message ?? error}; left unchanged` }],
  });
  await takeFiles(run.files, new Claims(run.claims), settingsOf, onResult, { guard });
  send();
});
