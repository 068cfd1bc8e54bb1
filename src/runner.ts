// Files → results. Reads and decodes each file, runs the transform, and (in write mode) writes
// the result back through io.ts. Results stream to onResult as they are ready.
import { readFileSync, statSync, type Stats } from "node:fs";
import { discover, type DiscoveryError } from "./discover.js";
import { isParserLoaded, loadParser } from "./engine/parser.js";
import { prefilterFor } from "./engine/prefilter.js";
import type { Rule } from "./engine/rule.js";
import { decode, DecodeError, encode } from "./engine/text.js";
import { transformSync, type AppliedFix, type Problem } from "./engine/transform.js";
import type { Finding } from "./engine/rule.js";
import { ChangedOnDiskError, writeAtomic } from "./io.js";
import { selectRules } from "./rules.js";
import { parseTargets, type Targets } from "./target.js";

export interface UpgradeOptions {
  target: string | string[];
  select?: readonly string[];
  ignore?: readonly string[];
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Write changed files back (default false: report only). */
  write?: boolean;
  cwd?: string;
  onResult?: (result: FileResult) => void;
}

export interface FileResult {
  /** Path as shown to the user (relative to the working directory when inside it). */
  path: string;
  absolutePath: string;
  status: "unchanged" | "changed" | "error";
  fixes: AppliedFix[];
  findings: Finding[];
  problems: Problem[];
  /** Decoded text before and after, present when the file changed. */
  before?: string;
  after?: string;
  written?: boolean;
}

export interface UpgradeSummary {
  results: FileResult[];
  /** Paths that do not exist or cannot be listed. */
  pathErrors: DiscoveryError[];
}

export interface FileJob {
  absolute: string;
  display: string;
}

export interface JobSettings {
  rules: readonly Rule[];
  targets: Targets;
  write: boolean;
}

export async function processFile(job: FileJob, settings: JobSettings): Promise<FileResult> {
  const base = { path: job.display, absolutePath: job.absolute, fixes: [], findings: [], problems: [] };
  const fail = (problem: Problem): FileResult => ({ ...base, status: "error", problems: [problem] });
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = statSync(job.absolute);
    bytes = readFileSync(job.absolute);
  } catch (error) {
    return fail({ kind: "io-error", message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` });
  }
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof DecodeError) return fail({ kind: "decode-error", message: `${error.message}; left unchanged` });
    throw error;
  }
  if (!isParserLoaded() && prefilterFor(settings.rules).match(decoded.text).length > 0) await loadParser();
  const result = transformSync(decoded.text, { rules: settings.rules, targets: settings.targets, filename: job.display });
  const status = result.problems.length > 0 && !result.changed ? "error" : result.changed ? "changed" : "unchanged";
  const out: FileResult = { ...base, status, fixes: result.fixes, findings: result.findings, problems: result.problems };
  if (!result.changed) return out;
  out.before = decoded.text;
  out.after = result.code;
  if (settings.write) {
    try {
      writeAtomic(job.absolute, encode(decoded, result.code), stat);
      out.written = true;
    } catch (error) {
      const kind = error instanceof ChangedOnDiskError ? "changed-on-disk" : error instanceof DecodeError ? "decode-error" : "io-error";
      const message = error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : `cannot write: ${(error as NodeJS.ErrnoException).code}`;
      return { ...out, status: "error", written: false, problems: [...out.problems, { kind, message }] };
    }
  }
  return out;
}

/** Upgrades every Python file under `paths`. Writes only with `write: true`. */
export async function upgrade(paths: readonly string[], options: UpgradeOptions): Promise<UpgradeSummary> {
  const targets = parseTargets(options.target);
  const rules = selectRules({ targets, select: options.select, ignore: options.ignore });
  const { files, errors } = discover(paths.length > 0 ? paths : ["."], {
    cwd: options.cwd, exclude: options.exclude, gitignore: options.gitignore,
  });
  const settings: JobSettings = { rules, targets, write: options.write ?? false };
  const results: FileResult[] = [];
  for (const file of files) {
    const result = await processFile(file, settings);
    options.onResult?.(result);
    results.push(result);
  }
  return { results, pathErrors: errors };
}
