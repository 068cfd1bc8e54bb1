// Incremental re-parsing must give exactly the tree a fresh parse gives: the engine trusts it for
// the safety net and for the next pass.
import { beforeAll, describe, expect, it } from "vitest";
import { EditSet, type Edit } from "../src/engine/edits.js";
import { loadParser, parse, reparse } from "../src/engine/parser.js";
import { fixtureCases } from "./fixture-cases.js";

beforeAll(async () => {
  await loadParser();
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLACEMENTS = ["x", "longer_name_é", "a.b", "(1 +\n 2)", "", "f(\r\n)", "🐍"];

describe("reparse", () => {
  const inputs = fixtureCases().filter((c) => !c.template && !c.dotenv).map((c) => c.input).slice(0, 200);

  it.each(inputs.map((input, i) => [i, input] as const))("case %i: incremental tree equals a fresh parse", (i, input) => {
    const next = random(i + 1);
    const tree = parse(input);
    const identifiers = tree.rootNode.descendantsOfType("identifier").filter((n) => n !== null);
    const set = new EditSet();
    for (let k = 0; k < 6 && identifiers.length > 0; k++) {
      const node = identifiers[Math.floor(next() * identifiers.length)]!;
      const text = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]!;
      const edit: Edit = next() < 0.2 ? { start: node.startIndex, end: node.startIndex, text } : { start: node.startIndex, end: node.endIndex, text };
      set.tryAdd({ rule: "test", message: "", edits: [edit] });
    }
    const output = set.apply(input);
    const incremental = reparse(tree, input, set.sorted, output);
    const fresh = parse(output);
    // The safety net relies on this: an edit that breaks the syntax shows in the incremental tree.
    expect(incremental.rootNode.hasError).toBe(fresh.rootNode.hasError);
    if (fresh.rootNode.hasError) {
      // Error recovery may build a different broken tree; only clean trees must match exactly.
      incremental.delete();
      fresh.delete();
      return;
    }
    expect(incremental.rootNode.toString()).toBe(fresh.rootNode.toString());
    const spans = (t: typeof fresh) =>
      t.rootNode.descendantsOfType(["identifier", "string", "call"]).map((n) => `${n!.type}@${n!.startIndex}-${n!.endIndex}:${n!.startPosition.row}`);
    expect(spans(incremental)).toEqual(spans(fresh));
    incremental.delete();
    fresh.delete();
  });
});
