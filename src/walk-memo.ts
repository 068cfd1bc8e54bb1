// The folder walk of a warm run, kept (what git's untracked cache does). A walk's answer (which
// files a run covers, as what) depends on its options and on the state of the paths it looked at:
// the entries of every folder it listed, the bytes of every .gitignore and settings module it
// read, the folders above the root where a .gitignore or .git may appear, and where each
// symbolic link points. discover() tells a recorder each of those paths (src/discover.ts); the
// answer is kept in `.pycodemod_cache/walk-<fingerprint>.json` with their stamps, and the next run
// uses it only when every one of those paths has the very stamp it had.
//
// Why that is exactly as safe as listing the folders again:
// - adding, removing or renaming an entry changes its folder's modification and change times;
//   a stamp (size, both times, inode, device) is recorded only once its times are some seconds
//   older than the look (cache.ts stampFor), so a change within the clock's granularity after
//   the listing cannot leave the stamp as it was;
// - a file's content changes its own stamp (the .gitignore files and settings modules are the
//   only files whose content decides here);
// - where a link points is looked up again on every use (the link or its target may change
//   without any listed folder changing);
// - a file system that does not move a folder's time when an entry comes or goes would break
//   the first point: before a walk is recorded, a probe folder in the cache folder is changed in
//   each of those ways, and the walk is kept only when every folder it listed sits on the same
//   file system as the probe, and the probe saw its time move each time;
// - a walk that met an error (a folder that cannot be listed, a broken link named *.py) is not
//   kept, and a missing, corrupt or foreign file is ignored (the walk is done, and kept anew).
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR, currentBuildId, saltTag, stampFor } from "./cache.js";
import { isFolder, type DiscoveredFile, type DiscoverOptions, type DiscoveryResult, type WalkRecorder } from "./discover.js";

const FORMAT = 1;

interface Kept {
  format: number;
  key: string;
  /** Path → its stamp with its device ("-" when it did not exist). */
  seen: Record<string, string>;
  /** Link → what it resolved to: kind and real path. */
  links: Record<string, string>;
  /** The files, short (see pack): half the bytes to parse of the plain objects. */
  files: PackedFile[];
  skipped: DiscoveryResult["skipped"];
}

/** A found file as [display path, kind (0 Python, 1 template, 2 dotenv), absolute path when not root/display]. */
type PackedFile = [string, number] | [string, number, string];

function pack(root: string, files: readonly DiscoveredFile[]): PackedFile[] {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return files.map((f) => {
    const kind = f.template ? 1 : f.dotenv ? 2 : 0;
    return f.absolute === prefix + f.display ? [f.display, kind] : [f.display, kind, f.absolute];
  });
}

function unpack(root: string, files: readonly PackedFile[]): DiscoveredFile[] {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return files.map(([display, kind, absolute]) => {
    const file: DiscoveredFile = { absolute: absolute ?? prefix + display, display };
    if (kind === 1) file.template = true;
    else if (kind === 2) file.dotenv = true;
    return file;
  });
}

/** A path's stamp for a kept walk, or undefined while it is too fresh (or cannot be stat'ed). */
function stampOfPath(file: string, now: number): string | undefined {
  let stat;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat) return "-";
  const stamp = stampFor(stat, "", now);
  return stamp === undefined ? undefined : `${stamp}:${stat.dev}`;
}

/** Where a link (or an entry of unknown type) leads now: the kind of its target and its real path. */
function resolution(link: string): string {
  try {
    const stat = statSync(link);
    const kind = stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
    return `${kind}:${realpathSync(link)}`;
  } catch (error) {
    return `none:${(error as NodeJS.ErrnoException).code ?? ""}`;
  }
}

/**
 * The device of `dir` when its file system moves a folder's modification time whenever an entry
 * is added, renamed or removed in it; undefined otherwise (or when `dir` cannot be written).
 */
