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

export class EditSet {
  private edits: Edit[] = [];
  readonly fixes: Fix[] = [];

  get size(): number {
    return this.edits.length;
  }

  /** Accepts the fix when none of its edits conflicts with what is already accepted. */
  tryAdd(fix: Fix): boolean {
    const own = fix.edits;
    for (let i = 0; i < own.length; i++) {
      for (let j = i + 1; j < own.length; j++) if (conflicts(own[i]!, own[j]!)) return false;
      for (const other of this.edits) if (conflicts(own[i]!, other)) return false;
    }
    for (const edit of own) {
      if (!this.edits.some((other) => sameEdit(other, edit))) this.edits.push(edit);
    }
    this.fixes.push(fix);
    return true;
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
