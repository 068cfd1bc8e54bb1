// Bytes ↔ text, and the small text facts edits need (newline style, indentation, line numbers).
// tree-sitter offsets on a JS string are UTF-16 indices, the same unit String#slice uses, so no
// offset conversion is needed anywhere as long as we parse the decoded string.
//
// Decoding follows PEP 263: UTF-8 unless line 1 or 2 declares another encoding. UTF-8 and
// latin-1 take fast paths through the platform; any other encoding iconv-lite knows is decoded
// with it, provided the encoding is ASCII-compatible (Python requires that) and the bytes survive
// a round trip — otherwise writing the file back could change bytes nobody edited, so the file is
// refused instead. The result is written back in the same encoding.
import { createRequire } from "node:module";

export interface Decoded {
  text: string;
  /** Name of the encoding the bytes were in; used to write them back the same way. */
  encoding: string;
  bom: boolean;
}

export class DecodeError extends Error {}

type Iconv = typeof import("iconv-lite");

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// PEP 263: a comment on line 1 or 2 matching this regular expression declares the encoding.
const CODING_LINE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const UTF8_NAMES = new Set(["utf-8", "utf8", "u8", "utf", "cp65001", "utf-8-sig", "utf8-sig"]);
const LATIN1_NAMES = new Set(["latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819", "iso-ir-100"]);
/** Python's names for ASCII: handled here, as loading iconv-lite costs a short run ~30 ms. */
const ASCII_NAMES = new Set(["ascii", "us-ascii", "us", "646", "ansi-x3.4-1968", "iso646-us", "cp367"]);
/** Codecs iconv-lite knows that are not text encodings Python accepts for source files. */
const NOT_SOURCE_ENCODINGS = /^(base64|hex|binary|ucs2|utf16|utf32|utf7|cesu8)/;

let iconvModule: Iconv | undefined;
/** iconv-lite is loaded only when a file declares an encoding other than UTF-8 or latin-1. */
function iconv(): Iconv {
  iconvModule ??= createRequire(import.meta.url)("iconv-lite") as Iconv;
  return iconvModule;
}

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

const compatible = new Map<string, boolean>();
const ASCII_PROBE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("") + "\t\n\r\f\v";

/** True when iconv-lite knows the encoding and it maps ASCII to itself both ways. */
function isUsableEncoding(name: string): boolean {
  let ok = compatible.get(name);
  if (ok === undefined) {
    ok = false;
    const lib = iconv();
    if (lib.encodingExists(name) && !NOT_SOURCE_ENCODINGS.test(name.replace(/[^0-9a-z]/g, ""))) {
      try {
        const bytes = lib.encode(ASCII_PROBE, name);
        ok = bytes.equals(Buffer.from(ASCII_PROBE, "latin1")) && lib.decode(bytes, name) === ASCII_PROBE;
      } catch {
        ok = false;
      }
    }
    compatible.set(name, ok);
  }
  return ok;
}

/**
 * The name decode() stores for a declared encoding: "utf-8", "latin-1", "ascii", or the declared name when
 * iconv-lite can handle it; undefined when the encoding is unknown or unusable for source files.
 */
export function normalizeEncodingName(name: string): string | undefined {
  const lower = name.toLowerCase();
  const n = lower.replace(/_/g, "-");
  if (UTF8_NAMES.has(n)) return "utf-8";
  if (LATIN1_NAMES.has(n)) return "latin-1";
  if (ASCII_NAMES.has(n)) return "ascii";
  return isUsableEncoding(lower) ? lower : undefined;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) throw new DecodeError("contains NUL bytes (binary file?)");
  const bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  const encoding = declared === undefined ? "utf-8" : normalizeEncodingName(declared);
  if (encoding === undefined) throw new DecodeError(`declares unsupported encoding "${declared}"`);
  if (bom && encoding !== "utf-8") throw new DecodeError(`has a UTF-8 BOM but declares "${declared}"`);
  if (encoding === "utf-8") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding, bom };
    } catch {
      throw new DecodeError(
        declared === undefined ? "is not valid UTF-8 (and declares no other encoding)" : `is not valid UTF-8 (declared "${declared}")`,
      );
    }
  }
  if (encoding === "latin-1") return { text: Buffer.from(body).toString("latin1"), encoding, bom };
  if (encoding === "ascii") {
    if (body.some((byte) => byte > 0x7f)) throw new DecodeError(`has bytes that are not valid ${declared} (the encoding it declares)`);
    return { text: Buffer.from(body).toString("latin1"), encoding, bom };
  }
  const lib = iconv();
  const text = lib.decode(body, encoding, { stripBOM: false });
  // iconv-lite substitutes undecodable bytes instead of failing; a lossless round trip proves
  // every byte was decoded, and that writing the text back reproduces the unedited bytes.
  if (!lib.encode(text, encoding, { addBOM: false }).equals(Buffer.from(body.buffer, body.byteOffset, body.byteLength))) {
    throw new DecodeError(`has bytes that are not valid ${declared} (the encoding it declares)`);
  }
  return { text, encoding, bom };
}

export function encode(decoded: Pick<Decoded, "encoding" | "bom">, text: string): Buffer {
  if (decoded.encoding === "utf-8") {
    const body = Buffer.from(text, "utf8");
    return decoded.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
  }
  if (decoded.encoding === "latin-1") {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0xff) throw new DecodeError("rewritten text does not fit latin-1; left unchanged");
    }
    return Buffer.from(text, "latin1");
  }
  if (decoded.encoding === "ascii") {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0x7f) throw new DecodeError("rewritten text does not fit ascii; left unchanged");
    }
    return Buffer.from(text, "latin1");
  }
  const lib = iconv();
  const bytes = lib.encode(text, decoded.encoding, { addBOM: false });
  // Characters the encoding cannot represent come out as substitutes; refuse rather than corrupt.
  if (lib.decode(bytes, decoded.encoding, { stripBOM: false }) !== text) {
    throw new DecodeError(`rewritten text does not fit ${decoded.encoding}; left unchanged`);
  }
  return bytes;
}

/** The file's first newline sequence; inserted lines use it so CRLF files stay CRLF. */
export function newlineOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : "\n";
}

export function lineStart(text: string, index: number): number {
  let i = index;
  // The "\n" of a "\r\n" pair belongs to the line the pair ends.
  if (text[i] === "\n" && text[i - 1] === "\r") i--;
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
  return new LineIndex(text).position(index);
}

/** Line starts of a text, for many index → line/column look-ups at log n each. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a UTF-16 index. */
  position(index: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - this.starts[lo]! + 1 };
  }
}
