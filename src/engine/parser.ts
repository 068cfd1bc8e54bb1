// Loads the Python grammar once per process (or worker thread) and hands out one shared parser.
// Loading is asynchronous and costs ~30 ms, so it happens only when a file actually needs parsing.
import { createRequire } from "node:module";
import type { Node, Parser, Tree } from "web-tree-sitter";
import { loadEditor } from "./edits.js";

export type { Node, Tree };

let parser: Parser | undefined;
let loading: Promise<Parser> | undefined;

/** Resolves the grammar shipped by the installed tree-sitter-python package (no hard-coded paths). */
function grammarPath(): string {
  return createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

/**
 * Loads web-tree-sitter, the grammar and the edit library. Imported lazily so that a run where
 * no file passes the prefilter never pays for them.
 */
export function loadParser(): Promise<Parser> {
  loading ??= (async () => {
    const [{ Parser, Language }] = await Promise.all([import("web-tree-sitter"), loadEditor()]);
    await Parser.init();
    const language = await Language.load(grammarPath());
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  return loading;
}

export function isParserLoaded(): boolean {
  return parser !== undefined;
}

/** Parses synchronously; callers must have awaited loadParser() first. Call tree.delete() after use. */
export function parse(source: string): Tree {
  if (!parser) throw new Error("pycodemod: parser used before loadParser() finished");
  const tree = parser.parse(source);
  if (!tree) throw new Error("pycodemod: tree-sitter returned no tree");
  return tree;
}

/** The first ERROR or MISSING node, in source order, or undefined when the tree is clean. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  let node: Node | null = root;
  // Descend towards the earliest child that carries the error flag.
  while (node) {
    if (node.isError || node.isMissing) return node;
    let next: Node | null = null;
    for (const child of node.children) {
      if (child && (child.hasError || child.isMissing)) {
        next = child;
        break;
      }
    }
    if (!next) return node;
    node = next;
  }
  return undefined;
}
