// Where a place in the rewritten text was before the rewrite. A file goes through several passes,
// each applying one sorted, non-overlapping set of edits; a finding is made on the last pass's text
// and a fix on its own pass's text, but a user who runs --diff or --check still has the original
// file in front of them, so their lines must be counted there.
import type { Edit } from "./edits.js";

/** The edits of each pass, in order; each list sorted by start, as EditSet.sorted gives them. */
export class PassHistory {
  private readonly passes: (readonly Edit[])[] = [];

  get length(): number {
    return this.passes.length;
  }

  record(sorted: readonly Edit[]): void {
    this.passes.push(sorted);
  }

  /**
   * The index in the original text of `index` in the text after the first `afterPasses` passes.
   * A place inside inserted or replacing text maps to the start of what it replaced.
   */
  toOriginal(index: number, afterPasses = this.passes.length): number {
    let at = index;
    for (let pass = afterPasses - 1; pass >= 0; pass--) at = before(this.passes[pass]!, at);
    return at;
  }
}

/** One pass backwards: `sorted` turned text A into text B; `at` is in B, the result in A. */
function before(sorted: readonly Edit[], at: number): number {
  let delta = 0; // (length in B) − (length in A) of everything edited before the current edit
  for (const edit of sorted) {
    const startInB = edit.start + delta;
    if (at < startInB) break;
    const endInB = startInB + edit.text.length;
    if (at < endInB) return edit.start;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return at - delta;
}
