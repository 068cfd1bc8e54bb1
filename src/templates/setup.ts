// What a run needs to upgrade templates: the discovery that finds them and the settings their
// processing uses. Templates are upgraded when the target names a Django version, some template
// rule applies to it, and the caller has not turned them off (--no-templates).
import path from "node:path";
import type { DiscoverOptions, DiscoveryResult } from "../discover.js";
import { selectTemplateRules } from "../rules.js";
import type { Targets } from "../target.js";
import { discoverWithTemplates } from "./discover.js";
import { ProjectLibraries } from "./libraries.js";
import type { TemplateSettings } from "./process.js";
import type { Remember } from "../walk-memo.js";

export interface TemplateRunOptions {
  templates?: boolean;
  select?: readonly string[];
  ignore?: readonly string[];
  /** Custom Python rules replace the registry: no built-in template rule runs then. */
  rules?: readonly unknown[];
}

/** The rule choice of a group of files that differs from the run's own. */
export interface TemplateProfile {
  targets: Targets;
  select?: readonly string[];
  ignore?: readonly string[];
}

export function templateSetup(
  paths: readonly string[],
  options: TemplateRunOptions,
  targets: Targets,
  walk: DiscoverOptions,
  remember?: Remember,
): { discovered: DiscoveryResult; settings: (write: boolean, keepText: boolean, profile?: TemplateProfile) => TemplateSettings } | undefined {
  if (options.templates === false || options.rules || targets.django === undefined) return undefined;
  const rules = selectTemplateRules({ targets, select: options.select, ignore: options.ignore });
  if (rules.length === 0) return undefined;
  const discovered = remember ? remember("templates", (w) => discoverWithTemplates(paths, w)) : discoverWithTemplates(paths, walk);
  const cwd = walk.cwd ?? process.cwd();
  const roots = paths.map((p) => path.resolve(cwd, p));
  const libraries = new ProjectLibraries(discovered.files.filter((f) => !f.template && !f.dotenv), cwd, roots, walk.gitignore !== false);
  return {
    discovered,
    // A file profile (a sub-project's target, per-path ignores) chooses its own template rules.
    settings: (write, keepText, profile) => ({
      rules: profile ? selectTemplateRules(profile) : rules,
      targets: profile?.targets ?? targets,
      write,
      keepText,
      ownLibrary: (name) => libraries.has(name),
    }),
  };
}
