// Paths → discovered files → results. Each file is triaged (read, decode, prefilter: the cheap
// part) and only files some rule may change get the full treatment (parse, rules, write). Small
// runs stay on the main thread; from WORKER_MIN_FILES Python files on, the main thread and
// `jobs - 1` workers share the files (pool.ts). Results come back in discovery order.
import { availableParallelism } from "node:os";
import path from "node:path";
import { discover, isFolder, type DiscoveryError } from "./discover.js";
import type { Rule } from "./engine/rule.js";
import { processFile, triageFile, type FileJob, type FileResult, type JobSettings } from "./process-file.js";
import type { ProfileSetup, WorkerSetup } from "./worker.js";
import { registry, selectRules } from "./rules.js";
import { parseTargets } from "./target.js";
import { ProjectView, projectRoots, type ProjectViewSetup } from "./project-view.js";
import { SharedImporters } from "./shared-importers.js";
import { dotenvSetup } from "./dotenv/setup.js";
import { templateSetup } from "./templates/setup.js";
import { ResultCache } from "./cache.js";
import { answerStampHits } from "./stamp-hits.js";
import { walkMemo } from "./walk-memo.js";
import { FolderFlusher } from "./folder-flush.js";
import { overlapped } from "./overlap.js";
import type { IndexedJob } from "./pool.js";

export type { FileJob, FileResult, JobSettings };
export { processFile };

/**
 * Python files from which a run may be shared with worker threads; a run of a few files (a
 * pre-commit call) never starts one.
 */
export const WORKER_MIN_FILES = 32;
/**
 * Files needing a parse the main thread meets before it starts the workers: a run whose files are
 * all answered by the cache or the prefilter never pays for a worker (~0.1 s of the other core to
 * load the modules, rules and grammar); the workers start while the main thread goes on.
 */
const WORKER_START_PARSES = 8;

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
  const dotenv = dotenvSetup(options, targets);
  const walk = { cwd: options.cwd, exclude: options.exclude, gitignore: options.gitignore, ...(dotenv ? { dotenv: true } : {}) };
  const given = paths.length > 0 ? paths : ["."];
  const templateTargets = options.templateTarget !== undefined ? parseTargets(options.templateTarget) : targets;
  // With the cache, the walk of an unchanged tree is kept too (walk-memo.ts).
  const useCache = options.cache && !options.rules && !options.plugins?.length;
  const remember = useCache ? walkMemo(path.resolve(options.cwd ?? process.cwd()), given, walk) : undefined;
  const templates = templateSetup(given, options, templateTargets, walk, remember);
  const { files: found, errors } = templates ? templates.discovered : remember ? remember("python", (w) => discover(given, w)) : discover(given, walk);
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
  const cache = useCache ? ResultCache.open(options.cwd ?? process.cwd(), cacheConfiguration(options, rules)) : undefined;
  const flusher = write ? new FolderFlusher(files) : undefined;
  const collect = (result: FileResult) => {
    flusher?.pass(result);
    cache?.settle(result);
    options.onResult?.(result);
    results.push(result);
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  // Each thread builds its own view from this (a view holds parsed modules, which cannot be shared).
  const cwdAbsolute = path.resolve(options.cwd ?? ".");
  // The importer index (project-importers.ts) reuses this discovery for the folders it walked.
  const walked = given.map((p) => path.resolve(cwdAbsolute, p)).filter((p) => isFolder(p));
  const project = {
    cwd: cwdAbsolute, roots: projectRoots(files), gitignore: options.gitignore !== false,
    ...(walked.length > 0 ? { walked, files: found.filter((f) => !f.template && !f.dotenv).map((f) => f.absolute) } : {}),
  };
  const view = new ProjectView(project);
  const templateSettings = templates?.settings(write, keepText);
  const dotenvSettings = dotenv?.settings(write, keepText, files, walk);
  // Files of another profile than the run's own get cache entries of their own (a salted hash).
  const settings: JobSettings[] = [
    { rules, targets, write, keepText, project: view, templates: templateSettings, dotenv: dotenvSettings, cache },
    ...profiles.slice(1).map((p) => {
      const chosen = choose(p);
      const own = { targets: chosen.targets, select: p.select, ignore: p.ignore };
      const ownTemplates = templates?.settings(write, keepText, own);
      const ownDotenv = dotenv?.settings(write, keepText, files, walk, own);
      return { ...chosen, write, keepText, project: view, templates: ownTemplates, dotenv: ownDotenv, cache, cacheSalt: JSON.stringify(p) };
    }),
  ];
  // Files the cache answers by their stamps alone are done before any other machinery starts.
  const { todo, emit } = cache ? withStampHits(files, settings, cache, collect) : { todo: files, emit: collect };
  const pythonFiles = todo.reduce((n, f) => (f.template || f.dotenv ? n : n + 1), 0);
  if (jobs === 1 || options.rules || pythonFiles < WORKER_MIN_FILES) {
    const inOrder = new InOrder(todo.length, emit);
    await overlapped(todo.entries(), async ([index, file]) => {
      const own = settings[file.profile ?? 0]!;
      const triage = triageFile(file, own);
      inOrder.put(index, "done" in triage ? await triage.done : await processFile(file, own, triage.loaded));
    });
  } else {
    const setup: WorkerSetup = {
      targets, select: options.select, ignore: options.ignore, write, keepText,
      plugins: options.plugins?.map((p) => path.resolve(options.cwd ?? process.cwd(), p)),
    };
    const profileSetups = settings.slice(1).map((s, i) => ({ targets: s.targets, select: profiles[i + 1]!.select, ignore: profiles[i + 1]!.ignore, cacheSalt: s.cacheSalt }));
    // With no cached results to answer files, nearly every file is triaged and many are parsed:
    // the worker starts at once and loads while the main thread does the templates.
    const startAt = cache && !isEmpty(cache.snapshot()) ? WORKER_START_PARSES : 0;
    await runShared(todo, settings, setup, { project, profiles: profileSetups }, jobs, cache, emit, startAt);
  }
  await flusher?.finish();
  cache?.save();
  return { results, pathErrors: errors };
}