function folderTimesMove(dir: string): number | undefined {
  const probe = path.join(dir, `walk-probe-${process.pid}`);
  try {
    mkdirSync(probe);
  } catch {
    return undefined;
  }
  try {
    const past = new Date(Date.now() - 60_000);
    const moves = (change: () => void): boolean => {
      utimesSync(probe, past, past);
      change();
      return statSync(probe).mtimeMs > past.getTime() + 30_000;
    };
    const a = path.join(probe, "a");
    const b = path.join(probe, "b");
    const ok = moves(() => writeFileSync(a, "")) && moves(() => renameSync(a, b)) && moves(() => unlinkSync(b)) && moves(() => mkdirSync(a));
    return ok ? statSync(probe).dev : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

class Recorder implements WalkRecorder {
  readonly seen: Record<string, string> = {};
  readonly links: Record<string, string> = {};
  /** Set once some path is too fresh to vouch for, or on another file system: the walk is not kept. */
  spoiled = false;
  private readonly now = Date.now();

  constructor(private readonly device: number) {}

  saw(file: string): void {
    if (Object.hasOwn(this.seen, file)) return;
    const stamp = stampOfPath(file, this.now);
    if (stamp === undefined || (stamp !== "-" && !stamp.endsWith(`:${this.device}`) && isFolder(file))) this.spoiled = true;
    // defineProperty: a path is never mistaken for an object's own machinery ("__proto__").
    Object.defineProperty(this.seen, file, { value: stamp ?? "", writable: true, enumerable: true, configurable: true });
  }

  exists(file: string): void {
    this.link(file);
  }

  link(file: string): void {
    if (!Object.hasOwn(this.links, file)) Object.defineProperty(this.links, file, { value: resolution(file), writable: true, enumerable: true, configurable: true });
  }
}

/** True when every path a kept walk looked at is as it was. */
function stillValid(kept: Kept): boolean {
  const now = Date.now();
  for (const file in kept.seen) if (stampOfPath(file, now) !== kept.seen[file]) return false;
  for (const file in kept.links) if (resolution(file) !== kept.links[file]) return false;
  return true;
}

/**
 * A discovery that uses the kept walk when it still holds, and otherwise walks (with the options
 * it is handed, which record what the walk looks at) and keeps the answer for next time. `kind`
 * tells walks of other classifications apart (with templates or without).
 */
export type Remember = (kind: string, walk: (options: DiscoverOptions) => DiscoveryResult) => DiscoveryResult;

/**
 * The discovery of runs with a cache in `root`, for walks of `paths` with `options`; undefined
 * when the build has no id (a development build keeps nothing). `id` stands in for the build's.
 */
export function walkMemo(root: string, paths: readonly string[], options: DiscoverOptions, id = currentBuildId()): Remember | undefined {
  if (!id) return undefined;
  const dir = path.join(root, CACHE_DIR);
  return (kind, walk) => {
    const key = JSON.stringify({ FORMAT, id, kind, root, paths, exclude: options.exclude ?? [], gitignore: options.gitignore !== false, dotenv: options.dotenv === true });
    const file = path.join(dir, `walk-${saltTag(key)}.json`);
    try {
      const kept = JSON.parse(readFileSync(file, "utf8")) as Kept;
      if (kept.format === FORMAT && kept.key === key && typeof kept.seen === "object" && typeof kept.links === "object" && Array.isArray(kept.files) && Array.isArray(kept.skipped) && stillValid(kept)) {
        return { files: unpack(root, kept.files), errors: [], skipped: kept.skipped };
      }
    } catch {
      // Missing or corrupt: walk, and keep the walk anew.
    }
    // The probe needs the cache folder, which this does not make: a first run makes it at its end
    // (making it earlier would move the root folder's time anyway, and a run stopped by a usage
    // error leaves nothing behind).
    const device = folderTimesMove(dir);
    if (device === undefined) return walk(options);
    const recorder = new Recorder(device);
    const result = walk({ ...options, record: recorder });
    if (!recorder.spoiled && result.errors.length === 0) {
      keep(dir, file, { format: FORMAT, key, seen: recorder.seen, links: recorder.links, files: pack(root, result.files), skipped: result.skipped });
    }
    return result;
  };
}

/** Writes a kept walk atomically; removes kept walks of other configurations unused for a week. */
function keep(dir: string, file: string, kept: Kept): void {
  try {
    writeFileSync(path.join(dir, ".gitignore"), "# Written by pycodemod: the cache never belongs in git.\n*\n");
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(kept));
    renameSync(temp, file);
    const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
    for (const name of readdirSync(dir)) {
      const other = path.join(dir, name);
      if (name.startsWith("walk-") && other !== file && statSync(other).mtimeMs < weekAgo) rmSync(other, { recursive: true, force: true });
    }
  } catch {
    // A read-only project or a full disk: the run itself is unaffected.
  }
}
