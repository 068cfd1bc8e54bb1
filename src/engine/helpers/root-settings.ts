// Inserting a setting whose default changed into the settings module Django loads, so the project
// keeps its old behaviour. Only a root settings module qualifies: one that assigns both
// INSTALLED_APPS and ROOT_URLCONF at module level, or the one manage.py / wsgi.py / asgi.py name in
// DJANGO_SETTINGS_MODULE (read through the project view). The setting must be set nowhere the file
// can see: not in its text, not through a star import the project view can answer for. When that
// cannot be known (an unresolved star import, `globals()` tricks) or the module only looks like a
// part of the settings, the rule reports instead of guessing.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { lineEndWithNewline } from "../text.js";
import { settingAssignments } from "./settings-literals.js";

export type RootSettingsVerdict =
  | { kind: "insert"; edit: Edit }
  /** The module should set it but the file cannot tell whether something else does. */
  | { kind: "report"; at: Node | number; reason: string }
  | { kind: "nothing" };

/** Module-level assignments of `name`. */
function assignedAtModuleLevel(ctx: RuleContext, name: string): Node[] {
  return settingAssignments(ctx, name).filter((a) => a.statement.parent?.type === "module").map((a) => a.statement);
}

const SETTINGS_MODULE = /DJANGO_SETTINGS_MODULE['"]\s*(?:,|\]\s*=)\s*['"]([\w.]+)['"]/g;

/**
 * Whether manage.py, or a wsgi/asgi module in this file's packages, names this file as
 * DJANGO_SETTINGS_MODULE ("this"), names another project module ("other"), or neither is known.
 */
export function namedByEntryPoint(ctx: RuleContext): "this" | "other" | "unknown" {
  const project = ctx.project;
  if (!project) return "unknown";
  let other = false;
  const own = ctx.filename.replace(/\\/g, "/");
  const packageParts = own.split("/").slice(0, -1);
  const entryPoints = ["manage"];
  for (let i = packageParts.length; i > 0; i--) {
    const pkg = packageParts.slice(0, i).join(".");
    entryPoints.push(`${pkg}.wsgi`, `${pkg}.asgi`);
  }
  for (const spec of entryPoints) {
    const entry = project.module(spec);
    if (!entry) continue;
    for (const match of entry.source.matchAll(SETTINGS_MODULE)) {
      const named = project.module(match[1]!);
      if (named && named.filename.replace(/\\/g, "/") === own) return "this";
      if (named) other = true;
    }
  }
  return other ? "other" : "unknown";
}

/** What a star import at module level tells about `name`: bound there, maybe bound, or nothing. */
function starBinding(ctx: RuleContext, name: string): "binds" | "maybe" | "no" {
  const bindings = ctx.facts.table(name).bindings.get(ctx.root.id) ?? [];
  const stars = bindings.filter((b) => b.star);
  if (stars.some((s) => s.starBinds)) return "binds";
  return stars.length > 0 ? "maybe" : "no";
}

/**
 * Decides whether `line` (`USE_TZ = False`) goes into this file, after the module-level assignment
 * of the first of `after` that the file has (else at the end of the file).
 */
export function rootSettingsInsert(ctx: RuleContext, setting: string, lines: string[], after: string[]): RootSettingsVerdict {
  // Any mention at all (an assignment, env("USE_TZ"), a comment-free string) means it is handled.
  if (ctx.source.includes(setting)) return { kind: "nothing" };
  const apps = assignedAtModuleLevel(ctx, "INSTALLED_APPS");
  const urls = assignedAtModuleLevel(ctx, "ROOT_URLCONF");
  const first = apps[0] ?? urls[0];
  if (!first) return { kind: "nothing" };
  const star = starBinding(ctx, setting);
  if (star === "binds") return { kind: "nothing" };
  const importedApps = starBinding(ctx, "INSTALLED_APPS") === "binds";
  const importedUrls = starBinding(ctx, "ROOT_URLCONF") === "binds";
  // A star-imported module that is itself a root settings module gets the line there.
  if (importedApps && importedUrls) return { kind: "nothing" };
  const named = namedByEntryPoint(ctx);
  const root = isRootSettingsModule(ctx);
  if (!root) {
    // INSTALLED_APPS is the mark of a project's main settings; a module with only ROOT_URLCONF, or
    // one beside the module manage.py names (which gets the line), is left quiet.
    if (apps.length === 0 || named === "other") return { kind: "nothing" };
    return { kind: "report", at: apps[0]!, reason: "this module sets INSTALLED_APPS but not ROOT_URLCONF, and is not known to be the settings module Django loads" };
  }
  if (star === "maybe") return { kind: "report", at: first, reason: "a star import in this module may set it (its module is not known here)" };
  if (/\bglobals\(\)|\bexec\(|\bsetattr\(/.test(ctx.source)) {
    return { kind: "report", at: first, reason: "this module sets names through globals()/exec/setattr" };
  }
  const anchor = after.map((name) => assignedAtModuleLevel(ctx, name).at(-1)).find((s) => s !== undefined);
  const text = lines.map((l) => l + ctx.newline).join("");
  if (anchor) {
    const at = lineEndWithNewline(ctx.source, anchor.endIndex);
    // A statement on the last line without a newline: start a new line first.
    const needsNewline = at === ctx.source.length && !/[\r\n]$/.test(ctx.source);
    return { kind: "insert", edit: { start: at, end: at, text: (needsNewline ? ctx.newline : "") + text } };
  }
  const end = ctx.source.length;
  const prefix = end === 0 || /[\r\n]$/.test(ctx.source) ? "" : ctx.newline;
  return { kind: "insert", edit: { start: end, end, text: `${prefix}${ctx.newline}${text}` } };
}

/**
 * True when this module is one rootSettingsInsert writes into: it assigns (or star-imports)
 * INSTALLED_APPS and ROOT_URLCONF, or an entry point names it. A rule that deletes a setting whose
 * absence an insert rule reads (DEFAULT_AUTO_FIELD) leaves such modules alone, or the next pass
 * would insert the old default in its place.
 */
export function isRootSettingsModule(ctx: RuleContext): boolean {
  const apps = assignedAtModuleLevel(ctx, "INSTALLED_APPS").length > 0 || starBinding(ctx, "INSTALLED_APPS") === "binds";
  const urls = assignedAtModuleLevel(ctx, "ROOT_URLCONF").length > 0 || starBinding(ctx, "ROOT_URLCONF") === "binds";
  return (apps && urls) || namedByEntryPoint(ctx) === "this";
}

/**
 * Cheap test on the raw text: does some line assign INSTALLED_APPS or ROOT_URLCONF (plain,
 * chained, augmented, annotated or in a target list)? A module that only reads them (apps, tests)
 * cannot be a root settings module, so the insert rules need not parse it.
 */
export function mayAssignRootSettings(text: string): boolean {
  return /^[ \t]*[\w\s,()*[\]=]*\b(?:INSTALLED_APPS|ROOT_URLCONF)\b[\w\s,()*[\]]*(?::[^=\n]*)?[+]?=(?!=)/m.test(text);
}
