// django/settings-database-postgresql: Django 1.9 renamed the PostgreSQL backend from
// `django.db.backends.postgresql_psycopg2` to `django.db.backends.postgresql` (the old name kept
// working as an alias until Django 3.0 removed it). The ENGINE values of a literal DATABASES
// setting in a settings file are renamed; the quotes and prefix of each string stay as written.
import type { Edit } from "../../src/engine/edits.js";
import { isStringLiteral, settingAssignment } from "../../src/engine/helpers/settings.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const OLD = "django.db.backends.postgresql_psycopg2";
const NEW = "django.db.backends.postgresql";

/** Unwraps parentheses around a single expression. */
function bare(node: Node | null): Node | null {
  let value = node;
  while (value?.type === "parenthesized_expression" && value.namedChildCount === 1) value = value.namedChild(0);
  return value;
}

/** The `pair` nodes of a dict literal (`**other` entries skipped). */
function pairs(dict: Node): Node[] {
  return dict.namedChildren.filter((c): c is Node => c?.type === "pair");
}

export default defineRule({
  id: "django/settings-database-postgresql",
  aliases: ["settings_database_postgresql"],
  framework: "django",
  since: "1.9",
  summary: "ENGINE 'django.db.backends.postgresql_psycopg2' becomes 'django.db.backends.postgresql'",
  description:
    "Django 1.9 renamed the PostgreSQL database backend to `django.db.backends.postgresql`; the old " +
    "`postgresql_psycopg2` name stayed as an alias until Django 3.0 removed it. In settings files, a " +
    "`DATABASES = {...}` dict literal (at module level or in a settings class) whose entries are dict literals " +
    "has each `\"ENGINE\": \"django.db.backends.postgresql_psycopg2\"` value renamed, keeping its quotes. " +
    "Implicitly concatenated strings, f-strings, values built at run time and other settings are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.9/#database-backends",
  needles: ["postgresql_psycopg2"],
  precheck: (text) => text.includes("DATABASES"),
  files: "settings",
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("DATABASES")) {
          const setting = settingAssignment(id);
          const databases = bare(setting?.value ?? null);
          if (databases?.type !== "dictionary") continue;
          for (const entry of pairs(databases)) {
            const config = bare(entry.childForFieldName("value"));
            if (config?.type !== "dictionary") continue;
            for (const option of pairs(config)) {
              const key = option.childForFieldName("key");
              const value = option.childForFieldName("value");
              if (!key || !value || !isStringLiteral("ENGINE")(key) || !isStringLiteral(OLD)(value)) continue;
              const string = bare(value)!;
              const content = string.children.find((c) => c?.type === "string_content")!;
              const edit: Edit = { start: content.startIndex, end: content.endIndex, text: NEW };
              ctx.fix(`ENGINE ${OLD} → ${NEW}`, [edit]);
            }
          }
        }
      },
    };
  },
});
