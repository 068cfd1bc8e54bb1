#!/usr/bin/env node
// The read floor as a user meets it: a fresh Node process that lists the folders and reads the
// files a run covers (Python files and templates), and nothing else. bench/real.mjs times the
// whole process from spawn to exit, as it times the CLI, so Node's own start is in both.
//
//   node bench/lib/floor-process.mjs <root> <list>
//
// <list> is a text file of paths relative to <root>, one a line (the files of a `--format json`
// run). Listing is limited to the folders that hold those files and the folders above them up to
// <root>: any discovery must list at least these. Prints "<files> <bytes>" on stdout.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const [root, list] = process.argv.slice(2);
const files = readFileSync(list, "utf8").split("\n").filter(Boolean);
const folders = new Set();
for (const file of files) {
  for (let dir = path.dirname(file); dir !== "." && !folders.has(dir); dir = path.dirname(dir)) folders.add(dir);
}
readdirSync(root, { withFileTypes: true });
for (const dir of folders) readdirSync(path.join(root, dir), { withFileTypes: true });
let bytes = 0;
for (const file of files) bytes += readFileSync(path.join(root, file)).length;
process.stdout.write(`${files.length} ${bytes}\n`);
