// Bundles the compiled CLI and worker into a few files under dist/bundle/. Node 20 loads ES
// modules with asynchronous file reads, one per module: with ~80 modules (50 rules and their
// helpers) start-up spent over 100 ms waiting, far more on a loaded machine. One file per entry
// (plus shared chunks) keeps a one-file pre-commit call fast. The library (package exports)
// stays the unbundled tsc output.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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

// dist/build-id.txt: a hash of every compiled file, so the result cache (src/cache.ts) of a
// different build, with other rules or engine code, is never used.

const hash = createHash("sha1");
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith(".js")) hash.update(full).update(readFileSync(full));
  }
};
walk("dist");
writeFileSync("dist/build-id.txt", `${hash.digest("hex")}\n`);
