// Unified diffs for --diff, via the `diff` package (no hand-written diff algorithm).
import { createTwoFilesPatch } from "diff";

export function unifiedDiff(path: string, before: string, after: string): string {
  const shown = path.replace(/^\/+/, "");
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 })
    .replace(/^={67}\r?\n/m, "")
    .replace(/^Index: .*\r?\n/m, "");
}

const RESET = "\x1b[0m";

export function colorizeDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return `\x1b[1m${line}${RESET}`;
      if (line.startsWith("@@")) return `\x1b[36m${line}${RESET}`;
      if (line.startsWith("+")) return `\x1b[32m${line}${RESET}`;
      if (line.startsWith("-")) return `\x1b[31m${line}${RESET}`;
      return line;
    })
    .join("\n");
}
