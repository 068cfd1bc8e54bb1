#!/usr/bin/env node
// Fallback for machines without /usr/bin/time: runs the CLI's entry point (the same main() that
// bin/pycodemod.js calls) and, on exit, writes this process's CPU time and peak RSS as JSON to the
// file named by BENCH_RUSAGE_OUT.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = process.env.PYCODEMOD_BENCH_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");
const cli = path.join(dist, "src/cli.js");
const { main } = await import(pathToFileURL(cli).href);

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_RUSAGE_OUT, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRSSKB: usage.maxRSS }));
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pycodemod: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
