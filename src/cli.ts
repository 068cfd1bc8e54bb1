// The command line: parsed options → upgrade() → reports. All user-facing messages and exit codes
// live here. stdout carries only the payload (diff, code, file list, rule list, json); every
// message goes to stderr.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadParser } from "./engine/parser.js";
import { prefilterFor } from "./engine/prefilter.js";
import { decode, DecodeError, encode } from "./engine/text.js";
import { transformSync } from "./engine/transform.js";
import { ruleKind } from "./engine/rule.js";
import { findingLines, fixLines, plural, problemLines } from "./report/messages.js";
import { allRules, selectRules, selectTemplateRules, findRule, UnknownRuleError } from "./rules.js";
import { upgrade, type FileResult } from "./runner.js";
import { statusOf } from "./process-file.js";
import { parseTargets, TargetError, validTargetList } from "./target.js";
import { TemplateTally } from "./templates/tally.js";
import { templateOnStdin } from "./templates/stdin.js";
import { helpText, parseCliArgs, UsageError, version, type CliArgs } from "./args.js";
import { runPlan, runStep } from "./plan-command.js";

export const EXIT_CLEAN = 0;
export const EXIT_CHANGED = 1;
export const EXIT_ERROR = 2;


interface Streams {
  stdout: (text: string) => void;
  /** Raw bytes (stdin mode echoes code back in its own encoding). */
  stdoutBytes: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
  isTTY: boolean;
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
};

export async function main(argv: string[], streams: Streams = processStreams): Promise<number> {
  try {
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
    throw error;
  }
}

/** One line per rule: id (aliases), the target it applies from, fix or finding, summary. With
 * --target, only the rules that target applies (a Flask target includes the libraries it implies). */
function listRules(args: CliArgs, streams: Streams): number {
  const rules = args.target.length > 0 ? [...selectRules({ targets: parseTargets(args.target) }), ...selectTemplateRules({ targets: parseTargets(args.target) })] : allRules;
  for (const rule of rules) {
    const aliases = rule.aliases?.length ? ` (${rule.aliases.join(", ")})` : "";
    streams.stdout(`${rule.id}${aliases}\t${rule.framework}-${rule.since}\t${ruleKind(rule)}\t${rule.summary}\n`);
  }
  return EXIT_CLEAN;
}

function explain(name: string, streams: Streams): number {
  const rule = findRule(name);
  if (!rule) throw new UnknownRuleError(`unknown rule "${name}"; run --list-rules to see the rule ids and aliases`);
  const lines = [
    `${rule.id}: ${rule.summary}`,
    `applies from: ${rule.framework}-${rule.since}`,
    `kind: ${ruleKind(rule)}`,
    rule.aliases?.length ? `aliases: ${rule.aliases.join(", ")}` : "",
    rule.files && rule.files !== "any" && typeof rule.files === "string" ? `files: ${rule.files}` : "",
    rule.description ? `\n${rule.description}` : "",
    rule.docs ? `\nsee: ${rule.docs}` : "",
  ];
  streams.stdout(`${lines.filter(Boolean).join("\n")}\n`);
  return EXIT_CLEAN;
}

/** The diff library is loaded only in modes that print diffs. */
let diffModule: typeof import("./report/diff.js") | undefined;

async function run(args: CliArgs, streams: Streams): Promise<number> {
  if (args.listRules) return listRules(args, streams);
  if (args.explain !== undefined) return explain(args.explain, streams);
  if (!args.target || args.target.length === 0) {
    throw new UsageError(`--target is required, e.g. --target django-5.0 (valid: ${validTargetList().join(", ")})`);
  }
  const targets = parseTargets(args.target);
  // Validate rule names before touching any file.
  selectRules({ targets, select: args.select, ignore: args.ignore });
  const paths = args.paths;
  const mode = args.diff ? "diff" : args.check ? "check" : "write";
  const color = args.color ?? (streams.isTTY && !process.env.NO_COLOR);
  if (mode === "diff") diffModule = await import("./report/diff.js");
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("- (standard input) cannot be combined with other paths");
    return runStdin(args, mode, color, streams);
  }

  let changed = 0;
  let failed = 0;
  let failedUnchanged = 0;
  let fixCount = 0;
  let findingCount = 0;
  let total = 0;
  const templates = new TemplateTally();
  const json: unknown[] = [];
  const summary = await upgrade(paths, {
    target: args.target,
    select: args.select,
    ignore: args.ignore,
    exclude: args.exclude,
    gitignore: !args.noIgnore,
    templates: !args.noTemplates,
    cache: !args.noCache,
    write: mode === "write",
    keepText: mode === "diff",
    jobs: args.jobs,
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
      if (lines.length > 0) streams.stderr(`${lines.join("\n")}\n`);
      if (args.format === "json") json.push(jsonResult(result, mode));
    },
  });
  for (const error of summary.pathErrors) streams.stderr(`${error.path}: error: ${error.message}\n`);
  if (summary.pathErrors.length === 0) warnAboutEmptyFolders(paths.length > 0 ? paths : ["."], summary.results, Boolean(args.noIgnore), streams);
  if (args.format === "json") streams.stdout(`${JSON.stringify({ files: json, pathErrors: summary.pathErrors }, null, 2)}\n`);
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

function jsonResult(result: FileResult, mode: string) {
  return {
    path: result.path,
    ...(result.template ? { kind: "template" } : {}),
    status: result.status,
    fixes: result.fixes,
    findings: result.findings,
    problems: result.problems,
    ...(mode === "diff" && result.after !== undefined ? { diff: diffModule!.unifiedDiff(result.path, result.before!, result.after) } : {}),
  };
}

async function runStdin(args: CliArgs, mode: string, color: boolean, streams: Streams): Promise<number> {
  const filename = args.stdinFilename ?? "stdin.py";
  const bytes = streams.readStdin();
  let decoded;
  let template;
  try {
    template = args.noTemplates ? undefined : templateOnStdin(bytes, filename, parseTargets(args.target!), args);
    decoded = template?.decoded ?? decode(bytes);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    streams.stderr(`${filename}: error: ${error.message}; left unchanged\n`);
    if (mode === "write") streams.stdoutBytes(bytes);
    return EXIT_ERROR;
  }
  const targets = parseTargets(args.target!);
  const rules = selectRules({ targets, select: args.select, ignore: args.ignore });
  const candidates = template ? [] : prefilterFor(rules).match(decoded.text);
  if (candidates.length > 0) await loadParser();
  const result = template?.result ?? transformSync(decoded.text, { rules, targets, filename, candidates });
  const fileResult: FileResult = {
    path: filename, absolutePath: filename, status: statusOf(result),
    fixes: result.fixes, findings: result.findings, problems: result.problems,
    ...(result.changed ? { before: decoded.text, after: result.code } : {}),
  };
  const lines = [...problemLines(fileResult), ...(args.quiet ? [] : findingLines(fileResult))];
  if (lines.length > 0) streams.stderr(`${lines.join("\n")}\n`);
  if (args.format === "json") streams.stdout(`${JSON.stringify({ files: [jsonResult(fileResult, mode)] }, null, 2)}\n`);
  else if (mode === "write") streams.stdoutBytes(encode(decoded, result.code));
  else if (mode === "diff" && result.changed) printDiff(streams, color, filename, decoded.text, result.code);
  if (result.problems.length > 0) return EXIT_ERROR;
  if (result.changed && !args.exitZeroEvenIfChanged) return EXIT_CHANGED;
  return EXIT_CLEAN;
}
