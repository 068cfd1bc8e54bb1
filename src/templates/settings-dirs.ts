// Template folders named in a settings module: `TEMPLATES = [{"BACKEND": ..., "DIRS": [...]}]` (and
// the pre-1.8 `TEMPLATE_DIRS`), read from the text without running it. Only literal shapes are
// understood — strings, `os.path.join(...)`, `os.path.dirname(...)`, `Path(__file__).resolve()
// .parent`, `BASE_DIR / "templates"`, `str(...)` and names assigned once at the top of the same
// file from those — so a folder is known exactly or not at all. DIRS of a Jinja2 backend are
// returned apart: those templates are not Django templates.
import path from "node:path";

export interface SettingsTemplateDirs {
  django: string[];
  jinja: string[];
}

const STRING = /^[rRuU]?(?:"([^"\\]*)"|'([^'\\]*)')$/;

/** Index of the bracket closing the one at `open`, skipping strings and comments; -1 if none. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const end = triple ? text.indexOf(c.repeat(3), i + 3) : text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = triple ? end + 2 : end;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** Splits at top-level occurrences of `separator` (outside brackets and strings). */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && c === separator) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

class Resolver {
  constructor(private readonly text: string, private readonly file: string) {}

  /** The path an expression stands for, or undefined when it is not a literal shape. */
  resolve(expression: string, depth = 0): string | undefined {
    const expr = expression.replace(/#.*$/gm, "").trim();
    if (depth > 12 || expr === "") return undefined;
    const literal = STRING.exec(expr);
    if (literal) return literal[1] ?? literal[2];
    if (expr === "__file__") return this.file;
    if (expr.startsWith("(") && closing(expr, 0) === expr.length - 1) return this.resolve(expr.slice(1, -1), depth + 1);
    const divided = splitTop(expr, "/");
    if (divided.length > 1) return this.join(divided, depth);
    let m = /^(.*)\.(?:resolve|absolute)\(\)$/s.exec(expr);
    if (m) return this.resolve(m[1]!, depth + 1);
    m = /^(.*)\.parent$/s.exec(expr);
    if (m) return this.dirname(this.resolve(m[1]!, depth + 1), 1);
    m = /^(.*)\.parents\[(\d+)\]$/s.exec(expr);
    if (m) return this.dirname(this.resolve(m[1]!, depth + 1), Number(m[2]) + 1);
    m = /^([\w.]+)\(/.exec(expr);
    if (m && closing(expr, m[0].length - 1) === expr.length - 1) {
      const args = splitTop(expr.slice(m[0].length, -1), ",");
      switch (m[1]) {
        case "os.path.join":
        case "join":
          return this.join(args, depth);
        case "os.path.dirname":
        case "dirname":
          return args.length === 1 ? this.dirname(this.resolve(args[0]!, depth + 1), 1) : undefined;
        case "os.path.abspath":
        case "os.path.realpath":
        case "os.path.normpath":
        case "abspath":
        case "realpath":
        case "Path":
        case "pathlib.Path":
        case "str":
          return args.length === 1 ? this.resolve(args[0]!, depth + 1) : args.length > 1 && m[1].endsWith("Path") ? this.join(args, depth) : undefined;
        default:
          return undefined;
      }
    }
    if (/^[A-Za-z_]\w*$/.test(expr)) {
      // A name bound once at the top of the file, on one line (`A = B = value` binds both).
      const bindings = [...this.text.matchAll(new RegExp(`^(?:[A-Za-z_]\\w*[ \\t]*=[ \\t]*)*${expr}[ \\t]*=(?!=)[ \\t]*([^\\n]+)$`, "gm"))];
      if (bindings.length !== 1) return undefined;
      return this.resolve(bindings[0]![1]!.replace(/^(?:[A-Za-z_]\w*[ \t]*=(?!=)[ \t]*)+/, ""), depth + 1);
    }
    return undefined;
  }

  private join(parts: string[], depth: number): string | undefined {
    const resolved = parts.map((p) => this.resolve(p, depth + 1));
    if (resolved.some((p) => p === undefined)) return undefined;
    return path.join(...(resolved as string[]));
  }

  private dirname(value: string | undefined, times: number): string | undefined {
    let out = value;
    for (let i = 0; i < times && out !== undefined; i++) out = path.dirname(out);
    return out;
  }
}

function listItems(text: string, open: number): string[] {
  const end = closing(text, open);
  return end < 0 ? [] : splitTop(text.slice(open + 1, end), ",");
}

/** Template folders (absolute; may not exist) named by one settings module's text. */
export function templateDirsOf(text: string, file: string): SettingsTemplateDirs {
  const out: SettingsTemplateDirs = { django: [], jinja: [] };
  if (!text.includes("TEMPLATE")) return out;
  const resolver = new Resolver(text, path.resolve(file));
  const add = (into: string[], items: string[]) => {
    for (const item of items) {
      const dir = resolver.resolve(item);
      if (dir !== undefined && path.isAbsolute(dir)) into.push(path.normalize(dir));
    }
  };
  for (const match of text.matchAll(/^TEMPLATES[ \t]*=[ \t]*\[/gm)) {
    const open = match.index! + match[0].length - 1;
    for (const entry of listItems(text, open)) {
      if (!entry.startsWith("{")) continue;
      const backend = /["']BACKEND["']\s*:\s*["']([^"']+)["']/.exec(entry)?.[1] ?? "";
      const dirs = /["']DIRS["']\s*:\s*[[(]/.exec(entry);
      if (!dirs) continue;
      add(/jinja2/i.test(backend) ? out.jinja : out.django, listItems(entry, dirs.index + dirs[0].length - 1));
    }
  }
  for (const match of text.matchAll(/^TEMPLATE_DIRS[ \t]*=[ \t]*[[(]/gm)) {
    add(out.django, listItems(text, match.index! + match[0].length - 1));
  }
  return out;
}
