// The command line: parsed options → upgrade() → reports. All user-facing messages and exit codes
// live here. stdout carries only the payload (diff, code, file list, rule list, json); every
// message goes to stderr.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadParser, preferShortRunTiering } from "./engine/parser.js";
import { prefilterFor } from "./engine/prefilter.js";
import { decode, DecodeError, encode } from "./engine/text.js";
import { transformSync } from "./engine/transform.js";
import { ruleKind } from "./engine/rule.js";
import { declinedLines, findingLines, fixLines, plural, problemLines } from "./report/messages.js";
import { allRules, registry, selectDotenvRules, selectRules, selectTemplateRules, findRule, UnknownRuleError, unknownRuleMessage } from "./rules.js";
import { upgrade, type FileResult } from "./runner.js";
import { placed, statusOf } from "./process-file.js";
import { parseTargets, TargetError, validTargetList } from "./target.js";
import { TemplateTally } from "./templates/tally.js";
import { templateOnStdin } from "./templates/stdin.js";
import { helpText, parseCliArgs, UsageError, version, type CliArgs, type Format } from "./args.js";
import { ConfigError } from "./config.js";
import { TomlSyntaxError } from "./toml.js";
import { DetectionError } from "./detect-target.js";
import type { Rule } from "./engine/rule.js";
import { PluginError } from "./plugins.js";
import type { Mode, RuleInfo } from "./report/formats.js";
import { progressFor, type Progress } from "./report/progress.js";
import { resolveRunSettings, type RunSettings } from "./run-settings.js";
import { runPlan, runStep } from "./plan-command.js";

export const EXIT_CLEAN = 0;
export const EXIT_CHANGED = 1;
export const EXIT_ERROR = 2;


export interface Streams {
  stdout: (text: string) => void;
  /** Raw bytes (stdin mode echoes code back in its own encoding). */
  stdoutBytes: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  isTTY: boolean;
  /** Progress display for a run over `total` files (a no-op unless stderr is a terminal). */
  progress: (total: number, quiet: boolean) => Progress;
}

/** Set once the reader of stdout has gone (`pycodemod --diff . | head`): further payload is dropped. */
let stdoutClosed = false;
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") stdoutClosed = true;
  else throw error;
});

const processStreams: Streams = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stdoutBytes: (bytes) => {
    if (!stdoutClosed) process.stdout.write(bytes);
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  isTTY: Boolean(process.stdout.isTTY),
  progress: (total, quiet) => progressFor(total, process.stderr, process.env, quiet),
};

/** `pycodemod NAME ...`: subcommands, each a function of its own arguments. */
const SUBCOMMANDS: Record<string, (argv: string[], streams: Streams) => Promise<number>> = {
  completion: async (argv, streams) => (await import("./completion.js")).completion(argv, streams),
  "test-fixtures": async (argv, streams) => (await import("./fixture-runner.js")).runFixtureCommand(argv, streams),
};

