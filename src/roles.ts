// File roles from the project-relative path, with the same word-boundary conventions Django
// users know from django-upgrade (`prod_settings.py` is a settings file, `upsettings.py` is not).
import { flaskRoles, type FlaskRole } from "./flask-roles.js";

export type FileRole = "settings" | "tests" | "migrations" | "models" | "admin" | "urls" | "commands" | "init" | FlaskRole;

const ROLE_PATTERNS: [FileRole, RegExp][] = [
  ["settings", /(?:^|[^a-zA-Z0-9])settings(?:[^a-zA-Z0-9]|$)/],
  ["tests", /(?:^|[^a-zA-Z0-9])tests?(?:[^a-zA-Z0-9]|$)/],
  ["migrations", /(?:^|\/)migrations\//],
  ["models", /(?:^|\/)models(?:\.py$|\/)/],
  ["admin", /(?:^|[^a-zA-Z0-9])admin(?:[^a-zA-Z0-9]|$)/],
  ["urls", /(?:^|[^a-zA-Z0-9])urls(?:[^a-zA-Z0-9]|$)/],
  ["commands", /(?:^|\/)management\/commands\//],
  ["init", /(?:^|\/)__init__\.py$/],
];

const SETTINGS = ROLE_PATTERNS.find(([role]) => role === "settings")![1];

/** fileRoles(relativePath).has("settings"), without building the set: asked of every file a run finds. */
export function isSettingsPath(relativePath: string): boolean {
  return SETTINGS.test(relativePath.replace(/\\/g, "/"));
}

/** Roles from the path; with the file's text, also the Flask roles read from its content. */
export function fileRoles(relativePath: string, text?: string): Set<FileRole> {
  const path = relativePath.replace(/\\/g, "/");
  const roles = new Set<FileRole>();
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(path)) roles.add(role);
  if (text !== undefined) for (const role of flaskRoles(path, text)) roles.add(role);
  return roles;
}
