// Command-line parsing with node:util parseArgs. We measured yargs 18 at ~95 ms of import time on
// these machines (half of the 0.2 s start-up budget for a pre-commit call), so the option table,
// validation and help text live here instead.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { didYouMean } from "./suggest.js";

export class UsageError extends Error {}

export const FORMATS = ["text", "json", "sarif", "github", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  paths: string[];
  target: string[];
  diff: boolean;
  check: boolean;
  select: string[];
  ignore: string[];
  exclude: string[];
  noIgnore: boolean;
  noTemplates: boolean;
  noCache: boolean;
  stdinFilename?: string;
  exitZeroEvenIfChanged: boolean;
  listRules: boolean;
  explain?: string;
  format: Format;
  plugins: string[];
  verbose: boolean;
  /** Versions the project runs on now (plan, --step). */
  from: string[];
  step: boolean;
  color?: boolean;
  quiet: boolean;
  jobs?: number;
  help: boolean;
  version: boolean;
}

interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  value?: string;
  help: string;
}

/** The option table; the help text is generated from it. Aliases are listed as their own entries. */
const OPTIONS: Record<string, OptionSpec> = {
  target: { type: "string", short: "t", multiple: true, value: "FRAMEWORK-X.Y", help: "upgrade to this version, e.g. django-5.0 or flask-3.0 (repeatable, one per framework); auto (the default) reads the project's requirements" },
  from: { type: "string", multiple: true, value: "FRAMEWORK-X.Y", help: "the version the project runs on now (with plan and --step; repeatable)" },
  step: { type: "boolean", help: "apply only the next release's fixes after --from, and print the next command" },
  diff: { type: "boolean", help: "print a unified diff on stdout; write nothing" },
  check: { type: "boolean", help: "list the files that would change on stdout; write nothing" },
  select: { type: "string", multiple: true, value: "RULE[,RULE]", help: "run only these rules (ids or aliases)" },
  only: { type: "string", multiple: true, value: "RULE[,RULE]", help: "same as --select" },
  ignore: { type: "string", multiple: true, value: "RULE[,RULE]", help: "do not run these rules (ids or aliases)" },
  skip: { type: "string", multiple: true, value: "RULE[,RULE]", help: "same as --ignore" },
  exclude: { type: "string", multiple: true, value: "GLOB", help: "leave out paths matching the glob (repeatable)" },
  "no-ignore": { type: "boolean", help: "do not honour .gitignore files" },
  "no-templates": { type: "boolean", help: "leave Django templates alone (upgrade Python files only)" },
  "no-cache": { type: "boolean", help: "neither read nor write the result cache (.pycodemod_cache/)" },
  "stdin-filename": { type: "string", value: "PATH", help: "path used for file roles when reading standard input (-)" },
  "exit-zero-even-if-changed": { type: "boolean", help: "exit 0 even when files changed or would change" },
  format: { type: "string", value: "text|json|sarif|github", help: "encoding of standard output (default: text; plan also takes markdown)" },
  plugin: { type: "string", multiple: true, value: "PATH", help: "load rules from this module (repeatable)" },
  color: { type: "boolean", help: "color the diff (default: when stdout is a terminal)" },
  "no-color": { type: "boolean", help: "never color the diff" },
  jobs: { type: "string", short: "j", value: "N", help: "worker threads (default: number of cores)" },
  quiet: { type: "boolean", short: "q", help: "print only errors and the payload" },
  verbose: { type: "boolean", short: "v", help: "also say which rules ran, which files were left alone and which style rewrites declined (and why)" },
  "list-rules": { type: "boolean", help: "print every rule (with --target: the rules it applies) and exit" },
  explain: { type: "string", value: "RULE", help: "describe one rule and exit" },
  help: { type: "boolean", short: "h", help: "show this help" },
  version: { type: "boolean", short: "V", help: "show the version" },
};

