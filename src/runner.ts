// Paths → discovered files → results. The main thread first triages every file (read, decode,
// prefilter: the cheap part); only files some rule may change get the full treatment, on the main
// thread alone for small amounts of work, or shared with worker threads past a threshold (worker
// start-up costs more than it saves on a handful of files). Results come back in discovery order.
import { availableParallelism } from "node:os";
import path from "node:path";
import { discover, type DiscoveryError } from "./discover.js";
import type { Rule } from "./engine/rule.js";
import { processFile, triageFile, type FileJob, type FileResult, type JobSettings, type LoadedFile } from "./process-file.js";
import type { WorkerSetup } from "./worker.js";
import { registry, selectRules } from "./rules.js";
import { parseTargets } from "./target.js";
import { ProjectView, projectRoots } from "./project-view.js";
import { templateSetup } from "./templates/setup.js";
import { ResultCache } from "./cache.js";
import { syncFolders } from "./io.js";
import { overlapped } from "./overlap.js";

export type { FileJob, FileResult, JobSettings };
export { processFile };

/** Bytes of files needing a parse below which the main thread works alone (~0.25 s of parsing). */
export const PARALLEL_MIN_BYTES = 1_000_000;
/** From this many files on, workers are started before triage ends, to hide their start-up... */
const EARLY_START_FILES = 300;
/** ...once triage has found this many files to parse (none at all: a warm cache starts no worker). */
const EARLY_START_JOBS = 8;

export interface UpgradeOptions {
  target: string | string[];
  select?: readonly string[];
  ignore?: readonly string[];
  /** Custom rules instead of the built-in registry (runs on the main thread). */
  rules?: readonly Rule[];
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Upgrade Django templates too when the target has a Django version (default true). */
  templates?: boolean;
  /** Write changed files back (default false: report only). */
  write?: boolean;
  /** Keep before/after text of changed files in the results (default true). */
  keepText?: boolean;
  /** Worker threads (default: available cores); 1 keeps everything on the main thread. */
  jobs?: number;
  cwd?: string;
  /**
   * Reuse results of earlier runs kept in `.pycodemod_cache/` under `cwd` (default false; the
   * CLI turns it on unless --no-cache). Never used with custom `rules`.
   */
  cache?: boolean;
  onResult?: (result: FileResult) => void;
  /** Leaves out files for which this answers false (config excludes, which apply to named files too). */
  keep?: (file: FileJob) => boolean;
  /** Called once the files are known, before any is processed (progress display). */
  onDiscovered?: (count: number) => void;
  /**
   * Per-file settings that differ from the run's (sub-projects' auto targets, per-path ignores):
   * asked once per file before any file is processed, so it may throw to stop the run untouched.
   */
  profileOf?: (file: FileJob) => RuleProfile | undefined;
  /** Target for templates when it differs from `target` (auto targets: the working directory's). */
  templateTarget?: string | string[];
  /** Plugin modules whose rules join the built-in ones (loaded in every worker too). */
  plugins?: readonly string[];
}

/** Target and rule choice for a group of files. */
export interface RuleProfile {
  target: string | string[];
  select?: readonly string[];
  ignore?: readonly string[];
}

export interface UpgradeSummary {
  results: FileResult[];
  /** Paths that do not exist or cannot be listed. */
  pathErrors: DiscoveryError[];
}

