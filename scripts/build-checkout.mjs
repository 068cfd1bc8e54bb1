// Runs after `npm install` / `npm ci`: in a checkout (src/ and the TypeScript compiler present)
// it builds dist/; in an installed package (only dist/ shipped) it does nothing.
//
// Why not `prepare`: npm runs `prepare` during `npm pack` too and prints its banner on stdout,
// and pre-commit's `language: node` installs a hook repository with `npm install`, then reads the
// tarball name from `npm pack`'s stdout — a `prepare` script breaks every pre-commit install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const checkout = existsSync(path.join(root, "src", "cli.ts")) && existsSync(path.join(root, "node_modules", "typescript"));
if (checkout) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build", "--silent"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] })
    : spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" });
  process.exitCode = result.status ?? 1;
}
