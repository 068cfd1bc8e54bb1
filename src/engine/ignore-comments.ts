// `# pycodemod: ignore` (optionally `[rule-id, alias, ...]`) at the end of a line keeps every
// edit that touches that line from landing.
import type { Edit } from "./edits.js";
import type { RuleMeta } from "./rule.js";
import { LineIndex } from "./text.js";

const IGNORE = /#\s*pycodemod:\s*ignore(?:\[([^\]]*)\])?[ \t]*$/gm;

export class IgnoreComments {
  private constructor(
    private readonly index: LineIndex,
    /** line number → rule names (empty set: every rule). */
    private readonly lines: Map<number, Set<string>>,
  ) {}

  static scan(text: string): IgnoreComments | undefined {
    if (!text.includes("pycodemod:")) return undefined;
    const found = new IgnoreComments(new LineIndex(text), new Map());
    for (const match of text.replace(/\r\n?/g, (m) => (m.length === 2 ? " \n" : "\n")).matchAll(IGNORE)) {
      const names = (match[1] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      found.lines.set(found.lineOf(match.index!), new Set(names));
    }
    return found.lines.size > 0 ? found : undefined;
  }

  private lineOf(index: number): number {
    return this.index.position(index).line;
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
