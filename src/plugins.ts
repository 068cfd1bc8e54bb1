// User rule modules (`--plugin PATH`, `plugins = [...]` in config). A plugin is an ES module (or
// CommonJS file) exporting rules made with `defineRule`: as the default export (one rule or an
// array) and/or as named exports. The main thread and every worker import the same paths, so
// plugin rules run exactly where built-in rules run.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defineRule, type Rule } from "./engine/rule.js";
import { registry } from "./rules.js";

export class PluginError extends Error {}

function looksLikeRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && typeof (value as Rule).id === "string" && typeof (value as Rule).create === "function";
}

/**
 * Set by src/launch/load-bundle.ts when this code runs from the CLI bundle: code compiled through
 * `vm.Script` cannot use `import()` itself on Node 20 (it needs an experimental flag), so the
 * launcher lends its own.
 */
declare const __pycodemod_import: ((url: string) => Promise<unknown>) | undefined;

function importModule(url: string): Promise<unknown> {
  return typeof __pycodemod_import === "function" ? __pycodemod_import(url) : import(url);
}

/** Imports each plugin and returns its rules; ids must not clash with built-ins or each other. */
export async function loadPlugins(paths: readonly string[], cwd = process.cwd()): Promise<Rule[]> {
  const out: Rule[] = [];
  const taken = new Map<string, string>(registry.map((r) => [r.id, "the built-in rules"]));
  for (const given of paths) {
    const file = path.resolve(cwd, given);
    const shown = path.relative(cwd, file).startsWith("..") ? file : path.relative(cwd, file);
    if (!existsSync(file)) throw new PluginError(`plugin ${shown}: no such file`);
    let module: Record<string, unknown>;
    try {
      module = (await importModule(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (error) {
      throw new PluginError(`plugin ${shown}: cannot be loaded: ${(error as Error)?.message ?? error}`);
    }
    const exported = Object.values(module).flatMap((v) => (Array.isArray(v) ? v : [v]));
    const rules = [...new Set(exported.filter(looksLikeRule))];
    if (rules.length === 0) throw new PluginError(`plugin ${shown}: exports no rule (export rules made with defineRule)`);
    for (const rule of rules) {
      try {
        defineRule(rule);
      } catch (error) {
        throw new PluginError(`plugin ${shown}: ${(error as Error).message}`);
      }
      const owner = taken.get(rule.id);
      if (owner) throw new PluginError(`plugin ${shown}: rule id ${rule.id} is already used by ${owner}`);
      taken.set(rule.id, shown);
      out.push(rule);
    }
  }
  return out;
}
