// The read-only project view: which file is module `x.y` for an import written in a given file,
// and what that module binds. Each thread (main or worker) has its own instance; a module is read
// and parsed only when some file asks about it, and once per run per thread.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { exportedNames, summarizeModule, type ModuleNames, type ProjectLookup, type ProjectModule, type StarNames } from "./engine/project.js";
import { djangoStarNames } from "./engine/star-exports.js";
import { decode } from "./engine/text.js";
import { stampOf, type Dependency } from "./cache.js";
import { discover } from "./discover.js";
import { ProjectImporters, type Importer } from "./project-importers.js";
import { ProjectWordReads } from "./project-word-reads.js";
import type { SharedImporters } from "./shared-importers.js";

export interface ProjectViewSetup {
  /** The working directory: project-relative paths are relative to it. */
  cwd: string;
  /** Further import roots (absolute): folders that hold manage.py, and the like. */
  roots: readonly string[];
  /** Whether the run honours .gitignore files (the importer index walks the project as the run does). */
  gitignore?: boolean;
  /**
   * The Python files the run found (absolute) and the folders it walked to find them: the importer
   * index of a root inside those folders reads these instead of walking the root again.
   */
  files?: readonly string[];
  walked?: readonly string[];
}

/** Import roots a run starts from: the working directory, its src/, and every folder holding manage.py. */
export function projectRoots(files: readonly { absolute: string }[]): string[] {
  const roots = new Set<string>();
  // endsWith first: path.basename for every file of a big run cost more than the rest of this.
  for (const file of files) if (file.absolute.endsWith("manage.py") && path.basename(file.absolute) === "manage.py") roots.add(path.dirname(file.absolute));
  return [...roots];
}

type Loaded = { module: ProjectModule } | { unreadable: string };

export class ProjectView implements ProjectLookup {
  private readonly loaded = new Map<string, Loaded>();
  private readonly stars = new Map<string, StarNames>();
  private readonly packageRoots = new Map<string, string>();
  private readonly listings = new Map<string, Set<string>>();
  /** Who imports what, per import root, built on the first question (see project-importers.ts). */
  private readonly importers = new Map<string, ProjectImporters>();
  /** Which files read a word, per import root, read on the first question (see project-word-reads.ts). */
  private readonly wordReads = new Map<string, ProjectWordReads>();
  /** In a shared run, where the other threads' importer indexes come from. */
  private shared: SharedImporters | undefined;

  /**
   * Files looked at (read, or checked for existence) since track() was last called: what the
   * result of the file being processed depends on, for the result cache.
   */
  private consulted: Set<string> | undefined;
  /** Each path's stamp when the view first looked at it: what its answers are based on. */
  private readonly stamps = new Map<string, Dependency>();

  /** Starts recording the files the view looks at; returns the set that fills up. */
  track(): Set<string> {
    this.consulted = new Set();
    return this.consulted;
  }

  /** The stamps of tracked paths, as they were when this view first looked at them. */
  dependencies(paths: ReadonlySet<string>): Dependency[] {
    return [...paths].map((p) => this.stamps.get(p)!);
  }

  /** Records that the current file's answer depends on `file` not existing (known from its folder's listing). */
  private noteMissing(file: string): void {
    this.consulted?.add(file);
    if (!this.stamps.has(file)) this.stamps.set(file, [file, -1, 0]);
  }

  /** Records that the current file's answer depends on `file` (stamped once, before any read). */
  private note(file: string): void {
    this.consulted?.add(file);
    if (!this.stamps.has(file)) this.stamps.set(file, [file, ...stampOf(file)]);
  }

  /** Builds importer indexes once for all the threads of a shared run (shared-importers.ts). */
  shareImporters(shared: SharedImporters): void {
    this.shared = shared;
  }

  /** `redirect` (tests): the file to read in place of a module's own file. */
  constructor(
    private readonly setup: ProjectViewSetup,
    private readonly redirect: (file: string) => string = (file) => file,
  ) {}

  module(importer: string, spec: string): ProjectModule | undefined {
    const file = this.resolve(path.resolve(this.setup.cwd, importer), spec);
    if (!file) return undefined;
    const loaded = this.load(file);
    return "module" in loaded ? loaded.module : undefined;
  }

  importedFrom(module: string, name: string, hasAll: boolean): string | undefined {
    const found = this.importerOf(module, name, hasAll);
    // A name some module imports keeps the file as it is (an alias, or a finding): that answer
    // holds while the importer (and any star import it came through) is unchanged, so those files
    // are what the result depends on. "Nobody" needs no such care: a cached result is then a
    // rewrite already made, or a file left alone for another reason.
    for (const file of found?.files ?? []) this.note(file);
    return found?.where;
  }

