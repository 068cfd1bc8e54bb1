// The dotenv reader follows python-dotenv: keys, `export`, the three value forms, comments,
// multi-line quoted values and the lines it skips.
import { describe, expect, it } from "vitest";
import { parseDotenv } from "../src/dotenv/parse.js";

const pairs = (text: string) => parseDotenv(text).map((e) => [e.key ?? null, e.value ?? null, e.line]);

describe("parseDotenv", () => {
  it("reads keys, export, unquoted values with comments, and quoted values", () => {
    expect(pairs("A=1\nexport B = two words  # note\nC='x # y'\nD=\"a\\nb\"\nE\n# comment\n\nF=#x\n")).toEqual([
      ["A", "1", 1], ["B", "two words", 2], ["C", "x # y", 3], ["D", "a\nb", 4], ["E", null, 5], ["F", "#x", 8],
    ]);
  });

  it("follows a quoted value over several lines and skips what it cannot read", () => {
    expect(pairs('K="one\nFLASK_ENV=x\ntwo"\nL=\'open\nM=3\r\n=bad\n')).toEqual([
      ["K", "one\nFLASK_ENV=x\ntwo", 1], [null, null, 4], ["M", "3", 5], [null, null, 6],
    ]);
  });

  it("notes values python-dotenv expands (single-quoted ones too), and offsets that rebuild the entry", () => {
    const text = 'X=${HOME}/a\nY="${A}"\nZ=\'${A}\'\n';
    expect(parseDotenv(text).map((e) => e.expands)).toEqual([true, true, true]);
    for (const e of parseDotenv(text)) expect(text.slice(e.keyStart, e.keyEnd)).toBe(e.key);
  });
});
