// The templates' share of the CLI summary, counted apart from Python files:
// "…, templates: 2 rewritten (3 fixes), 40 unchanged".
import type { FileResult } from "../process-file.js";
import { plural } from "../report/messages.js";

export class TemplateTally {
  total = 0;
  changed = 0;
  fixes = 0;
  private failedUnchanged = 0;

  count(result: FileResult): void {
    this.total++;
    if (result.status === "changed") {
      this.changed++;
      this.fixes += result.fixes.length;
    } else if (result.status === "error") this.failedUnchanged++;
  }

  describe(verb: string): string {
    const unchanged = this.total - this.changed - this.failedUnchanged;
    return `${plural(this.total, "template")}: ${this.changed} ${verb} (${plural(this.fixes, "fix")}), ${unchanged} unchanged`;
  }
}
