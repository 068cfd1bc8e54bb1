// Globs from the config file (exclude, per-path-ignores), in gitignore syntax relative to the
// config file's folder; a glob without a slash in front also matches at any depth, as with
// --exclude.
import { createRequire } from "node:module";
import path from "node:path";
import type { Ignore } from "ignore";

export function matcherFor(base: string, globs: readonly string[]): (absolute: string) => boolean {
  const ignore = createRequire(import.meta.url)("ignore") as () => Ignore;
  const matcher = ignore().add(globs.flatMap((glob) => (glob.startsWith("/") || glob.startsWith("**/") ? [glob] : [glob, `**/${glob}`])));
  return (absolute) => {
    const relative = path.relative(base, absolute);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
    return matcher.ignores(relative.split(path.sep).join("/"));
  };
}
