// `{# pycodemod: ignore #}` (optionally `{# pycodemod: ignore[templates/ifequal] #}`) on a line of
// a template keeps every edit that touches that line from landing: the template form of the
// `# pycodemod: ignore` comment in Python files.
import type { Edit } from "../engine/edits.js";
import type { RuleMeta } from "../engine/rule.js";
import { LineIndex } from "../engine/text.js";

const IGNORE = /\{#\s*pycodemod:\s*ignore(?:\[([^\]]*)\])?\s*#\}/g;

export class TemplateIgnores {
  private constructor(private readonly index: LineIndex, private readonly lines: Map<number, Set<string>>) {}

  static scan(text: string): TemplateIgnores | undefined {
    if (!text.includes("pycodemod:")) return undefined;
    const index = new LineIndex(text);
    const lines = new Map<number, Set<string>>();
    for (const match of text.matchAll(IGNORE)) {
      const names = (match[1] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      lines.set(index.position(match.index!).line, new Set(names));
    }
    return lines.size > 0 ? new TemplateIgnores(index, lines) : undefined;
  }

  suppresses(rule: RuleMeta, edits: readonly Edit[]): boolean {
    for (const edit of edits) {
      const first = this.index.position(edit.start).line;
      const last = this.index.position(Math.max(edit.start, edit.end - 1)).line;
      for (let line = first; line <= last; line++) {
        const names = this.lines.get(line);
        if (names && (names.size === 0 || names.has(rule.id) || (rule.aliases ?? []).some((a) => names.has(a)))) return true;
      }
    }
    return false;
  }
}
