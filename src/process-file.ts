// One file, start to finish: read, decode, transform, and (in write mode) write back through
// io.ts. Runs on the main thread or inside a worker; everything it returns is plain data.
import { readFileSync, statSync, type Stats } from "node:fs";
import { isParserLoaded, loadParser } from "./engine/parser.js";
import { prefilterFor } from "./engine/prefilter.js";
import type { Finding, Rule } from "./engine/rule.js";
import { decode, DecodeError, encode, type Decoded } from "./engine/text.js";
import { transformSync, type AppliedFix, type Problem, type TransformResult } from "./engine/transform.js";
import { writeAtomicAsync, writeProblem } from "./io.js";
import type { Targets } from "./target.js";
import type { ProjectLookup } from "./engine/project.js";
import { processTemplate, type TemplateSettings } from "./templates/process.js";
import { dotenvResult, type DotenvSettings } from "./dotenv/process.js";
import { ProjectView } from "./project-view.js";
import { contentKey, hashBytes, stampFor, type CachedAnswer, type Dependency, type ResultCache } from "./cache.js";

export interface FileJob {
  absolute: string;
  /** Path shown to the user and used for file roles. */
  display: string;
  /** A Django template (src/templates/) rather than a Python file. */
  template?: true;
  /** A dotenv file (src/dotenv/) rather than a Python file. */
  dotenv?: true;
  /** Which of the run's rule profiles applies (runner.ts); 0 when absent. */
  profile?: number;
}

export interface FileResult {
  /** Path as shown to the user (relative to the working directory when inside it). */
  path: string;
  absolutePath: string;
  status: "unchanged" | "changed" | "error";
  /** Present on the results of Django templates. */
  template?: true;
  /** Present on the results of dotenv files. */
  dotenv?: true;
  fixes: AppliedFix[];
  findings: Finding[];
  /** Style rewrites that declined, and why (listed by --verbose; never findings). */
  declined?: Finding[];
  problems: Problem[];
  /** Decoded text before and after, present when the file changed and text was asked for. */
  before?: string;
  after?: string;
  written?: boolean;
  /** False when no rule needed a parse (prefilter, file roles, cache); for benchmarks. */
  parsed?: boolean;
  /** Hash of the bytes written, when running again on them would change nothing (for the cache). */
  settledHash?: string;
  /** The folder a rewritten file was renamed into, to be flushed once at the end of the run. */
  folder?: string;
  /** Other project files the result depended on (for the cache). */
  dependencies?: Dependency[];
}

export interface JobSettings {
  rules: readonly Rule[];
  targets: Targets;
  write: boolean;
  /** Return before/after text of changed files (needed for diffs). */
  keepText: boolean;
  /** This thread's view of the project's modules. */
  project?: ProjectLookup;
  /** Template rules and what they need; absent when templates are not processed. */
  templates?: TemplateSettings;
  /** Dotenv rules and what they need; absent when dotenv files are not processed. */
  dotenv?: DotenvSettings;
  /** Results of earlier runs (main thread only; see cache.ts). */
  cache?: ResultCache;
  /** Distinguishes the cache entries of files with their own targets or ignores (runner.ts). */
  cacheSalt?: string;
}

export interface LoadedFile {
  bytes: Buffer;
  stat: Stats;
  decoded: Decoded;
  /** Rules that passed the prefilter on this text, once known. */
  candidates?: readonly Rule[];
}

/** A file's status from its transform: a change wins; problems without a change are an error. */
export function statusOf(result: Pick<TransformResult, "changed" | "problems">): FileResult["status"] {
  return result.changed ? "changed" : result.problems.length > 0 ? "error" : "unchanged";
}

function baseResult(job: FileJob) {
  return { path: job.display, absolutePath: job.absolute, fixes: [], findings: [], problems: [] };
}

/** A file's stat, or undefined when it cannot be stat'ed (reading it says why). */
function statOf(job: FileJob): Stats | undefined {
  try {
    return statSync(job.absolute);
  } catch {
    return undefined;
  }
}

/**
 * Templates are settled on the main thread, in triage (lexing needs no grammar and is cheap). With
 * the cache, a template unchanged since a run that found nothing to do is not read again; results
 * that asked whether the project defines a tag library of its own are not kept (the answer depends
 * on other files).
 */
function templateResult(job: FileJob, settings: JobSettings): FileResult | Promise<FileResult> {
  const templates = settings.templates;
  if (!templates) return { ...baseResult(job), template: true, status: "unchanged" };
  const cache = settings.cache;
  if (!cache) return processTemplate(job, templates);
  const stat = statOf(job);
  const answered = (answer: CachedAnswer): FileResult => ({ ...baseResult(job), template: true, ...answer });
  const stamp = stat?.isFile() ? stampFor(stat, settings.cacheSalt) : undefined;
  const known = cache.lookupStamp(job.display, stamp);
  if (known) return answered(known);
  let bytes: Buffer;
  try {
    if (!stat) throw new Error("no stat");
    bytes = readFileSync(job.absolute);
  } catch {
    return processTemplate(job, templates); // it reports the problem
  }
  const hash = contentKey(bytes, settings.cacheSalt);
  const cached = cache.lookup(job.display, hash, stamp);
  if (cached) return answered(cached);
  let askedOwnLibrary = false;
  const ownLibrary = (name: string) => {
    askedOwnLibrary = true;
    return templates.ownLibrary(name);
  };
  const result = processTemplate(job, { ...templates, ownLibrary }, { bytes, stat: stat! }, settings.cacheSalt);
  // A rewritten template's final text may be kept when lexing it again asked nothing of the project.
  const keep = (done: FileResult): FileResult => {
    if (!askedOwnLibrary || done.settledHash) cache.remember(job.display, hash, stamp);
    return done;
  };
  return result instanceof Promise ? result.then(keep) : keep(result);
}

