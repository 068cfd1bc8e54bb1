#!/usr/bin/env node
// Thin launcher: the CLI lives in one compiled bundle, dist/bundle/pycodemod.js, loaded with a
// V8 code cache (src/launch/load-bundle.ts), so start-up pays neither TypeScript nor the
// compilation of the bundle. CommonJS (bin/package.json says so): Node's ES module loader would
// add about 10 ms to every start.
"use strict";
const path = require("node:path");
const { loadBundle } = require("../dist/bundle/launch.js");

const bundle = loadBundle(path.join(__dirname, "..", "dist", "bundle", "pycodemod.js"));

bundle.exports.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    bundle.saveCodeCache();
  },
  (error) => {
    process.stderr.write(`pycodemod: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
