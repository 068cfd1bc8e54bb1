// django/settings-storages: Django 4.2 folded the DEFAULT_FILE_STORAGE and STATICFILES_STORAGE
// settings into one STORAGES dict (the old settings went in Django 5.1). Module-level string
// assignments in a settings file are replaced by one STORAGES assignment, all at once or not at all.
import type { Edit } from "../../src/engine/edits.js";
import { isStringLiteral, settingAssignment } from "../../src/engine/helpers/settings.js";
import { ownsItsLines, removeStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

/** Old setting → STORAGES key and Django's default backend for it. */
const SETTINGS = [
  { name: "DEFAULT_FILE_STORAGE", key: "default", backend: "django.core.files.storage.FileSystemStorage" },
  { name: "STATICFILES_STORAGE", key: "staticfiles", backend: "django.contrib.staticfiles.storage.StaticFilesStorage" },
] as const;

export default defineRule({
  id: "django/settings-storages",
  aliases: ["settings_storages"],
  framework: "django",
  since: "4.2",
  summary: "DEFAULT_FILE_STORAGE / STATICFILES_STORAGE become one STORAGES setting",
  description:
    "Django 4.2 deprecated the `DEFAULT_FILE_STORAGE` and `STATICFILES_STORAGE` settings in favour of the `STORAGES` " +
    "dict; Django 5.1 removed them. In settings files, module-level assignments of a plain string to either setting " +
    "are replaced by one `STORAGES = {...}` assignment where the first of them stood, with a `\"default\"` and a " +
    "`\"staticfiles\"` entry; a setting the file does not assign gets Django's old default backend, so the behaviour " +
    "stays the same. Nothing is changed (a finding says why) when a value is not a plain string, either setting is " +
    "assigned more than once, inside a block, or mentioned anywhere else, `STORAGES` is already mentioned, or the " +
    "file has a star import (the settings it inherits could make a complete `STORAGES` dict wrong).",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: SETTINGS.map((s) => s.name),
  files: "settings",
  create(ctx) {
    return {
      module() {
        const found: { key: string; statement: Node; value: Node; end: number; comment: string }[] = [];
        let first: Node | undefined;
        const leave = (at: Node, why: string) =>
          ctx.report(at, `DEFAULT_FILE_STORAGE / STATICFILES_STORAGE were removed in Django 5.1 but were left alone: ${why}; write STORAGES by hand`);
        for (const setting of SETTINGS) {
          const ids = ctx.facts.identifiers(setting.name);
          if (ids.length === 0) continue;
          first ??= ids[0];
          if (ids.length > 1) return leave(ids[1]!, `${setting.name} is mentioned more than once`);
          const assignment = settingAssignment(ids[0]!);
          if (!assignment || assignment.chained || assignment.statement.parent?.type !== "module") {
            return leave(ids[0]!, `${setting.name} is not a plain module-level assignment`);
          }
          if (!isStringLiteral()(assignment.value)) return leave(assignment.value, `${setting.name} is not a plain string`);
          if (!ownsItsLines(ctx.source, assignment.statement)) return leave(ids[0]!, `${setting.name} shares its line with other code`);
          let value = assignment.value;
          while (value.type === "parenthesized_expression") value = value.namedChild(0)!;
          // A comment after the assignment moves along with its value.
          const trailing = /^[ \t\f]*(#[^\r\n]*)/.exec(ctx.source.slice(assignment.statement.endIndex));
          found.push({
            key: setting.key, statement: assignment.statement, value,
            end: assignment.statement.endIndex + (trailing ? trailing[0].length : 0), comment: trailing ? `  ${trailing[1]}` : "",
          });
        }
        if (!first || found.length === 0) return;
        const storages = ctx.facts.identifiers("STORAGES")[0];
        if (storages) return leave(storages, "STORAGES is already mentioned in this file");
        const star = /\bimport\s*\*/.test(ctx.source) ? starImport(ctx.root) : undefined;
        if (star) return leave(star, "a star import may already provide storage settings");
        const nl = ctx.newline;
        const entries = SETTINGS.map((s) => {
          const given = found.find((f) => f.key === s.key);
          const value = given?.value.text ?? `"${s.backend}"`;
          return `    "${s.key}": {${nl}        "BACKEND": ${value},${given?.comment ?? ""}${nl}    },${nl}`;
        });
        const sorted = [...found].sort((a, b) => a.statement.startIndex - b.statement.startIndex);
        const [head, ...rest] = sorted;
        const edits: Edit[] = [{ start: head!.statement.startIndex, end: head!.end, text: `STORAGES = {${nl}${entries.join("")}}` }];
        for (const other of rest) edits.push(...removeStatement(ctx.source, other.statement));
        ctx.fix(`${found.map((f) => f.key === "default" ? "DEFAULT_FILE_STORAGE" : "STATICFILES_STORAGE").join(" and ")} → STORAGES`, edits);
      },
    };
  },
});

/** A `from m import *` statement anywhere in the file. */
function starImport(root: Node): Node | undefined {
  for (const statement of root.descendantsOfType("import_from_statement")) {
    if (statement?.namedChildren.some((c) => c?.type === "wildcard_import")) return statement;
  }
  return undefined;
}
