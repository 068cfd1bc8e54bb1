// Which other Python file of a project reads a name: asked by the settings rules before they
// delete or rename a setting, since app code reading it (`settings.FILE_CHARSET`,
// `getattr(settings, "FILE_CHARSET")`, `from proj.settings import FILE_CHARSET`) would fail with
// AttributeError or ImportError once the setting is gone.
//
// A word scan, no parse: each question (answers are kept) reads the files of one import root, and
// the other Python files of the run, and looks for the whole word in each text. The texts are not
// kept: questions are few (a setting about to be deleted), and keeping every text of a large tree
// doubled a run's peak memory. Strings and comments
// count, and so does an attribute of an unrelated object: a scan can only find too much, which
// keeps a setting and says why, never too little. One shape is not a read: the word as the target
// of a plain assignment (`FILE_CHARSET = "utf-8"`, `A = FILE_CHARSET = x`), which another settings
// module (or any module) binding the same name for itself writes.
//
// In other settings modules only `.NAME` and a quoted "NAME" count: a bare name there is that
// module's own setting or one it star-imports, which the settings rule handles itself (it runs on
// that module too, and a star import of the module being changed is an importer, see
// project-importers.ts); comments there often name the settings they sit beside.
import { readFileSync } from "node:fs";
import path from "node:path";
import { positionOf } from "./engine/text.js";
import { isSettingsPath } from "./roles.js";

/** A reader: "path:line" as shown, and its file (what an answer resting on it depends on). */
export interface WordReader {
  where: string;
  file: string;
}

/** Text before the word on its line, when the word is an assignment target: only names and `=` there. */
const TARGETS_BEFORE = /(?:^|\n)[ \t]*(?:[A-Za-z_]\w*[ \t]*=[ \t]*)*$/;
/** Text after the word when it is assigned: `=` but not `==`. */
const ASSIGNED_AFTER = /^[ \t]*=(?!=)/;

export class ProjectWordReads {
  private readonly answers = new Map<string, WordReader | undefined>();

  /** `files`: the Python files (absolute) to look in, in a stable order (the nearest first). */
  constructor(
    private readonly files: readonly string[],
    private readonly cwd: string,
  ) {}

  /** The first place, in a file other than `except` (absolute), where `name` is read; undefined when nowhere. */
  readerOf(name: string, except: string): WordReader | undefined {
    const key = `${except}\0${name}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.find(name, except);
    this.answers.set(key, answer);
    return answer;
  }

  private find(name: string, except: string): WordReader | undefined {
    if (!/^\w+$/.test(name)) return undefined;
    const word = new RegExp(`\\b${name}\\b`, "g");
    for (const file of this.files) {
      if (file === except) continue;
      const text = readText(file);
      if (text === undefined || !text.includes(name)) continue;
      const shown = path.relative(this.cwd, file) || file;
      const settings = isSettingsPath(shown);
      word.lastIndex = 0;
      for (let match = word.exec(text); match; match = word.exec(text)) {
        const lineStart = text.lastIndexOf("\n", match.index) + 1;
        const before = text.slice(lineStart, match.index);
        const after = text.slice(match.index + name.length, match.index + name.length + 8);
        if (TARGETS_BEFORE.test(before) && ASSIGNED_AFTER.test(after)) continue;
        if (settings && !/(?:\.[ \t]*|["'])$/.test(before)) continue;
        return { where: `${shown}:${positionOf(text, match.index).line}`, file };
      }
    }
    return undefined;
  }
}

/** A file's text, or undefined when it cannot be read (its own result says so). */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "latin1"); // the names asked about are ASCII
  } catch {
    return undefined;
  }
}
