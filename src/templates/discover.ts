// Paths → Python files and Django templates. Templates are found as Django projects lay them out:
// every file under a folder named `templates` (whatever its extension, binary and Jinja files
// aside), plus the folders a settings module names in TEMPLATES[...]["DIRS"] (or TEMPLATE_DIRS)
// when they lie inside the project. DIRS of a Jinja2 backend, and `.jinja`/`.j2`/`.jinja2`
// files, are Jinja templates and left alone. The walk itself (.gitignore, --exclude, hidden
// folders, links) is src/discover.ts's; this file only says which files are templates.
import { readFileSync } from "node:fs";
import path from "node:path";
import { discover, isFolder, type DiscoverOptions, type DiscoveryResult, type WalkRecorder } from "../discover.js";
import { isSettingsPath } from "../roles.js";
import { templateDirsOf, type SettingsTemplateDirs } from "./settings-dirs.js";

const JINJA = /\.(?:jinja2?|j2)$/i;
/** Files that live in template folders but are not text templates. */
const BINARY = /\.(?:png|jpe?g|gif|webp|bmp|ico|tiff?|psd|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|mo|pyc|pyo|so|dll|dylib|exe|mp3|mp4|ogg|wav|webm|avi|mov|swf|sqlite3?|db|bin|DS_Store)$/i;
/** Extensions taken as templates when a file outside any template folder is named explicitly. */
const EXPLICIT = /\.(?:html?|djhtml|email|dtl)$/i;

/** A path that names a template by itself: inside a `templates` folder or with a template's extension. */
export function isTemplatePath(file: string): boolean {
  if (file.endsWith(".py") || JINJA.test(file) || BINARY.test(file)) return false;
  const parts = file.replace(/\\/g, "/").split("/").slice(0, -1);
  return EXPLICIT.test(file) || (parts.includes("templates") && !parts.slice(0, parts.indexOf("templates")).includes("static"));
}

function isTemplateName(file: string): boolean {
  return !JINJA.test(file) && !BINARY.test(file);
}

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * True when a folder named `templates` holds the file, counting the walked folder itself. A
 * `templates` folder inside a `static` folder holds front-end templates (served as files, never
 * rendered by Django) and does not count.
 */
function inTemplatesFolder(file: string, root: string): boolean {
  const from = path.dirname(root);
  const parts = relativeFolder(from, file).split(path.sep);
  const at = parts.indexOf("templates");
  return at >= 0 && !parts.slice(0, at).includes("static");
}

/**
 * path.relative(from, path.dirname(file)) without resolving both paths again when `file` plainly
 * lies below `from` (the walk asks this for every file it meets that is not a `.py` file).
 */
function relativeFolder(from: string, file: string): string {
  const prefix = from.endsWith(path.sep) ? from : from + path.sep;
  const folderEnd = file.lastIndexOf(path.sep);
  if (path.isAbsolute(from) && folderEnd >= prefix.length && file.startsWith(prefix)) {
    const inside = file.slice(prefix.length, folderEnd);
    if (!inside.split(path.sep).some((part) => part === "" || part === "." || part === "..")) return inside;
  }
  return path.relative(from, path.dirname(file));
}

function settingsDirs(result: DiscoveryResult, record?: WalkRecorder): SettingsTemplateDirs {
  const all: SettingsTemplateDirs = { django: [], jinja: [] };
  for (const file of result.files) {
    if (file.template || !isSettingsPath(file.display)) continue;
    record?.saw(file.absolute);
    let text: string;
    try {
      text = readFileSync(file.absolute, "utf8");
    } catch {
      continue;
    }
    const dirs = templateDirsOf(text, file.absolute);
    all.django.push(...dirs.django);
    all.jinja.push(...dirs.jinja);
  }
  return all;
}

/** discover() with Django templates taken too. */
export function discoverWithTemplates(paths: readonly string[], options: DiscoverOptions = {}): DiscoveryResult {
  const cwd = options.cwd ?? process.cwd();
  const roots = paths.map((p) => path.resolve(cwd, p)).filter(isFolder);
  // Explicit files are classified once the settings are known (below), so take them as Python here.
  const result = discover(paths, {
    ...options,
    classify: (file, root) => (root === undefined ? "python" : inTemplatesFolder(file, root) && isTemplateName(file) ? "template" : "skip"),
  });
  const dirs = settingsDirs(result, options.record);
  const inProject = (dir: string) => inside(cwd, dir) || roots.some((root) => dir === root || inside(root, dir));
  const jinja = dirs.jinja.filter(inProject);
  const isJinja = (file: string) => JINJA.test(file) || jinja.some((dir) => inside(dir, file));
  const given = new Set(paths.map((p) => path.resolve(cwd, p)));
  const files = result.files.flatMap((file) => {
    if (given.has(file.absolute) && !file.absolute.endsWith(".py") && !file.dotenv) {
      // A file named on the command line: a template when it sits where templates live or has a
      // template's extension; a Jinja template is left out; anything else stays a Python file.
      if (isJinja(file.absolute)) return [];
      const where = [...roots, cwd].find((root) => inside(root, file.absolute)) ?? path.dirname(file.absolute);
      const template = inTemplatesFolder(file.absolute, where) || EXPLICIT.test(file.absolute) || dirs.django.some((dir) => inside(dir, file.absolute));
      return [template ? { ...file, template: true as const } : file];
    }
    return file.template && isJinja(file.absolute) ? [] : [file];
  });
  // Folders named in DIRS that lie inside a walked folder (and are not `templates` folders,
  // already walked as such): every text file in them is a template.
  const seen = new Set(files.map((f) => f.absolute));
  const inRoots = [...new Set(dirs.django)].filter((dir) => roots.some((root) => dir === root || inside(root, dir)));
  for (const dir of inRoots) options.record?.saw(dir);
  const extra = inRoots.filter((dir) => isFolder(dir) && !jinja.includes(dir));
  if (extra.length > 0) {
    const more = discover(extra, { ...options, classify: (file) => (isTemplateName(file) && !isJinja(file) ? "template" : "skip") });
    for (const file of more.files) {
      if (!file.template || seen.has(file.absolute)) continue;
      seen.add(file.absolute);
      files.push(file);
    }
  }
  return { ...result, files };
}
