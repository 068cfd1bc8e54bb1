#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled, bundled dist/bundle/ so start-up pays neither
// TypeScript nor the loading of dozens of small modules.
import { main } from "../dist/bundle/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pycodemod: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
