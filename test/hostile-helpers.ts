// Helpers for the hostile-input, property and crash tests: temp trees, byte-level expectations,
// and running the real launcher (bin/pycodemod.js → dist/) in a child process, optionally as an
// unprivileged user (so permission cases work when the tests run as root) and with
// test/hostile-hooks.mjs preloaded (to fake a failing rule or a concurrent editor).
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync, chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { walkTree, writeTree } from "./cli-helpers.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = path.join(REPO, "bin", "pycodemod.js");
export const HOOKS = path.join(REPO, "test", "hostile-hooks.mjs");
/** Launcher used with hooks: they patch dist/ modules, which the bundled CLI does not load. */
const UNBUNDLED = path.join(REPO, "test", "unbundled-cli.mjs");
export const TARGET = ["--target", "django-5.0"];

export const IS_ROOT = process.getuid?.() === 0;
/** The unprivileged user root switches to for permission cases. */
export const NOBODY = 65534;

/** A module the django/utils-encoding rule rewrites, and what it becomes. */
export const NEEDS = "from django.utils.encoding import force_text\n\nx = force_text(1)\n";
export const fixed = (text: string): string => text.replaceAll("force_text", "force_str");

const created: string[] = [];

export function tempDir(prefix = "pycodemod-hostile-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A fresh folder holding `files` (relative path → content). */
export function makeTree(files: Record<string, string | Uint8Array> = {}): string {
  const root = tempDir();
  writeTree(root, files);
  return root;
}


// Children still running when a test file ends (a test that gave up on them) are killed, so no
// run outlives the tests and keeps burning CPU.
const live = new Set<ChildProcess>();
function killLive(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}
process.on("exit", killLive);

/** Kills runs still going and removes every temp folder made so far. */
export function cleanupTemps(): void {
  killLive();
  for (const dir of created.splice(0)) {
    try {
      makeWritable(dir);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}

function makeWritable(dir: string): void {
  try {
    chmodSync(dir, 0o755);
  } catch {
    return;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else if (entry.isFile()) chmodSync(full, 0o644);
  }
}

/** Hands a tree to the unprivileged user (only meaningful as root). */
export function giveToNobody(root: string): void {
  if (!IS_ROOT) return;
  const visit = (p: string) => {
    chownSync(p, NOBODY, NOBODY);
    if (lstatSync(p).isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
}

export { changedFiles, snapshot, writeTree } from "./cli-helpers.js";

/** Files under `root` named like pycodemod's temporary files. */
export function strayTemps(root: string): string[] {
  const out: string[] = [];
  walkTree(root, (full, entry) => {
    if (entry.name.startsWith(".pycodemod-")) out.push(path.relative(root, full));
  });
  return out;
}

/** `buffer` with every occurrence of the ASCII string `from` replaced by `to`, byte for byte. */
export function replaceBytes(buffer: Uint8Array, from: string, to: string): Buffer {
  const source = Buffer.from(buffer);
  const needle = Buffer.from(from, "latin1");
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, start)) {
    parts.push(source.subarray(start, at), Buffer.from(to, "latin1"));
    start = at + needle.length;
  }
  parts.push(source.subarray(start));
  return Buffer.concat(parts);
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface CliOptions {
  cwd: string;
  /** Run as an unprivileged user when we are root (permission bits then apply). */
  unprivileged?: boolean;
  /** Preload test/hostile-hooks.mjs with these modes (see that file). */
  hooks?: string[];
  env?: Record<string, string>;
  nodeArgs?: string[];
  timeoutMs?: number;
  input?: Uint8Array;
}

function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...(options.hooks ? { HOSTILE_HOOK: options.hooks.join(",") } : {}),
    ...options.env,
  };
}

/**
 * The launcher the unprivileged user runs. A clone in a private folder (mode 0700, as `mktemp -d`
 * makes) is out of that user's reach, so the launcher, dist/ and the runtime dependencies are
 * copied once to a world-readable temp folder. Undefined (with the reason) when even the copy
 * cannot be run, e.g. because node itself lives in a private folder.
 */
let nobodyLauncher: { bin?: string; reason?: string } | undefined;
export function unprivilegedLauncher(): { bin?: string; reason?: string } {
  if (nobodyLauncher) return nobodyLauncher;
  if (!IS_ROOT) return (nobodyLauncher = { bin: BIN });
  const runs = (bin: string) =>
    spawnSync(process.execPath, [bin, "--version"], { uid: NOBODY, gid: NOBODY, cwd: tmpdir(), stdio: "pipe" }).status === 0;
  if (runs(BIN)) return (nobodyLauncher = { bin: BIN });
  const copy = tempDir("pycodemod-nobody-");
  chmodSync(copy, 0o755);
  for (const part of ["bin", "dist", "package.json"]) cpSync(path.join(REPO, part), path.join(copy, part), { recursive: true });
  // Runtime dependencies only: the lockfile marks development-only packages with "dev": true.
  const lock = JSON.parse(readFileSync(path.join(REPO, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [where, info] of Object.entries(lock.packages)) {
    if (!where.startsWith("node_modules/") || info.dev) continue;
    cpSync(path.join(REPO, where), path.join(copy, where), { recursive: true });
  }
  const bin = path.join(copy, "bin", "pycodemod.js");
  if (runs(bin)) return (nobodyLauncher = { bin });
  return (nobodyLauncher = {
    reason: `user ${NOBODY} cannot run node (${process.execPath}) even on a world-readable copy of the CLI in ${copy}`,
  });
}

function cliArgs(args: readonly string[], options: CliOptions): string[] {
  let bin = BIN;
  if (options.unprivileged && IS_ROOT && !options.hooks) {
    const launcher = unprivilegedLauncher();
    if (!launcher.bin) throw new Error(launcher.reason);
    bin = launcher.bin;
  }
  return [...(options.nodeArgs ?? []), ...(options.hooks ? ["--import", HOOKS, UNBUNDLED] : [bin]), ...args];
}

/** Runs the real CLI to completion, synchronously. */
export function cliSync(args: readonly string[], options: CliOptions): CliRun {
  const started = Date.now();
  const result: SpawnSyncReturns<Buffer> = spawnSync(process.execPath, cliArgs(args, options), {
    cwd: options.cwd,
    env: cliEnv(options),
    input: options.input,
    timeout: options.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
    maxBuffer: 256 * 1024 * 1024,
    ...(options.unprivileged && IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  if (result.error && !timedOut) throw result.error;
  return finish(result.status, result.signal, result.stdout, result.stderr, timedOut, started);
}

function finish(
  status: number | null, signal: NodeJS.Signals | null, stdout: Buffer | null, stderr: Buffer | null, timedOut: boolean, started: number,
): CliRun {
  const out = stdout ?? Buffer.alloc(0);
  return {
    status, signal, timedOut,
    stdoutBytes: out,
    stdout: out.toString("utf8"),
    stderr: (stderr ?? Buffer.alloc(0)).toString("utf8"),
    ms: Date.now() - started,
  };
}

// Runs of the CLI share the machine: at most this many at once (tests may be concurrent).
const slots = Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];
async function acquire(): Promise<void> {
  if (running < slots) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Runs the real CLI to completion without blocking the test process (so tests can overlap). */
export async function cli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  await acquire();
  try {
    return await new Promise<CliRun>((resolve, reject) => {
      const started = Date.now();
      const child = spawn(process.execPath, cliArgs(args, options), {
        cwd: options.cwd,
        env: cliEnv(options),
        stdio: [options.input ? "pipe" : "ignore", "pipe", "pipe"],
        ...(options.unprivileged && IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      live.add(child);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
      if (options.input) child.stdin!.end(options.input);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs ?? 30_000);
      child.on("error", (error) => {
        live.delete(child);
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (status, signal) => {
        live.delete(child);
        clearTimeout(timer);
        resolve(finish(status, signal, Buffer.concat(out), Buffer.concat(err), timedOut, started));
      });
    });
  } finally {
    release();
  }
}

/** Starts the real CLI without waiting (for kill tests). */
export function cliAsync(args: readonly string[], options: CliOptions): ChildProcess {
  const child = spawn(process.execPath, cliArgs(args, options), {
    cwd: options.cwd,
    env: cliEnv(options),
    stdio: ["ignore", "ignore", "ignore"],
  });
  live.add(child);
  child.on("exit", () => live.delete(child));
  return child;
}

/** A compact description of a run for assertion messages. */
export function describeRun(run: CliRun): string {
  const clip = (s: string) => (s.length > 2000 ? `${s.slice(0, 2000)}… (${s.length} chars)` : s);
  return `exit ${run.status}${run.signal ? ` signal ${run.signal}` : ""}${run.timedOut ? " (timed out)" : ""} after ${run.ms} ms\n--- stdout\n${clip(run.stdout)}\n--- stderr\n${clip(run.stderr)}`;
}
