// Splitting a tag's contents into bits the way Django's Token.split_contents() does (smart_split:
// whitespace separates bits, except inside "double" or 'single' quoted strings), with offsets so a
// rule can replace one bit and keep everything else as written.
import type { Token } from "./lexer.js";

export interface Bit {
  text: string;
  /** Offsets in the file. */
  start: number;
  end: number;
}

const SMART_SPLIT = /(?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+)|\S+/g;

export function splitContents(token: Token): Bit[] {
  const bits: Bit[] = [];
  for (const match of token.contents.matchAll(SMART_SPLIT)) {
    const start = token.contentStart + match.index!;
    bits.push({ text: match[0], start, end: start + match[0].length });
  }
  return bits;
}

/**
 * True when Django would glue bits back together (a translated string `_("a b")` that smart_split
 * cut at a space inside): bit counts are then not what they seem, and rules leave the tag alone.
 */
export function hasSplitTranslation(bits: readonly Bit[]): boolean {
  return bits.some((bit) => /^_\(["']/.test(bit.text) && !bit.text.endsWith(`${bit.text[2]})`));
}

/** Words the `{% if %}` tag reads as operators; an operand spelled like one would change meaning. */
export const IF_OPERATORS = new Set(["and", "or", "not", "in", "is", "==", "!=", "<", ">", "<=", ">=", "="]);

/** Offsets that delete `bit` together with the whitespace in front of it. */
export function withLeadingSpace(source: string, bit: Bit): { start: number; end: number } {
  let start = bit.start;
  while (start > 0 && /[ \t]/.test(source[start - 1]!)) start--;
  return { start, end: bit.end };
}