function isEmpty(entries: object): boolean {
  for (const _ in entries) return false;
  return true;
}

/** What besides a file's bytes decides its result: every option but the ones about output. */
function cacheConfiguration(options: UpgradeOptions, rules: readonly Rule[]): unknown {
  const { write: _w, keepText: _k, jobs: _j, onResult: _o, cwd: _c, cache: _x, ...rest } = options;
  return { ...rest, rules: rules.map((r) => r.id) };
}

/**
 * Answers the stamp hits (stamp-hits.ts) and hands them to `collect` in discovery order; returns
 * the files left for the pipeline and the `collect` for their results, which the pipeline gives
 * in their own order and which take their places among the hits.
 */
function withStampHits(
  files: readonly FileJob[], settings: readonly JobSettings[], cache: ResultCache, collect: (result: FileResult) => void,
): { todo: readonly FileJob[]; emit: (result: FileResult) => void } {
  const answers = answerStampHits(files, settings, cache);
  const inOrder = new InOrder(files.length, collect);
  const left: number[] = [];
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i];
    if (answer) inOrder.put(i, answer);
    else left.push(i);
  }
  let next = 0;
  return { todo: left.map((i) => files[i]!), emit: (result) => inOrder.put(left[next++]!, result) };
}

/** Numbers each distinct profile (0 is the run's own) and tags every file with its own. */
function withProfiles(files: readonly FileJob[], profileOf: (file: FileJob) => RuleProfile | undefined, profiles: RuleProfile[]): FileJob[] {
  const index = new Map<string, number>();
  return files.map((file) => {
    // Templates and dotenv files take the profile of their place too: a sub-project's target, per-path ignores.
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
 * The main thread and `jobs - 1` workers take files from one shared counter. Templates stay on the
 * main thread (their settings hold functions), which does them first while the workers load.
 */
async function runShared(
  files: readonly FileJob[],
  settingsList: readonly JobSettings[],
  setup: WorkerSetup,
  run: { project: ProjectViewSetup; profiles: ProfileSetup[] },
  jobs: number,
  cache: ResultCache | undefined,
  collect: (result: FileResult) => void,
  startAt: number,
): Promise<void> {
  const [{ WorkerPool, Claims }, { takeFiles, breatheEvery }] = await Promise.all([import("./pool.js"), import("./take-files.js")]);
  const settingsOf = (file: FileJob) => settingsList[file.profile ?? 0]!;
  const view = settingsList[0]!.project;
  const inOrder = new InOrder(files.length, collect);
  const python: IndexedJob[] = [];
  const templates: IndexedJob[] = [];
  // Templates and dotenv files stay on the main thread (their settings hold functions).
  for (const [index, file] of files.entries()) (file.template || file.dotenv ? templates : python).push({ ...file, index });
  const claims = new Claims();
  let pool: InstanceType<typeof WorkerPool> | undefined;
  let own = 0;
  let parsed = 0;
  const startPool = () => {
    pool = new WorkerPool(setup, jobs - 1, cache, (index, theirs) => inOrder.put(index, theirs));
    const sharing = pool.start({ ...run, files: python, claims: claims.buffer });
    if (view instanceof ProjectView) view.shareImporters(new SharedImporters(sharing));
  };
  const mine = (job: IndexedJob, result: FileResult) => {
    own++;
    inOrder.put(job.index, result);
    if (pool || !result.parsed || ++parsed < startAt) return;
    startPool();
  };
  if (startAt === 0) startPool();
  try {
    // Now and then the main thread lets the workers' results in (memory stays flat, progress moves).
    const breathe = breatheEvery(BREATHE_MS);
    await overlapped(templates, async (job) => mine(job, await processFile(job, settingsOf(job))), { breathe });
    await takeFiles(python, claims, settingsOf, mine, { breathe });
    await pool?.finish(() => files.length - own);
  } finally {
    await pool?.close();
  }
}

/** How long the main thread works between looks at the workers' messages. */
const BREATHE_MS = 20;

/** Hands results to `collect` in discovery order, whatever order they arrive in. */
class InOrder {
  private readonly done: (FileResult | undefined)[];
  private emitted = 0;

  constructor(private readonly count: number, private readonly collect: (result: FileResult) => void) {
    this.done = new Array(count);
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