  readElsewhere(module: string, name: string): string | undefined {
    const file = path.resolve(this.setup.cwd, module);
    // As for importers: reading every file is not what the current file depends on.
    const tracking = this.consulted;
    this.consulted = undefined;
    let found;
    try {
      const root = this.importRootOf(file);
      let reads = this.wordReads.get(root);
      if (!reads) {
        // The root's files first (the nearest readers), then every other Python file of the run:
        // app code often sits beside the settings' import root (`src/app` next to `testproject/`).
        const files = [...new Set([...this.filesUnder(root), ...(this.setup.files ?? [])])];
        this.wordReads.set(root, (reads = new ProjectWordReads(files, this.setup.cwd)));
      }
      found = reads.readerOf(name, file);
    } finally {
      this.consulted = tracking;
    }
    // A setting kept because a file reads it stays kept while that file is unchanged: the result
    // depends on it. "Nobody" needs no such care: the setting is then deleted, and a changed
    // result is cached only as its rewrite, which no longer holds the setting.
    if (found) this.note(found.file);
    return found?.where;
  }

  private importerOf(module: string, name: string, hasAll: boolean): Importer | undefined {
    const file = path.resolve(this.setup.cwd, module);
    // Resolving every import of the project is not what the current file depends on.
    const tracking = this.consulted;
    this.consulted = undefined;
    try {
      const root = this.importRootOf(file);
      let importers = this.importers.get(root);
      if (!importers) {
        const resolve = (importer: string, spec: string) => this.resolve(importer, spec);
        const build = () => new ProjectImporters(this.filesUnder(root), this.setup.cwd, resolve);
        importers = this.shared ? this.shared.obtain(root, build, (found) => new ProjectImporters(found, this.setup.cwd, resolve)) : build();
        this.importers.set(root, importers);
      }
      return importers.importerOf(file, name, hasAll);
    } finally {
      this.consulted = tracking;
    }
  }

  /** The Python files under `root`: from the run's own discovery when it walked a folder holding it. */
  private filesUnder(root: string): readonly string[] {
    const inside = (dir: string) => root === dir || root.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
    if (this.setup.files && this.setup.walked?.some(inside)) {
      const prefix = root.endsWith(path.sep) ? root : root + path.sep;
      return this.setup.files.filter((f) => f.startsWith(prefix));
    }
    const { files } = discover([root], { cwd: this.setup.cwd, gitignore: this.setup.gitignore !== false });
    return files.filter((f) => !f.template).map((f) => f.absolute);
  }

  /**
   * The folder whose files may import `file`: the one above its outermost package, which absolute
   * imports start from (the working directory for a project whose packages sit at its top; one
   * project of a tree holding several side by side).
   */
  private importRootOf(file: string): string {
    return this.packageRoot(path.dirname(file));
  }

  starNames(importer: string, spec: string): StarNames {
    const file = this.resolve(path.resolve(this.setup.cwd, importer), spec);
    if (!file) return { unknown: `${spec} is not a module of this project` };
    return this.starNamesOf(file, new Set());
  }

  /** The file an import of `spec` from `importer` (absolute) names, when it is a project file. */
  resolve(importer: string, spec: string): string | undefined {
    const level = /^\.*/.exec(spec)![0].length;
    const parts = spec.slice(level).split(".").filter(Boolean);
    let bases: string[];
    if (level > 0) {
      let base = path.dirname(importer);
      for (let i = 1; i < level; i++) base = path.dirname(base);
      bases = [base];
    } else {
      const cwd = this.setup.cwd;
      bases = [...new Set([this.packageRoot(path.dirname(importer)), cwd, path.join(cwd, "src"), ...this.setup.roots])];
    }
    for (const base of bases) {
      const stem = path.join(base, ...parts);
      // Most absolute imports name other packages (django, os): one listing of each of the few
      // import roots rules them out without a stat per candidate path.
      if (level === 0 && parts.length > 0 && !this.mayHold(base, parts[0]!)) {
        // The answer depends on these two paths not existing, as if they had been looked at.
        this.noteMissing(`${stem}.py`);
        this.noteMissing(path.join(stem, "__init__.py"));
        continue;
      }
      if (parts.length > 0 && this.isFile(`${stem}.py`)) return `${stem}.py`;
      if (this.isFile(path.join(stem, "__init__.py"))) return path.join(stem, "__init__.py");
    }
    return undefined;
  }

  /** Whether `dir` has an entry `name` or `name.py` (the folder's listing is read once). */
  private mayHold(dir: string, name: string): boolean {
    let entries = this.listings.get(dir);
    if (!entries) {
      try {
        entries = new Set(readdirSync(dir));
      } catch {
        entries = new Set();
      }
      this.listings.set(dir, entries);
    }
    return entries.has(name) || entries.has(`${name}.py`);
  }

  /** The folder above the outermost package that holds `dir` (`dir` itself when it is no package). */
  private packageRoot(dir: string): string {
    let root = this.packageRoots.get(dir);
    if (root === undefined) {
      root = this.isFile(path.join(dir, "__init__.py")) && path.dirname(dir) !== dir ? this.packageRoot(path.dirname(dir)) : dir;
      this.packageRoots.set(dir, root);
    }
    return root;
  }

