// Human-readable lines for stderr. Every line names the file, the line and the rule.
import type { FileResult } from "../runner.js";

export function problemLines(result: FileResult): string[] {
  return result.problems.map((p) => {
    const where = p.line ? `${result.path}:${p.line}${p.column ? `:${p.column}` : ""}` : result.path;
    return `${where}: error: ${p.message}${p.rule ? ` [${p.rule}]` : ""}`;
  });
}

export function findingLines(result: FileResult): string[] {
  return result.findings.map((f) => `${result.path}:${f.line}:${f.column}: warning: ${f.message} [${f.rule}]`);
}

/** --verbose: style rewrites that declined (not warnings: the code still works as it is). */
export function declinedLines(result: FileResult): string[] {
  return (result.declined ?? []).map((d) => `${result.path}:${d.line}: ${d.rule}: style rewrite declined: ${d.message}`);
}

export function fixLines(result: FileResult, verb: string): string[] {
  return result.fixes.map((f) => `${result.path}:${f.line}: ${verb}: ${f.message} [${f.rule}]`);
}

export function plural(n: number, word: string): string {
  const many = /(?:x|s|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
  return `${n} ${n === 1 ? word : many}`;
}
