// Paths → discovered files → results, on the main thread for small jobs and in a worker pool
// past a threshold (worker start-up costs more than it saves on a handful of files).
import { availableParallelism } from "node:os";
import { discover, type DiscoveryError } from "./discover.js";
import type { Rule } from "./engine/rule.js";
import { processFile, type FileJob, type FileResult, type JobSettings } from "./process-file.js";
import { selectRules } from "./rules.js";
import { parseTargets } from "./target.js";

export type { FileJob, FileResult, JobSettings };
export { processFile };

/** Below this many files the main thread does the work alone. */
export const WORKER_THRESHOLD = 400;

export interface UpgradeOptions {
  target: string | string[];
  select?: readonly string[];
  ignore?: readonly string[];
  /** Custom rules instead of the built-in registry (runs on the main thread). */
  rules?: readonly Rule[];
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Write changed files back (default false: report only). */
  write?: boolean;
  /** Keep before/after text of changed files in the results (default true). */
  keepText?: boolean;
  /** Worker threads (default: available cores); 1 keeps everything on the main thread. */
  jobs?: number;
  cwd?: string;
  onResult?: (result: FileResult) => void;
}

export interface UpgradeSummary {
  results: FileResult[];
  /** Paths that do not exist or cannot be listed. */
  pathErrors: DiscoveryError[];
}

/** Upgrades every Python file under `paths`. Writes only with `write: true`. */
export async function upgrade(paths: readonly string[], options: UpgradeOptions): Promise<UpgradeSummary> {
  const targets = parseTargets(options.target);
  const rules = selectRules({ targets, select: options.select, ignore: options.ignore, rules: options.rules });
  const { files, errors } = discover(paths.length > 0 ? paths : ["."], {
    cwd: options.cwd, exclude: options.exclude, gitignore: options.gitignore,
  });
  // A path the user named that cannot be used is a usage error: touch nothing at all.
  const given = new Set(paths);
  if (errors.some((e) => given.has(e.path))) return { results: [], pathErrors: errors };
  const keepText = options.keepText ?? true;
  const write = options.write ?? false;
  const results: FileResult[] = [];
  const collect = (result: FileResult) => {
    options.onResult?.(result);
    results.push(result);
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  if (jobs > 1 && files.length >= WORKER_THRESHOLD && !options.rules) {
    const { runInWorkers } = await import("./pool.js");
    await runInWorkers(files, { targets, select: options.select, ignore: options.ignore, write, keepText }, jobs, collect);
  } else {
    const settings: JobSettings = { rules, targets, write, keepText };
    for (const file of files) collect(await processFile(file, settings));
  }
  return { results, pathErrors: errors };
}