export async function main(argv: string[], streams: Streams = processStreams): Promise<number> {
  preferShortRunTiering();
  try {
    const subcommand = argv[0] !== undefined ? SUBCOMMANDS[argv[0]] : undefined;
    if (subcommand) return await subcommand(argv.slice(1), streams);
    const isPlan = argv[0] === "plan";
    const args = parseCliArgs(isPlan ? argv.slice(1) : argv);
    if (args.help) {
      streams.stdout(helpText());
      return EXIT_CLEAN;
    }
    if (args.version) {
      streams.stdout(`${version()}\n`);
      return EXIT_CLEAN;
    }
    if (isPlan) return await runPlan(args, streams);
    if (args.format === "markdown") throw new UsageError("--format markdown goes with plan");
    if (args.step) return await runStep(args, argv, streams, (stepArgs) => run(stepArgs, streams));
    if (args.from.length > 0) throw new UsageError("--from goes with --step or plan");
    return await run(args, streams);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TargetError || error instanceof UnknownRuleError) {
      streams.stderr(`pycodemod: ${error.message}\nRun pycodemod --help for the options.\n`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError || error instanceof DetectionError || error instanceof PluginError || error instanceof TomlSyntaxError) {
      streams.stderr(`pycodemod: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
}

/** One line per rule: id (aliases), the target it applies from, fix or finding, summary. With
 * --target, only the rules that target applies (a Flask target includes the libraries it implies). */
function listRules(args: CliArgs, streams: Streams): number {
  const targets = args.target.length > 0 ? parseTargets(args.target) : undefined;
  const rules = targets ? [...selectRules({ targets }), ...selectTemplateRules({ targets }), ...selectDotenvRules({ targets })] : allRules;
  for (const rule of rules) {
    const aliases = rule.aliases?.length ? ` (${rule.aliases.join(", ")})` : "";
    streams.stdout(`${rule.id}${aliases}\t${rule.framework}-${rule.since}\t${ruleKind(rule)}\t${rule.summary}\n`);
  }
  return EXIT_CLEAN;
}

function explain(name: string, streams: Streams): number {
  const rule = findRule(name);
  if (!rule) throw new UnknownRuleError(unknownRuleMessage(name));
  const lines = [
    `${rule.id}: ${rule.summary}`,
    `applies from: ${rule.framework}-${rule.since}`,
    `kind: ${ruleKind(rule)}`,
    rule.aliases?.length ? `aliases: ${rule.aliases.join(", ")}` : "",
    rule.files && rule.files !== "any" && typeof rule.files === "string" ? `files: ${rule.files}` : "",
    rule.description ? `\n${rule.description}` : "",
    rule.docs ? `\nsee: ${rule.docs}` : "",
    exampleOf(rule.id),
  ];
  streams.stdout(`${lines.filter(Boolean).join("\n")}\n`);
  return EXIT_CLEAN;
}

/** A before/after pair from the rule's fixtures, captured at build time (scripts/rule-examples.mjs). */
function exampleOf(id: string): string {
  let examples: Record<string, { case: string; before: string; after: string }>;
  try {
    examples = JSON.parse(readFileSync(new URL("../rule-examples.json", import.meta.url), "utf8"));
  } catch {
    return "";
  }
  const example = examples[id];
  if (!example) return "";
  const indent = (text: string) => text.replace(/\n$/, "").split("\n").map((line) => `    ${line}`).join("\n");
  return `\nexample (${example.case}):\n  before:\n${indent(example.before)}\n  after:\n${indent(example.after)}`;
}

/** The diff library is loaded only in modes that print diffs. */
let diffModule: typeof import("./report/diff.js") | undefined;

async function run(args: CliArgs, streams: Streams): Promise<number> {
  if (args.listRules) return listRules(args, streams);
  if (args.explain !== undefined) return explain(args.explain, streams);
  // Config, targets (possibly detected), rule names and plugins are all checked before any file.
  const settings = await resolveRunSettings(
    { target: args.target, select: args.select, ignore: args.ignore, exclude: args.exclude, plugins: args.plugins },
    process.cwd(),
    (line) => {
      if (!args.quiet) streams.stderr(`${line}\n`);
    },
  );
  const paths = args.paths;
  const mode: Mode = args.diff ? "diff" : args.check ? "check" : "write";
  const color = args.color ?? (streams.isTTY && !process.env.NO_COLOR);
  if (mode === "diff") diffModule = await import("./report/diff.js");
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("- (standard input) cannot be combined with other paths");
    return runStdin(args, settings, mode, color, streams);
  }
  const runRules = settings.pluginRules.length > 0 ? [...registry, ...settings.pluginRules] : registry;
  if (args.verbose && settings.target.length > 0) {
    const rules = selectRules({ targets: parseTargets(settings.target), select: settings.select, ignore: settings.ignore, rules: runRules });
    streams.stderr(`pycodemod: ${plural(rules.length, "rule")} for ${settings.target.join(", ")}: ${rules.map((r) => r.id).join(", ")}\n`);
  }

  let changed = 0;
  let failed = 0;
  let failedUnchanged = 0;
  let fixCount = 0;
  let findingCount = 0;
  let total = 0;
  const templates = new TemplateTally();
  let progress: Progress | undefined;
  const summary = await upgrade(paths, {
    target: settings.target,
    select: settings.select,
    ignore: settings.ignore,
    exclude: settings.exclude,
    plugins: settings.plugins,
    keep: settings.keep,
    profileOf: settings.profileOf,
    gitignore: !args.noIgnore,
    templates: !args.noTemplates,
    cache: !args.noCache,
    templateTarget: settings.templateTarget,
    write: mode === "write",
    keepText: mode === "diff",
    jobs: args.jobs,
    onDiscovered(count) {
      progress = streams.progress(count, args.quiet || args.format !== "text");
    },
    onResult(result: FileResult) {
      if (result.template) templates.count(result);
      else total++;
      findingCount += result.findings.length;
      const lines = [...problemLines(result)];
      if (!args.quiet) lines.push(...findingLines(result));
      if (result.status === "changed") {
        if (!result.template) changed++;
        if (!result.template) fixCount += result.fixes.length;
        if (!args.quiet && mode === "write" && result.written) lines.push(...fixLines(result, "fixed"));
        if (mode === "check" && args.format === "text") streams.stdout(`${result.path}\n`);
        if (mode === "diff" && args.format === "text" && result.after !== undefined) {
          printDiff(streams, color, result.path, result.before!, result.after);
        }
      }
      if (result.status === "error" || result.problems.length > 0) failed++;
      if (result.status === "error" && !result.template) failedUnchanged++;
      if (args.verbose) lines.push(...declinedLines(result));
      if (args.verbose && result.status === "unchanged") lines.push(`${result.path}: unchanged`);
      if (lines.length > 0) {
        progress?.clear();
        streams.stderr(`${lines.join("\n")}\n`);
      }
      progress?.done(result.status === "changed");
    },
  });
  progress?.finish();
  for (const error of summary.pathErrors) streams.stderr(`${error.path}: error: ${error.message}\n`);
  if (summary.pathErrors.length === 0) warnAboutEmptyFolders(paths.length > 0 ? paths : ["."], summary.results, Boolean(args.noIgnore), streams);
  if (args.format !== "text") {
    streams.stdout(await machineReport(args.format, mode, summary.results, summary.pathErrors, [...allRules, ...settings.pluginRules]));
  }
  if (!args.quiet) {
    const verb = mode === "write" ? "rewritten" : "would change";
    const unchanged = total - changed - failedUnchanged;
    const parts = [`${plural(changed, "file")} ${verb} (${plural(fixCount, "fix")})`, `${plural(unchanged, "file")} unchanged`];
    if (findingCount > 0) parts.push(`${plural(findingCount, "warning")} (see above; they change nothing)`);
    if (templates.total > 0) parts.push(templates.describe(verb));
    if (failed > 0) parts.push(`${plural(failed, "file")} with errors (see above)`);
    streams.stderr(`pycodemod: ${parts.join(", ")}\n`);
  }
  if (failed > 0 || summary.pathErrors.length > 0) return EXIT_ERROR;
  if ((changed > 0 || templates.changed > 0) && !args.exitZeroEvenIfChanged) return EXIT_CHANGED;
  return EXIT_CLEAN;
}

/** A folder named on the command line that yields no file at all deserves a word of why. */
function warnAboutEmptyFolders(paths: readonly string[], results: readonly FileResult[], noIgnore: boolean, streams: Streams): void {
  for (const given of paths) {
    const absolute = path.resolve(given);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      continue;
    }
    if (!isDirectory) continue;
    const prefix = absolute.endsWith(path.sep) ? absolute : absolute + path.sep;
    if (results.some((r) => r.absolutePath.startsWith(prefix))) continue;
    const hint = noIgnore ? "" : " (hidden, virtualenv and .gitignore'd paths are skipped; --no-ignore includes .gitignore'd ones)";
    streams.stderr(`${given}: warning: no Python files found${hint}\n`);
  }
}

function printDiff(streams: Streams, color: boolean, path: string, before: string, after: string): void {
  const diff = diffModule!.unifiedDiff(path, before, after);
  streams.stdout(color ? diffModule!.colorizeDiff(diff) : diff);
}

/** The --format json / sarif / github payload (src/report/formats.ts, loaded only when asked for). */
async function machineReport(
  format: Exclude<Format, "text">, mode: Mode, results: readonly FileResult[], pathErrors: readonly { path: string; message: string }[], rules: readonly RuleInfo[],
): Promise<string> {
  const formats = await import("./report/formats.js");
  const report = {
    mode, version: version(), results, pathErrors, rules,
    diffOf: (r: FileResult) => (mode === "diff" && r.after !== undefined ? diffModule!.unifiedDiff(r.path, r.before!, r.after) : undefined),
  };
  return format === "json" ? formats.jsonReport(report) : format === "sarif" ? formats.sarifReport(report) : formats.githubReport(report);
}

async function runStdin(args: CliArgs, settings: RunSettings, mode: Mode, color: boolean, streams: Streams): Promise<number> {
  const filename = args.stdinFilename ?? "stdin.py";
  const bytes = streams.readStdin();
  let decoded;
  let template;
  try {
    const place = settings.profileOf?.({ absolute: path.resolve(filename), display: filename });
    const templateTargets = parseTargets(place?.target ?? settings.templateTarget ?? settings.target);
    template = args.noTemplates ? undefined : templateOnStdin(bytes, filename, templateTargets, { select: place?.select ?? settings.select, ignore: place?.ignore ?? settings.ignore });
    decoded = template?.decoded ?? decode(bytes);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    streams.stderr(`${filename}: error: ${error.message}; left unchanged\n`);
    if (mode === "write") streams.stdoutBytes(bytes);
    return EXIT_ERROR;
  }
  const profile = settings.profileOf?.({ absolute: path.resolve(filename), display: filename });
  const targets = parseTargets(profile?.target ?? settings.target);
  const withPlugins = settings.pluginRules.length > 0 ? [...registry, ...settings.pluginRules] : undefined;
  const rules = selectRules({ targets, select: profile?.select ?? settings.select, ignore: profile?.ignore ?? settings.ignore, rules: withPlugins });
  const candidates = template ? [] : prefilterFor(rules).match(decoded.text);
  if (candidates.length > 0) await loadParser();
  const result = template?.result ?? transformSync(decoded.text, { rules, targets, filename, candidates });
  const fileResult: FileResult = {
    path: filename, absolutePath: filename, status: statusOf(result),
    fixes: result.fixes, findings: placed(result.findings, mode === "write"), problems: result.problems,
    ...(result.changed ? { before: decoded.text, after: result.code } : {}),
  };
  if (result.declined) fileResult.declined = placed(result.declined, mode === "write");
  const lines = [...problemLines(fileResult), ...(args.quiet ? [] : findingLines(fileResult)), ...(args.verbose ? declinedLines(fileResult) : [])];
  if (lines.length > 0) streams.stderr(`${lines.join("\n")}\n`);
  if (args.format !== "text") streams.stdout(await machineReport(args.format, mode, [fileResult], [], [...allRules, ...settings.pluginRules]));
  else if (mode === "write") streams.stdoutBytes(encode(decoded, result.code));
  else if (mode === "diff" && result.changed) printDiff(streams, color, filename, decoded.text, result.code);
  if (result.problems.length > 0) return EXIT_ERROR;
  if (result.changed && !args.exitZeroEvenIfChanged) return EXIT_CHANGED;
  return EXIT_CLEAN;
}
