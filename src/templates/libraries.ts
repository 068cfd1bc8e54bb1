// Which tag libraries a project defines itself: `templatetags/<name>.py` in any app. A template's
// `{% load staticfiles %}` means the project's own library when one has that name, so the template
// rules ask here before touching a load. The Python files of the run are looked at first; if
// the name is not among them, the project around the run's paths is walked once, lazily: the git
// repository that holds them, or without one the nearest folder above them (up to the working
// directory) that a project file marks (manage.py, pyproject.toml, setup.py, ...), or else the
// working directory. Before, it was always the working directory: `pycodemod ~/code/site` run
// from the home folder walked the whole home folder for one `{% load staticfiles %}`.
import { existsSync } from "node:fs";
import path from "node:path";
import { discover, isFolder, type DiscoveredFile } from "../discover.js";

const LIBRARY = /(?:^|[\\/])templatetags[\\/]([A-Za-z_]\w*)\.py$/;

export class ProjectLibraries {
  private readonly names = new Set<string>();
  private walked = false;
  /** The run's files, looked through on the first question (a warm run asks none). */
  private files: readonly DiscoveredFile[] | undefined;

  constructor(files: readonly DiscoveredFile[], private readonly cwd: string, private readonly givenRoots: readonly string[], private readonly gitignore = true) {
    this.files = files;
  }

  /** The folder to walk for libraries the run's files do not show, or undefined when the run covered it. */
  private projectFolder(): string | undefined {
    const given = this.givenRoots.map((root) => path.resolve(this.cwd, root));
    const covered = (folder: string) => given.some((root) => within(folder, root) && isFolder(root));
    const cwd = path.resolve(this.cwd);
    const project = given.length > 0 ? (repositoryOf(given[0]!) ?? markedProjectOf(given[0]!, cwd)) : undefined;
    const folder = project ?? cwd;
    return covered(folder) ? undefined : folder;
  }

  private add(file: string): void {
    const match = LIBRARY.exec(file);
    if (match) this.names.add(match[1]!);
  }

  has(name: string): boolean {
    if (this.files) {
      for (const file of this.files) this.add(file.absolute);
      this.files = undefined;
    }
    if (this.names.has(name)) return true;
    if (!this.walked) {
      this.walked = true;
      const folder = this.projectFolder();
      if (folder) for (const file of discover([folder], { cwd: this.cwd, gitignore: this.gitignore }).files) this.add(file.absolute);
    }
    return this.names.has(name);
  }
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

const PROJECT_MARKERS = ["manage.py", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt"];

/** The nearest folder from `p` up to `stop` (or the file system's root) holding a project file. */
function markedProjectOf(p: string, stop: string): string | undefined {
  for (let dir = isFolder(p) ? p : path.dirname(p); ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((name) => existsSync(path.join(dir, name)))) return dir;
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/** The root of the git repository holding `p` (a folder with `.git`), if any. */
function repositoryOf(p: string): string | undefined {
  for (let dir = isFolder(p) ? p : path.dirname(p); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
