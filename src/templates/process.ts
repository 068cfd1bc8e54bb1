// One template file, start to finish: read, decode (UTF-8, with or without a BOM: Django reads
// templates as UTF-8), transform, and in write mode write back through io.ts. Runs on the main
// thread during triage: lexing is cheap and needs no grammar, so templates never go to workers.
// A file that is not UTF-8 text (an image or a font in a template folder) is not a template and
// is passed over silently.
import { isDeepStrictEqual } from "node:util";
import { readFileSync, statSync, type Stats } from "node:fs";
import { prefilterFor } from "../engine/prefilter.js";
import { textFileOutcome } from "../text-file-outcome.js";
import type { FileJob, FileResult } from "../process-file.js";
import type { Targets } from "../target.js";
import type { TemplateRule } from "./rule.js";
import { transformTemplate } from "./transform.js";

export interface TemplateSettings {
  rules: readonly TemplateRule[];
  targets: Targets;
  write: boolean;
  keepText: boolean;
  ownLibrary: (name: string) => boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

/** UTF-8 text of a template, or undefined for bytes that are not UTF-8 text. */
export function decodeTemplate(bytes: Uint8Array): { text: string; bom: boolean } | undefined {
  if (bytes.includes(0)) return undefined;
  const bom = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch {
    return undefined;
  }
}

/**
 * A template's result; a promise only when it is being written (the flush to disk runs while the
 * caller goes on, as for Python files). `loaded`: the file's bytes and the stat taken before
 * reading them, when the caller has them; `salt`, the cache salt of the file's profile (for the settled hash).
 */
export function processTemplate(job: FileJob, settings: TemplateSettings, loaded?: { bytes: Buffer; stat: Stats }, salt?: string): FileResult | Promise<FileResult> {
  const base = { path: job.display, absolutePath: job.absolute, template: true as const, fixes: [], findings: [], problems: [] };
  let bytes: Buffer;
  let stat: Stats;
  try {
    stat = loaded?.stat ?? statSync(job.absolute);
    if (stat.isDirectory()) return { ...base, status: "error", problems: [{ kind: "io-error", message: "is a directory" }] };
    bytes = loaded?.bytes ?? readFileSync(job.absolute);
  } catch (error) {
    return { ...base, status: "error", problems: [{ kind: "io-error", message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` }] };
  }
  const decoded = decodeTemplate(bytes);
  if (!decoded) return { ...base, status: "unchanged" };
  // The prefilter: a template without any rule's needle is read and scanned, never lexed.
  const candidates = prefilterFor(settings.rules).match(decoded.text);
  if (candidates.length === 0) return { ...base, status: "unchanged" };
  const result = transformTemplate(decoded.text, {
    rules: settings.rules, targets: settings.targets, filename: job.display, candidates, ownLibrary: settings.ownLibrary,
  });
  const status = result.changed ? "changed" : result.problems.length > 0 ? "error" : "unchanged";
  const out: FileResult = { ...base, status, fixes: result.fixes, findings: result.findings, problems: result.problems };
  return textFileOutcome(job, {
    out, decoded, code: result.code, changed: result.changed, settings, stat, salt,
    final: (code) => {
      let againAsked = false;
      const again = transformTemplate(code, {
        rules: settings.rules, targets: settings.targets, filename: job.display,
        ownLibrary: (name) => {
          againAsked = true;
          return settings.ownLibrary(name);
        },
      });
      // An answer that depends on the project's own tag libraries is never kept (see process-file.ts).
      return !again.changed && again.problems.length === 0 && !againAsked && isDeepStrictEqual(again.findings, result.findings);
    },
  });
}
