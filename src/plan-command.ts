// `pycodemod plan` and `--step`: the one-release-at-a-time workflow on top of an ordinary run.
// plan: one dry run with every rule up to the target, its fixes and findings grouped by the release
// that brings each rule. --step: an ordinary run whose target is the next release, followed by the
// exact command for the step after it.
import { buildPlan, journeys, nextStep, stagesOfRules } from "./plan.js";
import { planJson, planMarkdown, planText } from "./report/plan.js";
import { problemLines } from "./report/messages.js";
import { upgrade } from "./runner.js";
import { UsageError, type CliArgs } from "./args.js";
import { DetectionError, SOURCES, TargetDetector } from "./detect-target.js";
import { registry } from "./rules.js";
import { parseTargets, targetReaches } from "./target.js";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export interface PlanStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/**
 * The versions the project runs on now: --from, or else what the project declares (as --target
 * auto reads it) for the folder of the first path, said on stderr.
 */
function fromSpecs(args: CliArgs, streams: PlanStreams): string[] {
  if (args.from.length > 0) return args.from;
  const first = path.resolve(args.paths[0] ?? ".");
  const probe = existsSync(first) && statSync(first).isDirectory() ? path.join(first, "__probe__.py") : first;
  let found;
  try {
    found = new TargetDetector(process.cwd()).forFile(probe);
  } catch (error) {
    if (!(error instanceof DetectionError)) throw error;
    found = undefined;
  }
  const targeted = new Set(args.target.map((t) => t.split("-")[0]));
  const specs = (found?.targets ?? []).filter((t) => targeted.has(t.split("-")[0]));
  if (specs.length === 0) {
    throw new UsageError(
      "--from FRAMEWORK-X.Y is needed: the version the project runs on now, e.g. --from django-3.2 " +
      `(none could be read from ${SOURCES})`,
    );
  }
  streams.stderr(`pycodemod: the project runs on ${specs.join(", ")} now, as declared (${found!.notes.join("; ")}); --from overrides\n`);
  return specs;
}

export async function runPlan(args: CliArgs, streams: PlanStreams): Promise<number> {
  if (args.target.length === 0) throw new UsageError("plan needs --target, e.g. pycodemod plan --target django-5.0 --from django-3.2");
  if (args.diff || args.check || args.step) throw new UsageError("plan writes nothing and takes neither --diff, --check nor --step");
  const trip = journeys(args.target, fromSpecs(args, streams));
  const { stages, stageOf } = stagesOfRules(trip, { select: args.select, ignore: args.ignore });
  const summary = await upgrade(args.paths, {
    target: args.target,
    select: args.select,
    ignore: args.ignore,
    exclude: args.exclude,
    gitignore: !args.noIgnore,
    cache: !args.noCache,
    write: false,
    keepText: false,
    jobs: args.jobs,
  });
  for (const error of summary.pathErrors) streams.stderr(`${error.path}: error: ${error.message}\n`);
  if (summary.pathErrors.length > 0) return 2;
  for (const result of summary.results) {
    const lines = problemLines(result);
    if (lines.length > 0) streams.stderr(`${lines.join("\n")}\n`);
  }
  const plan = buildPlan(trip, stages, stageOf, summary.results);
  if (args.format === "json") streams.stdout(planJson(plan));
  else if (args.format === "markdown") streams.stdout(planMarkdown(plan));
  else streams.stdout(planText(plan, args.color ?? (streams.isTTY && !process.env.NO_COLOR)));
  return 0;
}

/** argv with its --from values replaced, for the "next command" line. */
function withFrom(argv: readonly string[], from: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--from") {
      i++;
      continue;
    }
    if (arg.startsWith("--from=")) continue;
    out.push(arg);
  }
  const step = out.indexOf("--step");
  out.splice(step >= 0 ? step : out.length, 0, ...from.flatMap((f) => ["--from", f]));
  return out;
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);

/**
 * Runs `run` with the next release as the target, then says what was applied and what to type
 * next. `argv` is the command line as given, to repeat it with the new --from.
 */
export async function runStep(
  args: CliArgs,
  argv: readonly string[],
  streams: PlanStreams,
  run: (args: CliArgs) => Promise<number>,
): Promise<number> {
  if (args.target.length === 0) throw new UsageError("--step needs --target, e.g. --target django-5.0 --from django-3.2 --step");
  const trip = journeys(args.target, fromSpecs(args, streams));
  const step = nextStep(trip);
  if (!step) {
    streams.stderr(`pycodemod: already at ${args.target.join(", ")}; there is no step left\n`);
    return 0;
  }
  // A rule whose deprecation window the last step closes (RuleMeta.until) is left out of every
  // step, as a direct run to the target leaves it out: both must end in the same tree.
  const finalTargets = parseTargets(args.target);
  const closed = registry.filter((r) => r.until && targetReaches(finalTargets, r.framework, r.until)).map((r) => r.id);
  const code = await run({ ...args, target: step.specs, from: [], step: false, ignore: [...args.ignore, ...closed] });
  // Exit 2 after a run means some files could not be processed (reported above); the step itself
  // was applied to the rest, so the way on is still shown.
  const verb = args.diff || args.check ? "would apply" : "applied";
  const fromText = trip.map((j) => `${j.framework}-${j.from}`).join(", ");
  const lines = [`pycodemod: ${verb} the fixes of ${step.moved.join(", ")} (from ${fromText})`];
  if (nextStep(step.after)) {
    const next = withFrom(argv, step.after.map((j) => `${j.framework}-${j.from}`));
    const after = args.diff || args.check ? "" : "run your tests and commit, then ";
    lines.push(`pycodemod: ${after}next: pycodemod ${next.map(quote).join(" ")}`);
  } else {
    lines.push(`pycodemod: that was the last step; the project is at ${args.target.join(", ")}`);
  }
  streams.stderr(`${lines.join("\n")}\n`);
  return code;
}
