// The warm run's shortcut: the files whose stamp has not moved since a run that found nothing to
// do in them are answered here, in one synchronous pass before any of the per-file machinery
// (promises, triage, worker threads) is touched. Each costs one stat and one look-up: the same
// test triageFile and templateResult make first (process-file.ts), so an answer given here is the
// one they would give. Every other file (a miss, a dotenv file, a file that cannot be stat'ed)
// is left to the full pipeline, which reads it and lets its hash decide.
import { statSync } from "node:fs";
import { stampFor, type ResultCache } from "./cache.js";
import type { FileJob, FileResult, JobSettings } from "./process-file.js";

/**
 * One entry per file: its cached result when its stamp vouches for it, undefined when the
 * pipeline must look at it. `now` is taken once: a stamp younger than the racy window is never
 * trusted (see stampFor), and a pass of a few milliseconds cannot make an old stamp young.
 */
export function answerStampHits(files: readonly FileJob[], settingsList: readonly JobSettings[], cache: ResultCache, now = Date.now()): (FileResult | undefined)[] {
  const answers = new Array<FileResult | undefined>(files.length);
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    if (file.dotenv) continue;
    const settings = settingsList[file.profile ?? 0]!;
    // Without template settings a template's answer needs no cache at all (process-file.ts).
    if (file.template && !settings.templates) continue;
    // No recorded stamp (a first run, a file new or too fresh last time): no stat spent here.
    if (cache.recordedStamp(file.display) === undefined) continue;
    const stat = statSync(file.absolute, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    // Stamps carry the salt of the file's profile, templates' as Python files' (process-file.ts).
    const stamp = stampFor(stat, settings.cacheSalt, now);
    const known = cache.lookupStamp(file.display, stamp);
    if (!known) continue;
    // The object process-file.ts builds for a hit, keys in the same order, without its spreads:
    // thousands of them in a warm run, and each spread is one more object for the collector.
    const { status, findings, problems } = known;
    const answer: FileResult = file.template
      ? { path: file.display, absolutePath: file.absolute, fixes: [], findings, problems, template: true, status }
      : { path: file.display, absolutePath: file.absolute, fixes: [], findings, problems, status };
    if (known.declined) answer.declined = known.declined;
    answers[i] = answer;
  }
  return answers;
}
