// Project configuration: `pycodemod.toml` (keys at the top level) or `[tool.pycodemod]` in
// `pyproject.toml`, in the working directory or the nearest folder above it (pycodemod.toml wins
// in a folder holding both). Paths and globs in it are relative to the file's folder. Every key
// is checked here, so a typo is an error naming the file, the key and the valid choices instead
// of a setting silently ignored.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { didYouMean } from "./suggest.js";
import { parseTarget, TargetError, validTargetList } from "./target.js";
import { isTable, loadToml, parseToml, TomlSyntaxError } from "./toml.js";

export class ConfigError extends Error {}

export interface PathIgnore {
  glob: string;
  rules: string[];
}

export interface ProjectConfig {
  /** Absolute path of the file the settings came from. */
  file: string;
  /** Its folder: the base of relative paths and globs. */
  dir: string;
  /** Where in the file: "[tool.pycodemod]", or "" for pycodemod.toml. */
  table: string;
  target?: string[];
  select?: string[];
  ignore?: string[];
  exclude?: string[];
  perPathIgnores?: PathIgnore[];
  /** Absolute paths of plugin modules. */
  plugins?: string[];
}

const KEYS = ["target", "select", "ignore", "exclude", "per-path-ignores", "plugins"] as const;

/** The config file that applies in `cwd`, or undefined when there is none. */
export function findConfigFile(cwd: string): { file: string; kind: "pycodemod" | "pyproject" } | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const own = path.join(dir, "pycodemod.toml");
    if (existsSync(own)) return { file: own, kind: "pycodemod" };
    const pyproject = path.join(dir, "pyproject.toml");
    // A cheap look before parsing: most pyproject.toml files have no pycodemod table.
    if (existsSync(pyproject) && /^\s*\[\s*tool\s*\.\s*pycodemod\b/m.test(safeRead(pyproject))) {
      return { file: pyproject, kind: "pyproject" };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

export async function loadConfig(cwd: string): Promise<ProjectConfig | undefined> {
  const found = findConfigFile(cwd);
  if (!found) return undefined;
  await loadToml();
  const shown = path.relative(cwd, found.file) || found.file;
  let data: Record<string, unknown>;
  try {
    data = parseToml(readFileSync(found.file, "utf8"), shown);
  } catch (error) {
    if (error instanceof TomlSyntaxError) throw new ConfigError(error.message);
    throw new ConfigError(`${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const table = found.kind === "pyproject" ? (data.tool as Record<string, unknown> | undefined)?.pycodemod : data;
  const where = found.kind === "pyproject" ? "[tool.pycodemod]" : "";
  if (!isTable(table)) throw new ConfigError(`${shown}: [tool.pycodemod] must be a table`);
  return validate(table, { file: found.file, shown, where, dir: path.dirname(found.file) });
}

interface Origin {
  file: string;
  shown: string;
  where: string;
  dir: string;
}

function validate(table: Record<string, unknown>, origin: Origin): ProjectConfig {
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${origin.shown}: ${origin.where ? `${origin.where} ` : ""}${key}: ${message}`);
  };
  const config: ProjectConfig = { file: origin.file, dir: origin.dir, table: origin.where };
  for (const [key, value] of Object.entries(table)) {
    switch (key) {
      case "target": {
        const specs = typeof value === "string" ? [value] : stringList(value, () => fail(key, "must be a string or a list of strings"));
        for (const spec of specs) {
          if (spec === "auto") continue;
          try {
            parseTarget(spec);
          } catch (error) {
            if (!(error instanceof TargetError)) throw error;
            fail(key, `unknown target "${spec}"${didYouMean(spec, validTargetList())} (valid: auto, ${validTargetList().join(", ")})`);
          }
        }
        if (specs.includes("auto") && specs.length > 1) fail(key, `"auto" cannot be combined with other targets`);
        config.target = specs;
        break;
      }
      case "select":
      case "ignore":
      case "exclude":
        config[key] = stringList(value, () => fail(key, "must be a list of strings"));
        break;
      case "plugins":
        config.plugins = stringList(value, () => fail(key, "must be a list of module paths")).map((p) => path.resolve(origin.dir, p));
        break;
      case "per-path-ignores": {
        if (!isTable(value)) fail(key, `must be a table of glob = ["rule", ...], e.g. "tests/**" = ["django/assert-form-error"]`);
        config.perPathIgnores = Object.entries(value as Record<string, unknown>).map(([glob, rules]) => ({
          glob,
          rules: typeof rules === "string" ? [rules] : stringList(rules, () => fail(`${key} "${glob}"`, "must be a list of rule ids")),
        }));
        break;
      }
      default:
        fail(`"${key}"`, `unknown key${didYouMean(key, KEYS)} (valid keys: ${KEYS.join(", ")})`);
    }
  }
  return config;
}

function stringList(value: unknown, onError: () => never): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) onError();
  return value as string[];
}
