// What a run needs to upgrade dotenv files: whether discovery takes them, and the settings their
// processing uses. They are upgraded when the target names a Flask version (some dotenv rule
// applies) and the run uses the built-in rules.
import { readFileSync } from "node:fs";
import path from "node:path";
import { discover, type DiscoveredFile, type DiscoverOptions } from "../discover.js";
import { selectDotenvRules } from "../rules.js";
import type { Targets } from "../target.js";
import type { DotenvSettings } from "./process.js";

export interface DotenvRunOptions {
  select?: readonly string[];
  ignore?: readonly string[];
  /** Custom Python rules replace the registry: no built-in dotenv rule runs then. */
  rules?: readonly unknown[];
}

/**
 * The first Python file (shown path) whose text holds `word`: among the run's files, or, when the
 * run has none (a dotenv file named alone), among those of the dotenv file's folder.
 */
function mentions(files: readonly DiscoveredFile[], walk: DiscoverOptions): (word: string, near: string) => string | undefined {
  const found = new Map<string, string | undefined>();
  return (word, near) => {
    let python = files.filter((f) => !f.template && !f.dotenv);
    if (python.length === 0) python = discover([path.dirname(near)], { ...walk, dotenv: false }).files.filter((f) => !f.template);
    const key = `${python.length === 0 ? "" : python[0]!.absolute}\0${word}`;
    if (found.has(key)) return found.get(key);
    let hit: string | undefined;
    for (const file of python) {
      try {
        if (readFileSync(file.absolute, "latin1").includes(word)) {
          hit = file.display;
          break;
        }
      } catch {
        // unreadable: its own result says so
      }
    }
    found.set(key, hit);
    return hit;
  };
}

export interface DotenvProfile {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
}

export function dotenvSetup(
  options: DotenvRunOptions,
  targets: Targets,
): {
  settings: (write: boolean, keepText: boolean, files: readonly DiscoveredFile[], walk: DiscoverOptions, profile?: DotenvProfile) => DotenvSettings;
} | undefined {
  if (options.rules) return undefined;
  const rules = selectDotenvRules({ targets, select: options.select, ignore: options.ignore });
  if (rules.length === 0) return undefined;
  return {
    // A file of another profile (a sub-project's target, per-path ignores) gets that profile's rules.
    settings: (write, keepText, files, walk, profile) => ({
      rules: profile ? selectDotenvRules(profile) : rules,
      targets: profile?.targets ?? targets,
      write, keepText, codeMentioning: mentions(files, walk),
    }),
  };
}
