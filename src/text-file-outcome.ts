// The end of a text file's journey for the file kinds beside Python (templates, dotenv files): the
// result of its transform, its text kept for --diff, and in write mode the settled hash and the
// atomic write, the flush running while the caller goes on.
import type { Stats } from "node:fs";
import { contentKey } from "./cache.js";
import { encode } from "./engine/text.js";
import { writeAtomicAsync, writeProblem } from "./io.js";
import type { FileJob, FileResult } from "./process-file.js";

export interface TextOutcome {
  /** The result so far: status, fixes, findings, problems. */
  out: FileResult;
  /** The file's decoded text and whether it had a BOM; `code`, the new text. */
  decoded: { text: string; bom: boolean };
  code: string;
  changed: boolean;
  settings: { write: boolean; keepText: boolean };
  /** The stat taken before reading the file: the write refuses if the file moved since. */
  stat: Stats;
  /**
   * Whether the new text is final: transformed again, it changes nothing, reports the same and
   * looks at no other file. Then the cache may keep it, as it keeps a settled Python file.
   */
  final: (code: string) => boolean;
  /** The cache salt of the file's profile (cache.ts contentKey), so the settled entry is found. */
  salt?: string;
}

export function textFileOutcome(job: FileJob, { out, decoded, code, changed, settings, stat, final, salt }: TextOutcome): FileResult | Promise<FileResult> {
  if (!changed) return out;
  if (settings.keepText) {
    out.before = decoded.text;
    out.after = code;
  }
  if (!settings.write) return out;
  const bytesOut = encode({ encoding: "utf-8", bom: decoded.bom }, code);
  if (final(code)) out.settledHash = contentKey(bytesOut, salt);
  return (async (): Promise<FileResult> => {
    try {
      out.folder = await writeAtomicAsync(job.absolute, bytesOut, stat);
      out.written = true;
      return out;
    } catch (error) {
      return { ...out, status: "error", written: false, problems: [...out.problems, writeProblem(error)] };
    }
  })();
}
