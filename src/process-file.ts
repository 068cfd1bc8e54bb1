// One file, start to finish: read, decode, transform, and (in write mode) write back through
// io.ts. Runs on the main thread or inside a worker; everything it returns is plain data.
import { readFileSync, statSync, type Stats } from "node:fs";
import { isParserLoaded, loadParser } from "./engine/parser.js";
import { prefilterFor } from "./engine/prefilter.js";
import type { Finding, Rule } from "./engine/rule.js";
import { decode, DecodeError, encode } from "./engine/text.js";
import { transformSync, type AppliedFix, type Problem } from "./engine/transform.js";
import { ChangedOnDiskError, writeAtomic } from "./io.js";
import type { Targets } from "./target.js";

export interface FileJob {
  absolute: string;
  /** Path shown to the user and used for file roles. */
  display: string;
}

export interface FileResult {
  /** Path as shown to the user (relative to the working directory when inside it). */
  path: string;
  absolutePath: string;
  status: "unchanged" | "changed" | "error";
  fixes: AppliedFix[];
  findings: Finding[];
  problems: Problem[];
  /** Decoded text before and after, present when the file changed and text was asked for. */
  before?: string;
  after?: string;
  written?: boolean;
}

export interface JobSettings {
  rules: readonly Rule[];
  targets: Targets;
  write: boolean;
  /** Return before/after text of changed files (needed for diffs). */
  keepText: boolean;
}

export async function processFile(job: FileJob, settings: JobSettings): Promise<FileResult> {
  const base = { path: job.display, absolutePath: job.absolute, fixes: [], findings: [], problems: [] };
  const fail = (problem: Problem): FileResult => ({ ...base, status: "error", problems: [problem] });
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = statSync(job.absolute);
    if (stat.isDirectory()) return fail({ kind: "io-error", message: "is a directory" });
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
  // The grammar is loaded only once some file gets past the prefilter.
  if (!isParserLoaded() && prefilterFor(settings.rules).match(decoded.text).length > 0) await loadParser();
  const result = transformSync(decoded.text, { rules: settings.rules, targets: settings.targets, filename: job.display });
  const status = result.changed ? "changed" : result.problems.length > 0 ? "error" : "unchanged";
  const out: FileResult = { ...base, status, fixes: result.fixes, findings: result.findings, problems: result.problems };
  if (!result.changed) return out;
  if (settings.keepText) {
    out.before = decoded.text;
    out.after = result.code;
  }
  if (settings.write) {
    try {
      writeAtomic(job.absolute, encode(decoded, result.code), stat);
      out.written = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const kind = error instanceof ChangedOnDiskError ? "changed-on-disk" : error instanceof DecodeError ? "decode-error" : "io-error";
      const message = code ? `cannot write: ${code}; left unchanged` : (error as Error).message;
      return { ...out, status: "error", written: false, problems: [...out.problems, { kind, message }] };
    }
  }
  return out;
}