/** Upgrades every Python file under `paths`. Writes only with `write: true`. */
export async function upgrade(paths: readonly string[], options: UpgradeOptions): Promise<UpgradeSummary> {
  const { loadPlugins } = options.plugins?.length ? await import("./plugins.js") : { loadPlugins: undefined };
  const pluginRules = loadPlugins ? await loadPlugins(options.plugins!, options.cwd) : [];
  const available = options.rules ?? (pluginRules.length > 0 ? [...registry, ...pluginRules] : undefined);
  const profiles: RuleProfile[] = [{ target: options.target, select: options.select, ignore: options.ignore }];
  const choose = (p: RuleProfile) => {
    const targets = parseTargets(p.target);
    return { targets, rules: selectRules({ targets, select: p.select, ignore: p.ignore, rules: available }) };
  };
  const { targets, rules } = choose(profiles[0]!);
  const walk = { cwd: options.cwd, exclude: options.exclude, gitignore: options.gitignore };
  const given = paths.length > 0 ? paths : ["."];
  const templateTargets = options.templateTarget !== undefined ? parseTargets(options.templateTarget) : targets;
  const templates = templateSetup(given, options, templateTargets, walk);
  const { files: found, errors } = templates ? templates.discovered : discover(given, walk);
  // A path the user named that cannot be used is a usage error: touch nothing at all.
  const named = new Set(paths);
  if (errors.some((e) => named.has(e.path))) return { results: [], pathErrors: errors };
  const kept = options.keep ? found.filter(options.keep) : found;
  const files: FileJob[] = options.profileOf ? withProfiles(kept, options.profileOf, profiles) : kept;
  options.onDiscovered?.(files.length);
  const keepText = options.keepText ?? true;
  const write = options.write ?? false;
  const results: FileResult[] = [];
  // Plugin code is not part of the cache's fingerprint: no cache with plugins.
  const cache = options.cache && !options.rules && !options.plugins?.length ? ResultCache.open(options.cwd ?? process.cwd(), cacheConfiguration(options, rules)) : undefined;
  const collect = (result: FileResult) => {
    cache?.settle(result);
    options.onResult?.(result);
    results.push(result);
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  // Each thread builds its own view from this (a view holds parsed modules, which cannot be shared).
  const project = { cwd: path.resolve(options.cwd ?? "."), roots: projectRoots(files) };
  const view = new ProjectView(project);
  const templateSettings = templates?.settings(write, keepText);
  // Files of another profile than the run's own get cache entries of their own (a salted hash).
  const settings: JobSettings[] = [
    { rules, targets, write, keepText, project: view, templates: templateSettings, cache },
    ...profiles.slice(1).map((p) => ({ ...choose(p), write, keepText, project: view, templates: templateSettings, cache, cacheSalt: JSON.stringify(p) })),
  ];
  if (jobs === 1 || options.rules) {
    const inOrder = new InOrder(files.length, collect);
    await overlapped(files.entries(), async ([index, file]) => {
      const own = settings[file.profile ?? 0]!;
      const triage = triageFile(file, own);
      inOrder.put(index, "done" in triage ? triage.done : await processFile(file, own, triage.loaded));
    });
  } else {
    const setup: WorkerSetup = {
      targets, select: options.select, ignore: options.ignore, write, keepText, project,
      profiles: settings.slice(1).map((s, i) => ({ targets: s.targets, select: profiles[i + 1]!.select, ignore: profiles[i + 1]!.ignore })),
      plugins: options.plugins?.map((p) => path.resolve(options.cwd ?? process.cwd(), p)),
    };
    await runParallel(files, settings, setup, jobs, collect);
  }
  // Rewrites were renamed into place without flushing their folders: one flush per folder now.
  if (write) await syncFolders(results.flatMap((r) => (r.folder ? [r.folder] : [])));
  cache?.save();
  return { results, pathErrors: errors };
}

/** What besides a file's bytes decides its result: every option but the ones about output. */
function cacheConfiguration(options: UpgradeOptions, rules: readonly Rule[]): unknown {
  const { write: _w, keepText: _k, jobs: _j, onResult: _o, cwd: _c, cache: _x, ...rest } = options;
  return { ...rest, rules: rules.map((r) => r.id) };
}

/** Numbers each distinct profile (0 is the run's own) and tags every file with its own. */
function withProfiles(files: readonly FileJob[], profileOf: (file: FileJob) => RuleProfile | undefined, profiles: RuleProfile[]): FileJob[] {
  const index = new Map<string, number>();
  return files.map((file) => {
    if (file.template) return file; // templates use the run's template settings
    const profile = profileOf(file);
    if (!profile) return file;
    const key = JSON.stringify(profile);
    let at = index.get(key);
    if (at === undefined) {
      at = profiles.push(profile) - 1;
      index.set(key, at);
    }
    return { ...file, profile: at };
  });
}

/**
 * Triage on the main thread; the real work on the main thread plus `jobs - 1` workers. On big
 * trees the workers start at once and take work while triage is still going.
 */
async function runParallel(
  files: readonly FileJob[],
  settingsList: readonly JobSettings[],
  setup: WorkerSetup,
  jobs: number,
  collect: (result: FileResult) => void,
): Promise<void> {
  const { WorkerPool, WorkQueue } = await import("./pool.js");
  const settingsOf = (file: FileJob) => settingsList[file.profile ?? 0]!;
  const inOrder = new InOrder(files.length, collect);
  const finish = (index: number, result: FileResult) => inOrder.put(index, result);
  const queue = new WorkQueue();
  let pool: InstanceType<typeof WorkerPool> | undefined;
  try {
    // Without a pool yet: what triage read, kept while it is little enough to process here.
    let kept: (LoadedFile | undefined)[] | undefined = [];
    let workBytes = 0;
    for (const [index, file] of files.entries()) {
      const triage = triageFile(file, settingsOf(file));
      if ("done" in triage) inOrder.hold(index, triage.done);
      else {
        queue.push({ ...file, index });
        workBytes += triage.size;
        kept?.push(triage.loaded);
        if (workBytes >= PARALLEL_MIN_BYTES) kept = undefined;
        if (!pool && files.length >= EARLY_START_FILES && queue.waiting >= EARLY_START_JOBS) {
          pool = new WorkerPool(setup, jobs - 1, queue, finish);
          kept = undefined;
        }
      }
      if (pool && index % 64 === 63) {
        // Let the workers' answers in and hand out what triage has found so far.
        pool.pump();
        inOrder.flush();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    inOrder.flush();
    if (kept) {
      await overlapped(queue.take(queue.waiting).entries(), async ([i, job]) => {
        const loaded = kept![i];
        kept![i] = undefined;
        finish(job.index, await processFile(job, settingsOf(job), loaded));
      });
      return;
    }
    pool ??= new WorkerPool(setup, jobs - 1, queue, finish);
    await pool.drain(settingsList, finish);
  } finally {
    await pool?.close();
  }
}

/** Hands results to `collect` in discovery order, whatever order they arrive in. */
class InOrder {
  private readonly done: (FileResult | undefined)[];
  private emitted = 0;

  constructor(private readonly count: number, private readonly collect: (result: FileResult) => void) {
    this.done = new Array(count);
  }

  /** Keeps a result without handing anything out yet (triage batches its hand-outs). */
  hold(index: number, result: FileResult): void {
    this.done[index] = result;
  }

  put(index: number, result: FileResult): void {
    this.done[index] = result;
    this.flush();
  }

  flush(): void {
    while (this.emitted < this.count && this.done[this.emitted]) {
      this.collect(this.done[this.emitted]!);
      this.done[this.emitted++] = undefined; // release it; memory stays flat on big trees
    }
  }
}