export function helpText(): string {
  const rows = Object.entries(OPTIONS).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    return `  ${flag.padEnd(38)} ${spec.help}`;
  });
  return [
    "Usage: pycodemod [--target FRAMEWORK-X.Y|auto] [options] [paths...]",
    "       pycodemod plan --target FRAMEWORK-X.Y --from FRAMEWORK-X.Y [options] [paths...]",
    "       pycodemod completion bash|zsh|fish",
    "",
    "Rewrites deprecated Django and Flask code in place, and warns about what needs a person.",
    "Paths are files or folders (default: .); - reads standard input and writes the result to",
    "standard output. A Flask target also upgrades the Werkzeug, Jinja, MarkupSafe and",
    "itsdangerous code that Flask release requires (an explicit --target werkzeug-X.Y wins).",
    "",
    "Examples:",
    "  pycodemod --target django-4.2 .",
    "  pycodemod --target flask-3.0 --diff app/",
    "  pycodemod --target flask-3.0 --target django-4.2 .",
    "  pycodemod --list-rules --target flask-3.1",
    "",
    "Options:",
    ...rows,
    "",
    "plan prints, release by release, what each rule would fix and what needs a person, and",
    "writes nothing. --from V --step applies only the next release after V and prints the next",
    "command, so tests can run and a commit can follow each release.",
    "",
    "Settings also come from [tool.pycodemod] in pyproject.toml or a pycodemod.toml (options win).",
    "",
    "Exit codes: 0 nothing to change, 1 changed or would change, 2 usage error or a file that",
    "could not be processed.",
    "",
  ].join("\n");
}

/** Every long option name (for shell completion). */
export function optionNames(): string[] {
  return Object.keys(OPTIONS);
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** `--select a,b --select c` → [a, b, c] */
function list(values: unknown): string[] {
  return ((values as string[] | undefined) ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}${option?.startsWith("--") ? didYouMean(option.slice(2), Object.keys(OPTIONS), "--") : ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option?.includes("<value>") || /argument missing/.test(error.message)
        ? `option ${(option ?? "").replace(/ <value>$/, "")} needs a value`
        : `option ${option ?? ""} takes no value`;
    default:
      return error.message;
  }
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(OPTIONS).map(([name, spec]) => [
          name,
          { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short ? { short: spec.short } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
  const v = parsed.values as Record<string, unknown>;
  if (v.diff && v.check) throw new UsageError("--diff and --check cannot be used together");
  if (v.quiet && v.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  if (v.color && v["no-color"]) throw new UsageError("--color and --no-color cannot be used together");
  const format = ((v.format as string | undefined) ?? "text") as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (markdown with plan), not "${format}"${didYouMean(format, FORMATS)}`);
  }
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    jobs = Number(v.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, not "${v.jobs}"`);
  }
  return {
    paths: parsed.positionals,
    target: list(v.target),
    diff: Boolean(v.diff),
    check: Boolean(v.check),
    select: [...list(v.select), ...list(v.only)],
    ignore: [...list(v.ignore), ...list(v.skip)],
    exclude: (v.exclude as string[] | undefined) ?? [],
    noIgnore: Boolean(v["no-ignore"]),
    noTemplates: Boolean(v["no-templates"]),
    noCache: Boolean(v["no-cache"]),
    stdinFilename: v["stdin-filename"] as string | undefined,
    exitZeroEvenIfChanged: Boolean(v["exit-zero-even-if-changed"]),
    listRules: Boolean(v["list-rules"]),
    explain: v.explain as string | undefined,
    format,
    from: list(v.from),
    step: Boolean(v.step),
    color: v.color ? true : v["no-color"] ? false : undefined,
    quiet: Boolean(v.quiet),
    verbose: Boolean(v.verbose),
    plugins: (v.plugin as string[] | undefined) ?? [],
    jobs,
    help: Boolean(v.help),
    version: Boolean(v.version),
  };
}
