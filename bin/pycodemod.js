#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled dist/ so start-up pays no TypeScript cost.
import { main } from "../dist/src/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pycodemod: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
