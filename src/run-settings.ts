// What a run uses, from the command line over the project config over `--target auto`: targets
// (one per sub-project when detected), rule choice (plus per-path ignores), excludes and plugins.
// Everything that can be wrong with them is found here, before any file is touched.
import path from "node:path";
import type { Rule } from "./engine/rule.js";
import { ConfigError, loadConfig, type ProjectConfig } from "./config.js";
import type { FileJob } from "./process-file.js";
import { allRules, findRule, unknownRuleMessage, UnknownRuleError } from "./rules.js";
import type { RuleProfile } from "./runner.js";
import { parseTargets, TargetError } from "./target.js";

export interface RunInput {
  target: string[];
  select: string[];
  ignore: string[];
  exclude: string[];
  plugins: string[];
}

export interface RunSettings {
  /** The run's own target; [] when every file's target is detected. */
  target: string[];
  select: string[];
  ignore: string[];
  /** --exclude globs (discovery). */
  exclude: string[];
  plugins: string[];
  pluginRules: Rule[];
  config?: ProjectConfig;
  /** Config `exclude`: applies to named files too (pre-commit passes every file by name). */
  keep?: (file: FileJob) => boolean;
  profileOf?: (file: FileJob) => RuleProfile | undefined;
  /** With auto targets: the target for templates, the working directory's (none when unknown). */
  templateTarget?: string[];
}

export async function resolveRunSettings(input: RunInput, cwd: string, note: (line: string) => void): Promise<RunSettings> {
  const config = await loadConfig(cwd);
  const shownConfig = config ? `${path.relative(cwd, config.file) || config.file}:${config.table ? ` ${config.table}` : ""}` : "";
  const target = input.target.length > 0 ? input.target : config?.target ?? ["auto"];
  if (target.includes("auto") && target.length > 1) throw new TargetError(`--target auto cannot be combined with other targets`);
  if (!target.includes("auto")) parseTargets(target);
  const select = input.select.length > 0 ? input.select : config?.select ?? [];
  const ignore = input.ignore.length > 0 ? input.ignore : config?.ignore ?? [];
  const plugins = [...(config?.plugins ?? []), ...input.plugins.map((p) => path.resolve(cwd, p))];
  const pluginRules = plugins.length > 0 ? await (await import("./plugins.js")).loadPlugins(plugins, cwd) : [];
  const known = [...allRules, ...pluginRules];

  // Rule names: from the command line a plain error; from the config one naming the file and key.
  const check = (names: readonly string[], fromConfig: string | undefined) => {
    for (const name of names) {
      if (findRule(name, known)) continue;
      const message = unknownRuleMessage(name, known);
      throw fromConfig ? new ConfigError(`${shownConfig} ${fromConfig}: ${message}`) : new UnknownRuleError(message);
    }
  };
  check(select, input.select.length > 0 ? undefined : "select");
  check(ignore, input.ignore.length > 0 ? undefined : "ignore");
  for (const entry of config?.perPathIgnores ?? []) check(entry.rules, `per-path-ignores "${entry.glob}"`);

  const settings: RunSettings = { target, select, ignore, exclude: input.exclude, plugins, pluginRules, config };
  const { matcherFor } = config && (config.exclude?.length || config.perPathIgnores?.length) ? await import("./path-globs.js") : { matcherFor: undefined };
  if (config?.exclude?.length && input.exclude.length === 0) {
    const excluded = matcherFor!(config.dir, config.exclude);
    settings.keep = (file) => !excluded(file.absolute);
  }
  const pathIgnores = (config?.perPathIgnores ?? []).map((entry) => ({ matches: matcherFor!(config!.dir, [entry.glob]), rules: entry.rules }));

  let detector: import("./detect-target.js").TargetDetector | undefined;
  if (target.includes("auto")) {
    const { TargetDetector } = await import("./detect-target.js");
    await (await import("./toml.js")).loadToml();
    detector = new TargetDetector(cwd);
    settings.target = [];
    try {
      settings.templateTarget = detector.forFile(path.join(cwd, "templates", "-")).targets;
    } catch {
      settings.templateTarget = [];
    }
  }
  if (!detector && pathIgnores.length === 0) return settings;
  const announced = new Set<string>();
  settings.profileOf = (file) => {
    let fileTarget: string[] = settings.target;
    if (detector) {
      const detection = detector.forFile(file.absolute);
      fileTarget = detection.targets;
      if (!announced.has(detection.dir)) {
        announced.add(detection.dir);
        const where = path.relative(cwd, detection.dir) || ".";
        note(`pycodemod: target for ${where}: ${detection.notes.join("; ")}`);
      }
    }
    const extra = pathIgnores.filter((p) => p.matches(file.absolute)).flatMap((p) => p.rules);
    return { target: fileTarget, select, ignore: extra.length > 0 ? [...ignore, ...extra] : ignore };
  };
  return settings;
}
