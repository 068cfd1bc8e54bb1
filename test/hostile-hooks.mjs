// Preloaded into the real CLI by the hostile tests (`node --import test/hostile-hooks.mjs
// bin/pycodemod.js ...`) to stage failures that no honest input can cause. Worker threads inherit
// --import, so the hooks apply there too. Modes, comma-separated in HOSTILE_HOOK:
//   throw       django/utils-encoding throws on any file containing HOSTILE_THROW
//   bad-output  django/utils-encoding adds an edit that breaks the syntax on any file containing
//               HOSTILE_BAD_OUTPUT (next to its own, valid, edits)
//   race        right after a file whose name starts with "race" is read, another "editor"
//               appends a line to it (a change on disk between read and write)
// HOSTILE_MAXRSS_FILE=path: on exit, the process's peak resident memory (kB) is written there.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";

const modes = new Set((process.env.HOSTILE_HOOK ?? "").split(",").filter(Boolean));
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (modes.has("throw") || modes.has("bad-output")) {
  const { rules } = await import(pathToFileURL(path.join(repo, "dist", "codemods", "index.js")).href);
  const rule = rules.find((r) => r.id === "django/utils-encoding");
  if (!rule) throw new Error("hostile-hooks: django/utils-encoding is not in the registry");
  const create = rule.create;
  rule.create = function hostileCreate(ctx) {
    const visitors = create.call(this, ctx);
    if (modes.has("throw") && ctx.source.includes("HOSTILE_THROW")) {
      return {
        module() {
          throw new Error("hostile rule failure");
        },
      };
    }
    if (modes.has("bad-output") && ctx.source.includes("HOSTILE_BAD_OUTPUT")) {
      return {
        ...visitors,
        module(node) {
          visitors.module?.(node);
          const marker = ctx.source.indexOf("HOSTILE_BAD_OUTPUT");
          const at = ctx.source.lastIndexOf("\n", marker) + 1; // start of the marker's line
          ctx.fix("hostile edit that breaks the syntax", [{ start: at, end: at, text: "def (:" }]);
        },
      };
    }
    return visitors;
  };
}

if (modes.has("race")) {
  const readFileSync = fs.readFileSync;
  const raced = new Set();
  fs.readFileSync = function hostileReadFileSync(file, ...rest) {
    const result = readFileSync.call(this, file, ...rest);
    const name = typeof file === "string" ? file : file instanceof URL ? fileURLToPath(file) : undefined;
    if (name && path.basename(name).startsWith("race") && name.endsWith(".py") && !raced.has(name)) {
      raced.add(name);
      fs.appendFileSync(name, "# edited meanwhile\n");
    }
    return result;
  };
  syncBuiltinESMExports();
}

if (process.env.HOSTILE_MAXRSS_FILE && isMainThread) {
  const out = process.env.HOSTILE_MAXRSS_FILE;
  process.on("exit", () => {
    fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