/** Reads and decodes a file, or says why it cannot be processed. `known`: its stat, when taken. */
function loadFile(job: FileJob, known?: Stats): LoadedFile | FileResult {
  const fail = (problem: Problem): FileResult => ({ ...baseResult(job), status: "error", problems: [problem] });
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = known ?? statSync(job.absolute);
    if (stat.isDirectory()) return fail({ kind: "io-error", message: "is a directory" });
    bytes = readFileSync(job.absolute);
  } catch (error) {
    return fail({ kind: "io-error", message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` });
  }
  try {
    return { bytes, stat, decoded: decode(bytes) };
  } catch (error) {
    if (error instanceof DecodeError) return fail({ kind: "decode-error", message: `${error.message}; left unchanged` });
    throw error;
  }
}

/**
 * The cheap first look: a final result for files no rule can touch (or that cannot be read), or
 * the size of a file that needs the full treatment. Lets the runner send only real work to threads.
 */
export function triageFile(job: FileJob, settings: JobSettings): { done: FileResult | Promise<FileResult> } | { size: number; loaded: LoadedFile } {
  if (job.template) return { done: templateResult(job, settings) };
  if (job.dotenv) return { done: dotenvResult(job, settings.dotenv, settings.cache, settings.cacheSalt) };
  const cache = settings.cache;
  // With the cache: a file whose stamp has not moved since a run that found nothing is not read.
  const stat = cache ? statOf(job) : undefined;
  const stamp = cache && stat?.isFile() ? stampFor(stat, settings.cacheSalt) : undefined;
  const known = cache?.lookupStamp(job.display, stamp);
  if (known) return { done: { ...baseResult(job), ...known } };
  const loaded = loadFile(job, stat);
  if (!("decoded" in loaded)) return { done: loaded };
  if (cache) {
    const hash = contentKey(loaded.bytes, settings.cacheSalt);
    const cached = cache.lookup(job.display, hash, stamp);
    if (cached) return { done: { ...baseResult(job), ...cached } };
    cache.remember(job.display, hash, stamp);
  }
  loaded.candidates = prefilterFor(settings.rules).match(loaded.decoded.text);
  if (loaded.candidates.length === 0) return { done: { ...baseResult(job), status: "unchanged" } };
  return { size: loaded.bytes.length, loaded };
}

/**
 * The full treatment of one file. `preloaded`: what triageFile read, so the file is not read twice
 * (the size and time recorded at that read guard the write against concurrent edits).
 */
export async function processFile(job: FileJob, settings: JobSettings, preloaded?: LoadedFile): Promise<FileResult> {
  if (job.template) return templateResult(job, settings);
  if (job.dotenv) return dotenvResult(job, settings.dotenv, settings.cache, settings.cacheSalt);
  const loaded = preloaded ?? loadFile(job);
  if (!("decoded" in loaded)) return loaded;
  const { stat, decoded } = loaded;
  const base = baseResult(job);
  // One prefilter scan per file; the grammar is loaded only once some file gets past it.
  const candidates = loaded.candidates ?? prefilterFor(settings.rules).match(decoded.text);
  if (candidates.length === 0) return { ...base, status: "unchanged" };
  if (!isParserLoaded()) await loadParser();
  const view = settings.project instanceof ProjectView ? settings.project : undefined;
  const consulted = view?.track();
  const result = transformSync(decoded.text, { rules: settings.rules, targets: settings.targets, filename: job.display, candidates, project: settings.project });
  const status = statusOf(result);
  // Findings point into the file as it is on disk when the run ends: the rewrite in write mode,
  // the untouched original otherwise (--diff, --check, or a write that failed).
  const out: FileResult = { ...base, status, fixes: result.fixes, findings: placed(result.findings, settings.write), problems: result.problems, parsed: result.parsed };
  if (result.declined) out.declined = placed(result.declined, settings.write);
  // The file itself is covered by its content hash; its own stamp would change with its rewrite.
  consulted?.delete(job.absolute);
  if (consulted && consulted.size > 0) out.dependencies = view!.dependencies(consulted);
  if (!result.changed) return out;
  if (settings.keepText) {
    out.before = decoded.text;
    out.after = result.code;
  }
  if (settings.write) {
    try {
      const bytes = encode(decoded, result.code);
      out.folder = await writeAtomicAsync(job.absolute, bytes, stat);
      out.written = true;
      if (result.settled) out.settledHash = contentKey(bytes, settings.cacheSalt);
    } catch (error) {
      return { ...out, status: "error", written: false, findings: placed(result.findings, false), ...(result.declined ? { declined: placed(result.declined, false) } : {}), problems: [...out.problems, writeProblem(error)] };
    }
  }
  return out;
}

/** Findings placed in the rewritten text or in the original one (the engine gives both; a report needs one). */
export function placed(findings: readonly Finding[], rewritten: boolean): Finding[] {
  return findings.map(({ original, ...finding }) => (original && !rewritten ? { ...finding, ...original } : finding));
}
