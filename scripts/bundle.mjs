// Bundles the compiled CLI and worker into a few files under dist/bundle/. Node 20 loads ES
// modules with asynchronous file reads, one per module: with ~80 modules (50 rules and their
// helpers) start-up spent over 100 ms waiting, far more on a loaded machine. One file per entry
// (plus shared chunks) keeps a one-file pre-commit call fast. The library (package exports)
// stays the unbundled tsc output.
import { build } from "esbuild";

await build({
  entryPoints: { cli: "dist/src/cli.js", worker: "dist/src/worker.js" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // web-tree-sitter finds its .wasm next to its own file; the others are loaded lazily with require.
  external: ["web-tree-sitter", "magic-string", "ignore", "iconv-lite"],
  logLevel: "warning",
});
