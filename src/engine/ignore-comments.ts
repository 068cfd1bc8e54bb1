// `# pycodemod: ignore` (optionally `[rule-id, alias, ...]`) at the end of a line keeps every
// edit that touches that line from landing.
import type { Edit } from "./edits.js";
import type { RuleMeta } from "./rule.js";

const IGNORE = /#\s*pycodemod:\s*ignore(?:\[([^\]]*)\])?[ \t]*$/gm;

export class IgnoreComments {
  private constructor(
    private readonly lineStarts: number[],
    /** line index → rule names (empty set: every rule). */
    private readonly lines: Map<number, Set<string>>,
  ) {}

  static scan(text: string): IgnoreComments | undefined {
    if (!text.includes("pycodemod:")) return undefined;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) lineStarts.push(i + 1);
    }
    const found = new IgnoreComments(lineStarts, new Map());
    for (const match of text.replace(/\r\n?/g, (m) => (m.length === 2 ? " \n" : "\n")).matchAll(IGNORE)) {
      const names = (match[1] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      found.lines.set(found.lineOf(match.index!), new Set(names));
    }
    return found.lines.size > 0 ? found : undefined;
  }

  private lineOf(index: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  suppresses(rule: RuleMeta, edits: Edit[]): boolean {
    for (const edit of edits) {
      for (let line = this.lineOf(edit.start); line <= this.lineOf(Math.max(edit.start, edit.end - 1)); line++) {
        const names = this.lines.get(line);
        if (!names) continue;
        if (names.size === 0 || names.has(rule.id) || (rule.aliases ?? []).some((a) => names.has(a))) return true;
      }
    }
    return false;
  }
}
