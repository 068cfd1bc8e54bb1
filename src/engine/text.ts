// Bytes ↔ text, and the small text facts edits need (newline style, indentation, line numbers).
// tree-sitter offsets on a JS string are UTF-16 indices, the same unit String#slice uses, so no
// offset conversion is needed anywhere as long as we parse the decoded string.

export interface Decoded {
  text: string;
  /** Name of the encoding the bytes were in; used to write them back the same way. */
  encoding: string;
  bom: boolean;
}

export class DecodeError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// PEP 263: a comment on line 1 or 2 matching this regular expression declares the encoding.
const CODING_LINE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8_NAMES = new Set(["utf-8", "utf8", "utf_8", "u8", "utf", "utf8-sig", "utf-8-sig"]);
const LATIN1_NAMES = new Set([
  "latin-1", "latin1", "latin_1", "iso-8859-1", "iso8859-1", "iso_8859_1", "l1", "8859", "cp819",
]);

/** Reads a PEP 263 declaration from the first two lines (looked at as ASCII). */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  let end = 0;
  let lines = 0;
  while (end < bytes.length && end < 1024 && lines < 2) {
    if (bytes[end] === 0x0a) lines++;
    end++;
  }
  const head = Buffer.from(bytes.subarray(0, end)).toString("latin1").split(/\r\n|\r|\n/, 2);
  for (const [index, line] of head.entries()) {
    const match = CODING_LINE.exec(line);
    if (match) return match[1]!.toLowerCase();
    // Only a comment or blank first line lets the second line carry the declaration.
    if (index === 0 && !/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  return undefined;
}

export function normalizeEncodingName(name: string): "utf-8" | "latin-1" | undefined {
  const n = name.toLowerCase().replace(/_/g, "-");
  if (UTF8_NAMES.has(n) || UTF8_NAMES.has(name.toLowerCase())) return "utf-8";
  if (LATIN1_NAMES.has(n) || LATIN1_NAMES.has(name.toLowerCase())) return "latin-1";
  return undefined;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) throw new DecodeError("contains NUL bytes (binary file?)");
  const bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  const encoding = declared === undefined ? "utf-8" : normalizeEncodingName(declared);
  if (encoding === undefined) throw new DecodeError(`declares unsupported encoding "${declared}"`);
  if (bom && encoding !== "utf-8") throw new DecodeError(`has a UTF-8 BOM but declares "${declared}"`);
  if (encoding === "latin-1") return { text: Buffer.from(body).toString("latin1"), encoding, bom };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding, bom };
  } catch {
    throw new DecodeError("is not valid UTF-8 (and declares no other encoding)");
  }
}

export function encode(decoded: Pick<Decoded, "encoding" | "bom">, text: string): Buffer {
  if (decoded.encoding === "latin-1") {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0xff) throw new DecodeError("rewritten text does not fit latin-1");
    }
    return Buffer.from(text, "latin1");
  }
  const body = Buffer.from(text, "utf8");
  return decoded.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}

/** The file's first newline sequence; inserted lines use it so CRLF files stay CRLF. */
export function newlineOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : "\n";
}

export function lineStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Index just past the end of the line containing `index` (including its newline sequence). */
export function lineEndWithNewline(text: string, index: number): number {
  let i = index;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  if (text[i] === "\r" && text[i + 1] === "\n") return i + 2;
  if (i < text.length) return i + 1;
  return i;
}

/** Leading whitespace of the line containing `index`. */
export function indentAt(text: string, index: number): string {
  const start = lineStart(text, index);
  let i = start;
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\f")) i++;
  return text.slice(start, i);
}

/** 1-based line and column of a UTF-16 index. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: index - start + 1 };
}
