// rewriteImportEntries with comments in every place Python allows them inside an import. Several
// rules refuse "comments inside its import make the rewrite ambiguous" when it returns nothing;
// this test walks every layout of a parenthesised import of three names (one to three lines,
// a comment or none after the open parenthesis, at the end of each line and on a line of its own
// before each line, a trailing comma or none) and every keep/rename/drop choice, and shows it
// always returns edits whose result parses and keeps what it should. An unparenthesised import
// cannot hold a comment (Python ends the statement there, and a comment cannot follow a
// backslash), so those refusals guard nothing any valid file reaches (docs/refusals.md).
import { beforeAll, describe, expect, it } from "vitest";
import { rewriteImportEntries, importEntries } from "../src/engine/helpers/imports.js";
import { loadParser, parse } from "../src/engine/parser.js";

beforeAll(async () => {
  await loadParser();
});

const NAMES = ["alpha", "beta", "gamma"];
type Choice = "keep" | "rename" | "drop";

/** Every split of the three names into consecutive lines. */
const SPLITS: number[][][] = [[[0, 1, 2]], [[0], [1, 2]], [[0, 1], [2]], [[0], [1], [2]]];

function* layouts(): Generator<string> {
  for (const split of SPLITS) {
    for (let mask = 0; mask < 1 << (2 * split.length + 1); mask++) {
      for (const trailingComma of [false, true]) {
        const afterOpen = (mask & 1) !== 0;
        let text = `from pkg.mod import (${afterOpen ? "  # about the import" : ""}\n`;
        split.forEach((line, i) => {
          const ownLine = (mask & (1 << (1 + 2 * i))) !== 0;
          const endComment = (mask & (1 << (2 + 2 * i))) !== 0;
          if (ownLine) text += `    # before line ${i}\n`;
          const last = i === split.length - 1;
          const comma = last ? (trailingComma ? "," : "") : ",";
          text += `    ${line.map((n) => NAMES[n]).join(", ")}${comma}${endComment ? `  # end of line ${i}` : ""}\n`;
        });
        yield `${text})\nuse(alpha, beta, gamma)\n`;
      }
    }
  }
}

function* choices(): Generator<Choice[]> {
  const all: Choice[] = ["keep", "rename", "drop"];
  for (const a of all) for (const b of all) for (const c of all) yield [a, b, c];
}

function apply(source: string, edits: { start: number; end: number; text: string }[]): string {
  let out = source;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe("rewriteImportEntries with comments inside the import", () => {
  it("always finds an edit whose result parses and keeps the entries that stay", () => {
    let cases = 0;
    for (const source of layouts()) {
      const tree = parse(source);
      expect(tree.rootNode.hasError).toBe(false);
      const statement = tree.rootNode.namedChildren.find((n) => n?.type === "import_from_statement")!;
      const entries = importEntries(statement);
      for (const choice of choices()) {
        const changes = new Map<number, string | null>();
        entries.forEach((entry, i) => {
          if (choice[i] === "drop") changes.set(entry.id, null);
          else if (choice[i] === "rename") changes.set(entry.id, `${NAMES[i]}_new`);
        });
        const edits = rewriteImportEntries(source, statement, changes);
        expect(edits, `${JSON.stringify(choice)} on\n${source}`).toBeDefined();
        const out = apply(source, edits!);
        const again = parse(out);
        expect(again.rootNode.hasError, out).toBe(false);
        again.delete();
        const importText = out.slice(0, out.indexOf("use("));
        choice.forEach((c, i) => {
          const name = c === "rename" ? `${NAMES[i]}_new` : NAMES[i]!;
          if (c === "drop") expect(importText).not.toMatch(new RegExp(`\\b${NAMES[i]}\\b`));
          else expect(importText).toMatch(new RegExp(`\\b${name}\\b`));
        });
        cases++;
      }
      tree.delete();
    }
    expect(cases).toBeGreaterThan(1000);
  }, 120_000);
});
