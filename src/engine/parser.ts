// Loads the Python grammar once per process (or worker thread) and hands out one shared parser.
// Loading is asynchronous and costs ~30 ms, so it happens only when a file actually needs parsing.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Edit as TreeEdit, Node, Parser, Tree } from "web-tree-sitter";
import { loadEditor } from "./edits.js";
import { withRaisedTieringBudget } from "./wasm-tiering.js";

export type { Node, Tree };

let parser: Parser | undefined;
let TreeEditClass: typeof TreeEdit | undefined;
let loading: Promise<Parser> | undefined;

/**
 * A file at the root of an installed package: the nearest `node_modules/<name>/<file>` from this
 * module's folder up, where Node looks for packages too. `require.resolve` answers the same, but
 * its first call loads Node's package-exports resolver, ~3 ms of a one-file run; it is still the
 * answer when the plain lookup finds nothing (NODE_PATH and the like).
 */
function packageFile(name: string, file: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    const candidate = path.join(dir, "node_modules", name, file);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return createRequire(import.meta.url).resolve(`${name}/${file}`);
}

/** The grammar shipped by the installed tree-sitter-python package (no hard-coded paths). */
function grammarPath(): string {
  return packageFile("tree-sitter-python", "tree-sitter-python.wasm");
}

/**
 * web-tree-sitter's own .wasm, from its package: bundled into dist/bundle/, its code would look
 * for the file next to the bundle.
 */
function runtimeWasm(name: string): string {
  return path.join(path.dirname(packageFile("web-tree-sitter", "web-tree-sitter.wasm")), name);
}

let tuneTiering = false;

/**
 * Asks for a raised WebAssembly tiering budget while the grammar compiles (src/engine/wasm-tiering.ts;
 * the CLI's choice: V8's flags are process-wide, so the library leaves a host process's alone).
 */
export function preferShortRunTiering(): void {
  tuneTiering = true;
}

/**
 * Loads web-tree-sitter, the grammar and the edit library. Imported lazily so that a run where
 * no file passes the prefilter never pays for them.
 */
export function loadParser(): Promise<Parser> {
  loading ??= (async () => {
    const [{ Parser, Language, Edit }] = await Promise.all([import("web-tree-sitter"), loadEditor()]);
    TreeEditClass = Edit;
    const compile = async () => {
      await Parser.init({ locateFile: runtimeWasm });
      // Bytes rather than a path: web-tree-sitter would read the path with a dynamic import() of
      // fs/promises, which code run from the bundle (src/launch/load-bundle.ts) cannot do.
      return Language.load(readFileSync(grammarPath()));
    };
    const language = await (tuneTiering ? withRaisedTieringBudget(compile) : compile());
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

/**
 * Parses `newText` reusing `oldTree`: the tree is told about every edit (last first, so earlier
 * positions stay valid) and tree-sitter re-parses only around them. `edits` must be sorted by start,
 * non-overlapping, and be exactly what turned `oldText` into `newText`. `oldTree` is consumed.
 */
export function reparse(oldTree: Tree, oldText: string, edits: readonly { start: number; end: number; text: string }[], newText: string): Tree {
  if (!parser) throw new Error("pycodemod: parser used before loadParser() finished");
  // tree-sitter counts rows at "\n" only (a lone "\r" does not start a row).
  const breaks: number[] = [];
  for (let i = oldText.indexOf("\n"); i >= 0; i = oldText.indexOf("\n", i + 1)) breaks.push(i);
  const point = (index: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return { row: lo, column: index - (lo === 0 ? 0 : breaks[lo - 1]! + 1) };
  };
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit = edits[i]!;
    const startPosition = point(edit.start);
    const lines = edit.text.split("\n");
    const newEndPosition =
      lines.length === 1
        ? { row: startPosition.row, column: startPosition.column + edit.text.length }
        : { row: startPosition.row + lines.length - 1, column: lines[lines.length - 1]!.length };
    oldTree.edit(
      new TreeEditClass!({
        startIndex: edit.start,
        oldEndIndex: edit.end,
        newEndIndex: edit.start + edit.text.length,
        startPosition,
        oldEndPosition: point(edit.end),
        newEndPosition,
      }),
    );
  }
  const tree = parser.parse(newText, oldTree);
  oldTree.delete();
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
