// django/postgresql-psycopg2-module: Django 1.9 renamed the PostgreSQL backend package from
// django.db.backends.postgresql_psycopg2 to django.db.backends.postgresql and kept the old
// package as an alias until 3.0. Imports of the old package and its modules (a custom backend's
// `from django.db.backends.postgresql_psycopg2.base import DatabaseWrapper`) name the new one.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const OLD = "postgresql_psycopg2";
const PARENT = "django.db.backends";

/** True when `dotted` (a dotted_name) is django.db.backends.postgresql_psycopg2[...] and `id` is its fourth part. */
function isOldPackagePart(dotted: Node, id: Node): boolean {
  const parts = dotted.namedChildren.filter((c): c is Node => c !== null);
  return parts.length >= 4 && parts[3]!.id === id.id && parts.slice(0, 3).map((p) => p.text).join(".") === PARENT;
}

export default defineRule({
  id: "django/postgresql-psycopg2-module",
  framework: "django",
  since: "1.9",
  summary: "imports of django.db.backends.postgresql_psycopg2 name django.db.backends.postgresql",
  description:
    "Django 1.9 renamed the PostgreSQL backend package to `django.db.backends.postgresql`; the old `postgresql_psycopg2` " +
    "package stayed as an alias until Django 3.0 removed it. `from django.db.backends.postgresql_psycopg2[.mod] import ...` " +
    "and `import django.db.backends.postgresql_psycopg2[.mod] [as x]` name the new package, and so do attribute chains " +
    "`django.db.backends.postgresql_psycopg2....` on an imported `django`. `from django.db.backends import " +
    "postgresql_psycopg2` becomes `... import postgresql as postgresql_psycopg2`, so uses keep their name. The `ENGINE` " +
    "setting string is the job of `django/settings-database-postgresql`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.9/#database-backends",
  needles: [OLD],
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers(OLD)) {
          const parent = id.parent;
          let edit: Edit | undefined;
          if (parent?.type === "dotted_name" && isOldPackagePart(parent, id)) {
            edit = { start: id.startIndex, end: id.endIndex, text: "postgresql" };
          } else if (parent?.type === "dotted_name" && parent.namedChildCount === 1) {
            // `from django.db.backends import postgresql_psycopg2`: the imported name keeps its local name.
            const aliased = parent.parent?.type === "aliased_import";
            const statement = aliased ? parent.parent!.parent : parent.parent;
            const module = statement?.type === "import_from_statement" ? statement.childForFieldName("module_name") : null;
            if (module?.text.replace(/\s+/g, "") === PARENT && module.id !== parent.id) {
              edit = { start: id.startIndex, end: id.endIndex, text: aliased ? "postgresql" : `postgresql as ${OLD}` };
            }
          } else if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) {
            const object = parent.childForFieldName("object")!;
            if (ctx.facts.qualifiedName(object) === PARENT) edit = { start: id.startIndex, end: id.endIndex, text: "postgresql" };
          }
          if (edit) ctx.fix(`${OLD} → postgresql`, [edit]);
        }
      },
    };
  },
});
