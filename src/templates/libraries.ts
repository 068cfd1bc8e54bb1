// Which tag libraries a project defines itself: `templatetags/<name>.py` in any app. A template's
// `{% load staticfiles %}` means the project's own library when one has that name, so the template
// rules ask here before touching a load. The Python files of the run are looked at first; if
// the name is not among them and the working directory (the project root) was not walked, it is
// walked once, lazily, for the answer.
import path from "node:path";
import { discover, type DiscoveredFile } from "../discover.js";

const LIBRARY = /(?:^|[\\/])templatetags[\\/]([A-Za-z_]\w*)\.py$/;

export class ProjectLibraries {
  private readonly names = new Set<string>();
  private walked: boolean;
  /** The run's files, looked through on the first question (a warm run asks none). */
  private files: readonly DiscoveredFile[] | undefined;

  constructor(files: readonly DiscoveredFile[], private readonly cwd: string, walkedRoots: readonly string[], private readonly gitignore = true) {
    this.files = files;
    const resolved = path.resolve(cwd);
    this.walked = walkedRoots.some((root) => {
      const relative = path.relative(path.resolve(root), resolved);
      return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
    });
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
      for (const file of discover([this.cwd], { cwd: this.cwd, gitignore: this.gitignore }).files) this.add(file.absolute);
    }
    return this.names.has(name);
  }
}
