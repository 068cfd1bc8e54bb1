// Edits are plain ranges over the text of one pass. A fix is a group of edits that must land
// together (an import rename and the uses it renames); a fix that collides with an already
// accepted one waits for the next pass, where it is recomputed on the new text.
import type MagicStringType from "magic-string";

let MagicString: typeof MagicStringType | undefined;

/** Loads magic-string on first need (loadParser() does this, so edits are always ready after a parse). */
export async function loadEditor(): Promise<void> {
  MagicString ??= (await import("magic-string")).default;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  rule: string;
  message: string;
  edits: Edit[];
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Two edits conflict when their ranges share text, or one inserts strictly inside the other. */
export function conflicts(a: Edit, b: Edit): boolean {
  if (sameEdit(a, b)) return false;
  if (a.start === a.end && b.start === b.end) return false; // two insertions at one point: both apply, in order
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Index of the first edit in `sorted` whose start is at least `at`. */
function lowerBound(sorted: Edit[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Accepted edits, kept sorted by start (ties in acceptance order, which is the order insertions
 * at one point are applied in). Checking a new edit looks only at its neighbours, so a file with
 * 100,000 edits costs n log n, not n².
 */
export class EditSet {
  private edits: Edit[] = [];
  readonly fixes: Fix[] = [];

  get size(): number {
    return this.edits.length;
  }

  /** The accepted edits, sorted by start. */
  get sorted(): readonly Edit[] {
    return this.edits;
  }

  /** True when `edit` conflicts with an accepted edit; sets `duplicate` when it is already accepted. */
  private collides(edit: Edit): { conflict: boolean; duplicate: boolean } {
    const sorted = this.edits;
    const at = lowerBound(sorted, edit.start);
    // Before: only the closest replacement can reach past edit.start (accepted replacements are disjoint).
    for (let i = at - 1; i >= 0; i--) {
      const before = sorted[i]!;
      if (before.start === before.end) continue;
      if (conflicts(before, edit)) return { conflict: true, duplicate: false };
      break;
    }
    let duplicate = false;
    for (let i = at; i < sorted.length; i++) {
      const after = sorted[i]!;
      if (after.start > edit.end || (after.start === edit.end && edit.start !== edit.end)) break;
      if (sameEdit(after, edit)) duplicate = true;
      else if (conflicts(after, edit)) return { conflict: true, duplicate: false };
    }
    return { conflict: false, duplicate };
  }

  /** Accepts the fix when none of its edits conflicts with what is already accepted. */
  tryAdd(fix: Fix): boolean {
    const own = [...fix.edits].sort((a, b) => a.start - b.start); // stable: keeps the fix's order at one point
    let lastReplacement: Edit | undefined;
    for (let i = 0; i < own.length; i++) {
      const edit = own[i]!;
      if (i > 0 && conflicts(own[i - 1]!, edit)) return false;
      if (lastReplacement && conflicts(lastReplacement, edit)) return false;
      if (edit.start !== edit.end) lastReplacement = edit;
    }
    const fresh: Edit[] = [];
    for (const edit of own) {
      const { conflict, duplicate } = this.collides(edit);
      if (conflict) return false;
      if (!duplicate && !(fresh.length > 0 && sameEdit(fresh[fresh.length - 1]!, edit))) fresh.push(edit);
    }
    this.merge(fresh);
    this.fixes.push(fix);
    return true;
  }

  private merge(fresh: Edit[]): void {
    if (fresh.length === 0) return;
    const sorted = this.edits;
    if (sorted.length === 0 || fresh[0]!.start >= sorted[sorted.length - 1]!.start) {
      for (const edit of fresh) sorted.push(edit); // the common case: rules report in source order
      return;
    }
    const merged: Edit[] = [];
    let i = 0;
    let j = 0;
    while (i < sorted.length || j < fresh.length) {
      if (j >= fresh.length || (i < sorted.length && sorted[i]!.start <= fresh[j]!.start)) merged.push(sorted[i++]!);
      else merged.push(fresh[j++]!);
    }
    this.edits = merged;
  }

  apply(source: string): string {
    if (!MagicString) throw new Error("pycodemod: edits applied before loadEditor() finished");
    const text = new MagicString(source);
    // Insertions at one index keep the order they were accepted in (appendLeft appends).
    for (const edit of this.edits) {
      if (edit.start === edit.end) text.appendLeft(edit.start, edit.text);
      else if (edit.text === "") text.remove(edit.start, edit.end);
      else text.overwrite(edit.start, edit.end, edit.text, { contentOnly: true });
    }
    return text.toString();
  }
}
