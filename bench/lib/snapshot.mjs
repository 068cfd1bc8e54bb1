// Others rebuild dist/ while benchmarks run, and one benchmark run spawns many processes over
// several minutes: without a snapshot, one run could measure two different builds. snapshotDist()
// copies dist/, bin/ and package.json into bench/out/dist-snapshot-<pid>/ (inside the repository,
// so the copied code still finds node_modules by walking up) and returns where things are.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "../..");

/** sha256 over every file under `dir` (names and contents), to identify a build. */
function hashTree(dir) {
  const hash = createHash("sha256");
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".map")) hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

export function snapshotDist() {
  const dist = path.join(REPO, "dist");
  if (!existsSync(path.join(dist, "src/index.js")) || !existsSync(path.join(dist, "src/cli.js"))) {
    throw new Error("dist/ is missing or incomplete: run `npm run build` first (the benchmark measures the compiled code)");
  }
  const root = path.join(REPO, "bench/out", `dist-snapshot-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  cpSync(dist, path.join(root, "dist"), { recursive: true });
  cpSync(path.join(REPO, "bin"), path.join(root, "bin"), { recursive: true });
  cpSync(path.join(REPO, "package.json"), path.join(root, "package.json"));
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.on("exit", remove);
  return { root, dist: path.join(root, "dist"), bin: path.join(root, "bin/pycodemod.js"), hash: hashTree(path.join(root, "dist")), remove };
}
