// Helpers for the CLI end-to-end tests: temp trees, byte snapshots, and running the real
// launcher (bin/pycodemod.js → dist/) in a child process.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(REPO, "bin", "pycodemod.js");

const created: string[] = [];

/** A fresh folder under the OS temp dir holding `files` (relative path → content). */
export function makeTree(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "pycodemod-cli-"));
  created.push(root);
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** A temp copy of a folder of this repository (e.g. examples/django-legacy). */
export function copyOf(repoRelative: string): string {
  const root = makeTree();
  cpSync(path.join(REPO, repoRelative), root, { recursive: true });
  return root;
}

/**
 * Calls `visit` for every entry under `root`, depth first; unreadable folders are passed over, and
 * so is `.pycodemod_cache/`: pycodemod's own state (test/cache.test.ts looks at it), not a user file.
 */
export function walkTree(root: string, visit: (full: string, entry: Dirent) => void): void {
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === ".pycodemod_cache") continue;
      const full = path.join(dir, entry.name);
      visit(full, entry);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
}

/** Every regular file under `root` (relative, "/"-separated) → its bytes; links are not followed. */
export function snapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  walkTree(root, (full, entry) => {
    if (!entry.isFile()) return;
    try {
      out.set(path.relative(root, full).split(path.sep).join("/"), readFileSync(full));
    } catch {
      // unreadable to us: not part of the snapshot
    }
  });
  return out;
}

/** Relative paths whose bytes differ between two snapshots (added, removed or changed). */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => {
    const a = before.get(name);
    const b = after.get(name);
    return !a || !b || !a.equals(b);
  }).sort();
}

export function read(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), "utf8");
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as raw bytes (present for runCli), for byte-exact checks. */
  stdoutBytes?: Buffer;
}

/**
 * Runs `node bin/pycodemod.js ...args` with `cwd` as the working directory and `input` on stdin.
 * Asynchronous (child_process.spawn) so that independent tests can run side by side; stdout and
 * stderr are collected as bytes and decoded once, so multi-byte characters are never split.
 */
export function runCli(cwd: string, args: string[], input?: string | Buffer, killAfterMs = 20_000): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ status, stdout: stdoutBytes.toString("utf8"), stdoutBytes, stderr: Buffer.concat(err).toString("utf8") });
    });
    // The CLI may exit without reading stdin (it only reads it for `-`).
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
  });
}

/** Runs `git apply` (outside any repository) to check that a diff applies to the tree as printed. */
export function gitApply(cwd: string, patch: string): CliResult {
  const result = spawnSync("git", ["apply", "--unsafe-paths", "-p1", "-"], { cwd, input: patch, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function removeTrees(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}