  private isFile(file: string): boolean {
    this.note(file);
    return this.stamps.get(file)![1] >= 0;
  }

  private load(file: string): Loaded {
    this.note(file);
    let loaded = this.loaded.get(file);
    if (loaded) return loaded;
    const shown = path.relative(this.setup.cwd, file) || file;
    try {
      const source = decode(readFileSync(this.redirect(file))).text;
      const summary = summarizeModule(source);
      loaded = summary ? { module: { filename: shown, source, summary } } : { unreadable: `${shown} does not parse` };
    } catch {
      loaded = { unreadable: `${shown} cannot be read` };
    }
    this.loaded.set(file, loaded);
    return loaded;
  }

  /**
   * What `from <file> import *` binds: its literal `__all__`, or its public top-level names, plus
   * what its own star imports bring (followed; a module met again in a cycle adds its own names
   * without following further, which can only add names).
   */
  private starNamesOf(file: string, visiting: Set<string>): StarNames {
    const cached = this.stars.get(file);
    if (cached) return cached;
    const loaded = this.load(file);
    if (!("module" in loaded)) return { unknown: loaded.unreadable };
    const { summary, filename } = loaded.module;
    if (summary.all === "computed") return this.remember(file, { unknown: `${filename} builds __all__ at run time` });
    const own = exportedNames(summary)!;
    const names = new Map<string, string | null>();
    // Names a followed star import may or may not bind (Django releases disagree on them).
    const maybe = new Set<string>();
    const add = (from: ModuleNames, fromMaybe?: ReadonlySet<string>) => {
      for (const [name, qualified] of from) {
        if (!names.has(name)) names.set(name, qualified);
        else if (names.get(name) !== qualified) names.set(name, null);
      }
      for (const name of fromMaybe ?? []) maybe.add(name);
    };
    // Bound for certain (by the module itself or another star import): then only what it stands for is unsure.
    const settle = (bound: (name: string) => boolean): ReadonlySet<string> | undefined => {
      for (const name of maybe) {
        if (!bound(name) && !names.has(name)) continue;
        maybe.delete(name);
        names.set(name, null);
      }
      return maybe.size > 0 ? maybe : undefined;
    };
    visiting.add(file);
    try {
      for (const spec of summary.stars) {
        const django = djangoStarNames(spec);
        if (django && "names" in django) {
          add(django.names, django.maybe);
          continue;
        }
        const target = this.resolve(file, spec);
        if (!target) return this.remember(file, { unknown: `${filename} has \`from ${spec} import *\`, which is not a module of this project` });
        if (visiting.has(target)) {
          const again = this.load(target);
          if (!("module" in again)) return this.remember(file, { unknown: again.unreadable });
          const its = exportedNames(again.module.summary);
          if (!its) return this.remember(file, { unknown: `${again.module.filename} builds __all__ at run time` });
          add(its);
          continue;
        }
        const followed = this.starNamesOf(target, visiting);
        if ("unknown" in followed) return this.remember(file, followed);
        add(followed.names, followed.maybe);
      }
    } finally {
      visiting.delete(file);
    }
    if (Array.isArray(summary.all)) {
      // `__all__` decides which names leave; star-imported ones keep what they stand for.
      const fromStars = names;
      const listed = new Map<string, string | null>();
      const unsure = settle((name) => summary.bound.has(name));
      for (const name of summary.all) {
        if (unsure?.has(name) && !fromStars.has(name)) continue;
        listed.set(name, summary.bound.has(name) ? (own.get(name) ?? null) : (fromStars.get(name) ?? null));
      }
      const listedUnsure = unsure && new Set([...unsure].filter((name) => summary.all!.includes(name)));
      return this.remember(file, listedUnsure && listedUnsure.size > 0 ? { names: listed, maybe: listedUnsure } : { names: listed });
    }
    add(own);
    // A package's submodules become its attributes once anything imports them, and a star import
    // without __all__ then binds them too: count them as bound.
    if (path.basename(file) === "__init__.py") {
      for (const sub of this.submodules(path.dirname(file))) if (!names.has(sub)) names.set(sub, null);
    }
    const unsure = settle((name) => own.has(name));
    return this.remember(file, unsure ? { names, maybe: unsure } : { names });
  }

  /** Public module and package names inside a package folder. */
  private submodules(dir: string): string[] {
    this.note(dir);
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => !e.name.startsWith("_") && ((e.isFile() && e.name.endsWith(".py")) || (e.isDirectory() && this.isFile(path.join(dir, e.name, "__init__.py")))))
        .map((e) => (e.isFile() ? e.name.slice(0, -3) : e.name))
        .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
    } catch {
      return [];
    }
  }

  private remember(file: string, names: StarNames): StarNames {
    this.stars.set(file, names);
    return names;
  }
}
