// Writes dist/rule-examples.json: for each rule, one before/after pair taken from its golden
// fixtures (the shortest transforming case), for `pycodemod --explain RULE`. Fixtures are not
// shipped in the npm package, so the examples are captured at build time.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const fixtures = path.join(root, "fixtures");
const HEADER = /^(#\s*fixture:.*|\{#\s*fixture:.*#\})\r?\n/;
const examples = {};
if (existsSync(fixtures)) {
  for (const framework of readdirSync(fixtures)) {
    const frameworkDir = path.join(fixtures, framework);
    if (!statSync(frameworkDir).isDirectory()) continue;
    for (const rule of readdirSync(frameworkDir)) {
      const dir = path.join(frameworkDir, rule);
      if (!statSync(dir).isDirectory()) continue;
      let best;
      for (const file of readdirSync(dir).sort()) {
        const ext = /\.expected(\.py|\.html)$/.exec(file)?.[1];
        if (!ext) continue;
        const input = path.join(dir, file.replace(/\.expected\.(py|html)$/, ext));
        if (!existsSync(input)) continue;
        const before = readFileSync(input, "utf8");
        const after = readFileSync(path.join(dir, file), "utf8");
        // Examples are for reading: skip cases about byte-level details (CRLF, BOM, odd encodings).
        if (/\r|\uFEFF/.test(before) || /coding[:=]/.test(before.split("\n")[0] ?? "")) continue;
        const size = before.length + after.length;
        if (!best || size < best.size) best = { size, case: path.relative(root, input), before, after };
      }
      if (best) {
        examples[`${framework}/${rule}`] = { case: best.case, before: best.before.replace(HEADER, ""), after: best.after.replace(HEADER, "") };
      }
    }
  }
}
writeFileSync(path.join(root, "dist", "rule-examples.json"), `${JSON.stringify(examples)}\n`);
