// Who imports what from a project module: the reverse of the project view's imports. A rule that
// renames or drops a module-level import (`from django.utils.encoding import force_text` →
// `force_str`) breaks every other module that imports that name from this one
// (`from app.compat import force_text`), or gets it through `from app.compat import *`, or reads
// `compat.force_text`; such a name has to stay (as an alias) or be left alone.
//
// Built on the first question, once per run and import root: every Python file under the root is
// read and its import statements are found by a text scan (no parse); in a shared run the thread
// that builds it hands the statements to the others (shared-importers.ts). They are filed
// under the last part of the module they name (`from app.compat import x` under "compat"), and
// resolved to a project file only when a question is about a module of that name, so the cost is
// one read of the files and a scan, not a lookup per import. A scan can only find too much (an
// import inside a string counts), which keeps a name, never too little. Answers depend on every
// file under the root, so the result cache does not keep a file that asked.
import { readFileSync } from "node:fs";
import path from "node:path";
import { positionOf } from "./engine/text.js";

/** `from spec import names` (parenthesized or with backslash continuations) and `import a.b, c as d`. */
const FROM_IMPORT = /[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]*(\((?:[^)]*)\)|(?:[^\n#\\;]|\\\r?\n)+)/y;
const PLAIN_IMPORT = /[ \t]*import[ \t]+((?:[^\n#\\;]|\\\r?\n)+)/y;

/** One import statement's view of one module: `from <spec> import names`, or the module itself imported. */
interface ImportOf {
  file: string;
  /** Where the statement starts in the file's text (its line is worked out only if it is reported). */
  index: number;
  spec: string;
  /** Names imported from the module ("*" for a star import); empty when the module itself is imported. */
  names: string[];
}

/**
 * What is filed under a name: an import statement, or (`of`) the submodule `spec.name` that
 * `from spec import name` may import, whose attributes are then read as `name.x`.
 */
type Filed = ImportOf | { of: ImportOf; name: string };

/**
 * The import statements of a root as plain data, in the order they were found: what one thread
 * hands another instead of the files (see shared-importers.ts). Statement i is in
 * `files[file[i]]` at `index[i]`, names `spec[i]` and imports `names[i]` (comma-separated; empty
 * when the module itself is imported).
 */
export interface ImportStatements {
  files: string[];
  file: Int32Array;
  index: Int32Array;
  spec: string[];
  names: string[];
}

/** An import statement: "path:line" as shown, and its file. */
interface Site {
  where: string;
  file: string;
}

/** Who needs a name: the place to show, and the files the answer rests on (the importer, and any star importers it came through). */
export interface Importer {
  where: string;
  files: string[];
}

interface ModuleImporters {
  /** name → one place that imports it from the module. */
  names: Map<string, Site>;
  /** Files that star-import the module. */
  stars: { where: string; file: string }[];
  /** Files that import the module itself (`import a.b`, `from a import b`): `.name` in their text reads it. */
  whole: { where: string; file: string }[];
}

export class ProjectImporters {
  /** Imports filed under the last part of the module they name. */
  private readonly byLastPart = new Map<string, Filed[]>();
  /** Every statement, in the order found (what statements() hands out). */
  private readonly found: ImportOf[] = [];
  private readonly byModule = new Map<string, ModuleImporters>();
  private readonly texts = new Map<string, string>();
  private readonly answers = new Map<string, Importer | undefined>();

  /**
   * `files`: the Python files (absolute) that may import modules of this root, read here; or the
   * statements another thread found in them.
   * `resolve(importerAbsolute, spec)`: the project file an import of `spec` names, if any.
   */
  constructor(
    files: readonly string[] | ImportStatements,
    private readonly cwd: string,
    private readonly resolve: (importer: string, spec: string) => string | undefined,
  ) {
    if ("spec" in files) {
      for (let i = 0; i < files.spec.length; i++) {
        const names = files.names[i]!;
        this.add({ file: files.files[files.file[i]!]!, index: files.index[i]!, spec: files.spec[i]!, names: names === "" ? [] : names.split(",") });
      }
    } else {
      // One call per file (rather than one loop here): V8 optimizes a small function once,
      // where a long constructor loop was recompiled on the stack (OSR) several times.
      for (const file of files) this.scan(file);
    }
  }

  /** The statements found, as plain data another thread can rebuild this index from. */
  statements(): ImportStatements {
    const files: string[] = [];
    const numbers = new Map<string, number>();
    const file = new Int32Array(this.found.length);
    const index = new Int32Array(this.found.length);
    this.found.forEach((entry, i) => {
      let number = numbers.get(entry.file);
      if (number === undefined) numbers.set(entry.file, (number = files.push(entry.file) - 1));
      file[i] = number;
      index[i] = entry.index;
    });
    return { files, file, index, spec: this.found.map((e) => e.spec), names: this.found.map((e) => e.names.join(",")) };
  }

  private scan(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, "latin1"); // import lines are ASCII whatever the encoding
    } catch {
      return;
    }
    let scanned = 0;
    // Only lines that hold the word "import" are looked at: most of a file has none.
    for (let at = text.indexOf("import"); at >= 0; at = text.indexOf("import", at + 6)) {
      const start = text.lastIndexOf("\n", at) + 1;
      if (start < scanned) continue; // a statement already read (several imports on one line)
      FROM_IMPORT.lastIndex = start;
      const from = FROM_IMPORT.exec(text);
      if (from) {
        scanned = FROM_IMPORT.lastIndex;
        this.add({ file, index: start, spec: from[1]!, names: namesOf(from[2]!) });
        continue;
      }
      PLAIN_IMPORT.lastIndex = start;
      const plain = PLAIN_IMPORT.exec(text);
      if (!plain) continue;
      scanned = PLAIN_IMPORT.lastIndex;
      for (const entry of plain[1]!.replace(/\\\r?\n/g, " ").split(",")) {
        const dotted = entry.trim().split(/\s+/)[0]!;
        if (/^[\w.]+$/.test(dotted)) this.add({ file, index: start, spec: dotted, names: [] });
      }
    }
  }

  /** Files a statement under the module it names, and each name it imports under that name. */
  private add(entry: ImportOf): void {
    this.found.push(entry);
    this.file(lastPart(entry.spec), entry);
    for (const name of entry.names) if (name !== "*") this.file(name, { of: entry, name });
  }

  private file(key: string, filed: Filed): void {
    if (!key) return;
    const list = this.byLastPart.get(key);
    if (list) list.push(filed);
    else this.byLastPart.set(key, [filed]);
  }

  /** The imports of `module` (absolute path), resolved from the entries filed under its name. */
  private importersOf(module: string): ModuleImporters {
    let found = this.byModule.get(module);
    if (found) return found;
    found = { names: new Map(), stars: [], whole: [] };
    this.byModule.set(module, found);
    const base = path.basename(module);
    // The module's dotted tail as a path (`app/compat`): an import can only name it if its spec ends so.
    const stem = base === "__init__.py" ? path.dirname(module) : module.replace(/\.py$/, "");
    const key = path.basename(stem);
    for (const filed of this.byLastPart.get(key) ?? []) {
      const entry = "of" in filed ? filed.of : filed;
      const spec = "of" in filed ? (entry.spec.endsWith(".") ? `${entry.spec}${filed.name}` : `${entry.spec}.${filed.name}`) : entry.spec;
      if (entry.file === module || !stem.endsWith(path.sep + tailOf(spec)) || this.resolve(entry.file, spec) !== module) continue;
      const where = this.where(entry);
      const names = "of" in filed ? [] : entry.names;
      if (names.length === 0) found.whole.push({ where, file: entry.file });
      for (const name of names) {
        if (name === "*") found.stars.push({ where, file: entry.file });
        else if (!found.names.has(name)) found.names.set(name, { where, file: entry.file });
      }
    }
    return found;
  }

  /** "path:line" of an import statement, relative to the working directory. */
  private where(entry: ImportOf): string {
    const { line } = positionOf(this.textOf(entry.file), entry.index);
    return `${path.relative(this.cwd, entry.file) || entry.file}:${line}`;
  }

  private textOf(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, "latin1");
      } catch {
        text = "";
      }
      this.texts.set(file, text);
    }
    return text;
  }

  /**
   * Where another module needs `name` from `module` (absolute path): it imports it by name, reads
   * `.name` on the imported module, or star-imports the module (a public name, when the module has
   * no `__all__`; the caller checks `__all__` itself) and then uses the word, or passes it on through
   * its own star importers (a package's `__init__.py` gathering its modules' names is common, and
   * uses none of them). Undefined when nothing needs it.
   */
  importerOf(module: string, name: string, hasAll: boolean): Importer | undefined {
    const key = `${module}\0${name}\0${hasAll}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.find(module, name, hasAll, new Set());
    this.answers.set(key, answer);
    return answer;
  }

  private find(module: string, name: string, hasAll: boolean, visiting: Set<string>): Importer | undefined {
    if (visiting.has(module)) return undefined;
    visiting.add(module);
    const importers = this.importersOf(module);
    const named = importers.names.get(name);
    if (named) return { where: named.where, files: [named.file] };
    const word = new RegExp(`\\b${name}\\b`);
    const attribute = new RegExp(`\\.[ \\t]*${name}\\b`);
    const read = importers.whole.find((w) => {
      const text = this.textOf(w.file);
      return text.includes(name) && attribute.test(text);
    });
    if (read) return { where: read.where, files: [read.file] };
    if (hasAll || name.startsWith("_")) return undefined;
    for (const star of importers.stars) {
      const text = this.textOf(star.file);
      if (text.includes(name) && word.test(text)) return { where: star.where, files: [star.file] };
      // Not used there: needed only if that module passes it on (with no __all__ of its own,
      // which would have to name it, and the word is not in its text).
      const passedOn = this.find(star.file, name, /\b__all__\b/.test(text), visiting);
      if (passedOn) return { where: `${passedOn.where} (through ${star.where})`, files: [...passedOn.files, star.file] };
    }
    return undefined;
  }
}

function lastPart(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1);
}

/** The names of `from x import <list>` (a parenthesized list, comments and continuations allowed). */
function namesOf(list: string): string[] {
  const cleaned = list.replace(/#[^\n]*/g, "").replace(/\\\r?\n/g, " ").replace(/[()]/g, " ");
  return cleaned.split(",").map((entry) => entry.trim().split(/\s+/)[0]!).filter((n) => /^[\w*]+$/.test(n));
}

/** A spec's dotted parts as a path (`app/compat`): a module's file must end with it for the spec to name it. */
function tailOf(spec: string): string {
  return spec.replace(/^\.+/, "").split(".").join(path.sep);
}
