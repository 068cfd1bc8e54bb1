// Loads the CLI bundle (dist/bundle/pycodemod.js) with a V8 code cache, so a short run (one file
// from a pre-commit hook) does not spend its time compiling a megabyte of JavaScript. Node 20 has
// no `module.enableCompileCache`; `vm.Script` with `cachedData` is the route it does offer: the
// bundle is one CommonJS file run through a CommonJS-style wrapper, and V8's serialized code for
// it (including every function the run compiled lazily) is kept in a file next to the bundle.
//
// The cache is safe to lose or to find damaged:
// - its header names the build (dist/build-id.txt, a hash of the compiled code) and the Node
//   version and architecture, and carries the payload's length and checksum (release builds of V8
//   check neither the source's content nor a checksum, so a stale or damaged payload would be
//   trusted): anything that does not match is ignored and the bundle compiles from source;
// - it is written next to the bundle, or in the user's cache folder when the package folder is
//   read-only, never in the project being upgraded; a failed write changes nothing for the run;
// - written through a temp file and a rename, so concurrent runs never see half a file;
// - PYCODEMOD_CODE_CACHE=0 turns it off (reading and writing).
import { isAscii } from "node:buffer";
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

// Built as CommonJS (scripts/bundle.mjs); `require` keeps rarely needed modules off the start path.
const require = createRequire(import.meta.url);

/** What the bundle's entry (src/launch/bundle-entry.ts) exports. */
export interface BundleExports {
  main(argv: string[]): Promise<number>;
  runWorker(): Promise<void>;
}

export interface LoadedBundle {
  exports: BundleExports;
  /** True when the code came from a valid cache (nothing to save then). */
  fromCache: boolean;
  /** Writes the code cache when there was none or it was stale; never throws. */
  saveCodeCache(): void;
}

const MAGIC = "pycodemod-code-cache 1";

/** The wrapper Node itself puts around a CommonJS module, plus the import() lent to plugins.ts. */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname, __pycodemod_import) {";
const WRAPPER_TAIL = "\n})";

/**
 * A 32-bit checksum of the payload: zlib's native CRC-32 where Node has it (20.15 on), else FNV-1a
 * in JavaScript (slower, ~10 ms for the cache, but the check must not be skipped).
 */
export function checksum(bytes: Uint8Array): number {
  const zlib = require("node:zlib") as { crc32?: (data: Uint8Array) => number };
  if (zlib.crc32) return zlib.crc32(bytes);
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/**
 * Where the cache may live, first choice first: beside the bundle, then the user's cache folder
 * (worked out only when asked for: it costs loading node:os).
 */
export function* cacheLocations(bundle: string, buildId: string): Generator<string> {
  const name = `${path.basename(bundle)}.${process.version}-${process.arch}${flagsSuffix()}.cache`;
  yield path.join(path.dirname(bundle), name);
  let home = process.env.XDG_CACHE_HOME;
  if (!home) {
    const user = (require("node:os") as typeof import("node:os")).homedir();
    home = user ? path.join(user, ".cache") : "";
  }
  if (home) yield path.join(home, "pycodemod", `${buildId.slice(0, 16)}-${name}`);
}

/**
 * V8 rejects a code cache made under other flag values. A start with options of its own (`node
 * --max-old-space-size=… pycodemod`, NODE_OPTIONS) gets a file of its own, so that runs with and
 * without them do not replace each other's cache on every start.
 */
function flagsSuffix(): string {
  const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").trim();
  if (options === "") return "";
  let hash = 0x811c9dc5;
  for (let i = 0; i < options.length; i++) hash = Math.imul(hash ^ options.charCodeAt(i), 0x01000193);
  return `-${(hash >>> 0).toString(16)}`;
}

function header(tag: string, payload: Uint8Array): Buffer {
  return Buffer.from(`${MAGIC}\n${tag}\n${payload.length} ${checksum(payload)}\n`);
}

/** The payload of a cache file if it belongs to this build and Node and is intact. */
export function readCodeCache(file: string, tag: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const lines: string[] = [];
  let at = 0;
  for (let i = 0; i < 3; i++) {
    const end = data.indexOf(10, at);
    if (end < 0 || end - at > 200) return undefined;
    lines.push(data.toString("latin1", at, end));
    at = end + 1;
  }
  if (lines[0] !== MAGIC || lines[1] !== tag) return undefined;
  const [length, sum] = lines[2]!.split(" ").map(Number);
  const payload = data.subarray(at);
  if (payload.length !== length || checksum(payload) !== sum) return undefined;
  return payload;
}

/** Writes a cache file atomically at the first location that takes it. */
export function writeCodeCache(locations: Iterable<string>, tag: string, payload: Uint8Array): string | undefined {
  for (const file of locations) {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, Buffer.concat([header(tag, payload), payload]));
      renameSync(temp, file);
      return file;
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
    }
  }
  return undefined;
}

/**
 * The bundle's text. The build keeps it ASCII (scripts/bundle.mjs), which reads as Latin-1: a
 * plain copy into a one-byte string, where UTF-8 decoding of its 1.4 MB cost a start ~5–8 ms.
 */
function readSource(bundle: string): string {
  const bytes = readFileSync(bundle);
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/**
 * Compiles and runs the bundle. `bundle` is its absolute path; the build id sits in
 * dist/build-id.txt, one folder up.
 */
export function loadBundle(bundle: string): LoadedBundle {
  const source = readSource(bundle);
  const enabled = process.env.PYCODEMOD_CODE_CACHE !== "0";
  let buildId = "";
  try {
    buildId = readFileSync(path.join(path.dirname(bundle), "..", "build-id.txt"), "utf8").trim();
  } catch {
    // A bundle without a build id (hand-made): no cache, it could not be told apart from another.
  }
  const useCache = enabled && buildId !== "";
  const tag = `${buildId} ${process.version} ${process.arch}`;
  let cachedData: Buffer | undefined;
  if (useCache) {
    for (const file of cacheLocations(bundle, buildId)) {
      cachedData = readCodeCache(file, tag);
      if (cachedData) break;
    }
  }
  const script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: bundle, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as BundleExports };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), (url: string) => import(url));
  return {
    exports: module.exports,
    fromCache,
    saveCodeCache() {
      if (!useCache || fromCache) return;
      try {
        writeCodeCache(cacheLocations(bundle, buildId), tag, script.createCachedData());
      } catch {
        // Out of memory or the like: the next run compiles from source again.
      }
    },
  };
}
