// Bundles the compiled CLI and its worker into one CommonJS file, dist/bundle/pycodemod.js, which
// bin/pycodemod.js loads through src/launch/load-bundle.ts with a V8 code cache. Node 20 loads ES
// modules with one asynchronous read each and has no compile cache for them: one file, compiled
// once and then loaded from V8's serialized code, keeps a one-file pre-commit call short. The
// library (package exports) stays the unbundled tsc output.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

rmSync("dist/bundle", { recursive: true, force: true });
const common = {
  bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning",
  // The code reads files next to itself through import.meta.url (package.json, build id, rule
  // examples): in a bundle that is the bundle's own URL, one folder below dist/ as dist/src/ is.
  define: { "import.meta.url": "__pycodemod_bundle_url" },
  banner: { js: 'var __pycodemod_bundle_url = require("node:url").pathToFileURL(__filename).href;' },
};
await build({
  ...common,
  entryPoints: ["dist/src/launch/bundle-entry.js"],
  outfile: "dist/bundle/pycodemod.js",
  // web-tree-sitter's CommonJS build: its ES build loads node:module with a dynamic import().
  alias: { "web-tree-sitter": path.resolve("node_modules/web-tree-sitter/web-tree-sitter.cjs") },
  // Loaded lazily with require and rarely needed (legacy encodings; .gitignore parsing is small).
  external: ["ignore", "iconv-lite"],
});
// ASCII only, so the launcher reads the bundle as Latin-1 (a plain copy) instead of decoding UTF-8.
// esbuild already escapes every non-ASCII character in strings, regular expressions and names;
// what is left sits in comments, where an escape reads as well.
const bundleFile = "dist/bundle/pycodemod.js";
writeFileSync(
  bundleFile,
  readFileSync(bundleFile, "utf8").replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`),
);
// The launcher (bin/pycodemod.js and the worker entry require it): CommonJS, like the bin, because
// Node's ES module loader costs a one-file run about 10 ms more to start.
await build({ ...common, entryPoints: ["dist/src/launch/load-bundle.js"], outfile: "dist/bundle/launch.js" });
writeFileSync("dist/bundle/package.json", '{ "type": "commonjs" }\n');
// The worker thread's entry, where src/pool.ts looks for it (next to the code that starts it).
writeFileSync(
  "dist/bundle/worker.js",
  [
    "// Worker thread entry (written by scripts/bundle.mjs): the command line's bundle, its code cache included.",
    'require("./launch.js").loadBundle(require("node:path").join(__dirname, "pycodemod.js")).exports.runWorker();',
    "",
  ].join("\n"),
);

// dist/build-id.txt: a hash of every compiled file, so the result cache (src/cache.ts) and the code
// cache (src/launch/load-bundle.ts) of a different build, with other rules or engine code, are never used.
const hash = createHash("sha1");
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.c?js$/.test(entry.name)) hash.update(full).update(readFileSync(full));
  }
};
walk("dist");
writeFileSync("dist/build-id.txt", `${hash.digest("hex")}\n`);

// Warm the code cache: one run that rewrites a small file compiles what a typical call needs, and
// the launcher saves it next to the bundle (an install with another Node version makes its own).
const sample = mkdtempSync(path.join(os.tmpdir(), "pycodemod-warm-"));
try {
  writeFileSync(path.join(sample, "views.py"), "from django.utils.encoding import force_text\n\nx = force_text(1)\n");
  execFileSync(process.execPath, [path.resolve("bin/pycodemod.js"), "--target", "django-5.0", "--diff", "--no-cache", "views.py"], { cwd: sample, stdio: "ignore" });
} catch {
  // Exit status 1 (a change was found) is the expected outcome; the cache is written regardless.
} finally {
  rmSync(sample, { recursive: true, force: true });
}
