// One dotenv file, start to finish, on the main thread (no grammar is needed): read, decode as
// UTF-8 (what Flask's load_dotenv reads), run the dotenv rules, write back through io.ts. With the
// cache, a file unchanged since a run that found nothing is not read again, unless its result
// looked at other files (a neighbouring `.flaskenv`, the project's Python code).
import { readFileSync, statSync, type Stats } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { contentKey, stampFor, type CachedAnswer, type ResultCache } from "../cache.js";
import { textFileOutcome } from "../text-file-outcome.js";
import { prefilterFor } from "../engine/prefilter.js";
import type { FileJob, FileResult } from "../process-file.js";
import type { Targets } from "../target.js";
import { decodeTemplate } from "../templates/process.js";
import type { DotenvRule } from "./rule.js";
import { transformDotenv } from "./transform.js";

export interface DotenvSettings {
  rules: readonly DotenvRule[];
  targets: Targets;
  write: boolean;
  keepText: boolean;
  /** A project Python file (shown path) whose text holds `word`; `near`: the dotenv file asking. */
  codeMentioning: (word: string, near: string) => string | undefined;
}

function readText(file: string): string | undefined {
  try {
    const decoded = decodeTemplate(readFileSync(file));
    return decoded?.text;
  } catch {
    return undefined;
  }
}

/** What a run of the rules did besides its result: looked at other files, left final text. */
interface Seen {
  elsewhere: boolean;
  settled: boolean;
}

function processDotenv(job: FileJob, settings: DotenvSettings, loaded: { bytes: Buffer; stat: Stats }, seen: Seen, salt: string | undefined): FileResult | Promise<FileResult> {
  const consulted = () => {
    seen.elsewhere = true;
  };
  const base = { path: job.display, absolutePath: job.absolute, dotenv: true as const, fixes: [], findings: [], problems: [] };
  const decoded = decodeTemplate(loaded.bytes);
  if (!decoded) return { ...base, status: "unchanged" };
  const candidates = prefilterFor(settings.rules).match(decoded.text);
  if (candidates.length === 0) return { ...base, status: "unchanged" };
  const result = transformDotenv(decoded.text, {
    rules: settings.rules, targets: settings.targets, filename: job.display, candidates,
    sibling: (name) => {
      consulted();
      return readText(path.join(path.dirname(job.absolute), name));
    },
    codeMentioning: (word) => {
      consulted();
      return settings.codeMentioning(word, job.absolute);
    },
  });
  const status = result.changed ? "changed" : result.problems.length > 0 ? "error" : "unchanged";
  const out: FileResult = { ...base, status, fixes: result.fixes, findings: result.findings, problems: result.problems };
  return textFileOutcome(job, {
    out, decoded, code: result.code, changed: result.changed, settings, stat: loaded.stat, salt,
    final: (code) => {
      let againConsulted = false;
      const consult = () => {
        againConsulted = true;
        return undefined;
      };
      const again = transformDotenv(code, { rules: settings.rules, targets: settings.targets, filename: job.display, sibling: consult, codeMentioning: consult });
      seen.settled = !again.changed && again.problems.length === 0 && !againConsulted && isDeepStrictEqual(again.findings, result.findings);
      return seen.settled;
    },
  });
}

/** A dotenv file's result, through the cache when there is one. */
export function dotenvResult(job: FileJob, settings: DotenvSettings | undefined, cache: ResultCache | undefined, salt?: string): FileResult | Promise<FileResult> {
  const base = { path: job.display, absolutePath: job.absolute, dotenv: true as const, fixes: [], findings: [], problems: [] };
  if (!settings) return { ...base, status: "unchanged" };
  let stat: Stats;
  let bytes: Buffer;
  try {
    stat = statSync(job.absolute);
    if (stat.isDirectory()) return { ...base, status: "error", problems: [{ kind: "io-error", message: "is a directory" }] };
    const stamp = cache && stat.isFile() ? stampFor(stat, salt) : undefined;
    const known = cache?.lookupStamp(job.display, stamp);
    if (known) return { ...base, ...known };
    bytes = readFileSync(job.absolute);
  } catch (error) {
    return { ...base, status: "error", problems: [{ kind: "io-error", message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` }] };
  }
  const answered = (answer: CachedAnswer): FileResult => ({ ...base, ...answer });
  const stamp = cache && stat.isFile() ? stampFor(stat, salt) : undefined;
  const hash = cache ? contentKey(bytes, salt) : "";
  const cached = cache?.lookup(job.display, hash, stamp);
  if (cached) return answered(cached);
  // A result that looked at other files is not kept, unless it is a rewrite whose new text is final
  // on its own (the cache then keeps that text's answer, which looked at nothing).
  const seen: Seen = { elsewhere: false, settled: false };
  const result = processDotenv(job, settings, { bytes, stat }, seen, salt);
  if (cache && (!seen.elsewhere || seen.settled)) cache.remember(job.display, hash, stamp);
  return result;
}
