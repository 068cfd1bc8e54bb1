import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";

/** `since` → old module → names → new module. Each row applies from its own Django version. */
const ROWS: [since: string, from: string, names: string[], to: string][] = [
  ["1.7", "django.contrib.admin", ["ACTION_CHECKBOX_NAME"], "django.contrib.admin.helpers"],
  ["1.7", "django.template.base", ["BaseContext", "Context", "ContextPopException", "RequestContext"], "django.template.context"],
  ["1.9", "django.forms.forms", ["pretty_name"], "django.forms.utils"],
  ["1.9", "django.forms.forms", ["BoundField"], "django.forms.boundfield"],
  ["1.9", "django.forms.extras", ["SelectDateWidget"], "django.forms.widgets"],
  ["1.10", "django.contrib.staticfiles.templatetags.staticfiles", ["static"], "django.templatetags.static"],
  [
    "1.10",
    "django.core.urlresolvers",
    [
      "NoReverseMatch", "Resolver404", "ResolverMatch", "clear_script_prefix", "clear_url_caches", "get_callable",
      "get_mod_func", "get_ns_resolver", "get_resolver", "get_script_prefix", "get_urlconf", "is_valid_path",
      "resolve", "reverse", "reverse_lazy", "set_script_prefix", "set_urlconf", "translate_url",
    ],
    "django.urls",
  ],
  ["1.11", "django.db.models.fields", ["FieldDoesNotExist"], "django.core.exceptions"],
  ["1.11", "django.db.models.query", ["EmptyResultSet"], "django.core.exceptions"],
  ["1.11", "django.db.models.sql", ["EmptyResultSet"], "django.core.exceptions"],
  ["1.11", "django.db.models.sql.datastructures", ["EmptyResultSet"], "django.core.exceptions"],
  ["1.11", "django.test.runner", ["setup_databases"], "django.test.utils"],
  ["2.0", "django.utils.functional", ["lru_cache"], "functools"],
  ["2.0", "django.utils.decorators", ["ContextDecorator"], "contextlib"],
  ["2.0", "django.http.cookie", ["SimpleCookie"], "http.cookies"],
  // Python 2 shims Django 3.0 removed without a deprecation period (no Python 2 from 2.0 on).
  ["2.0", "django.utils.lru_cache", ["lru_cache"], "functools"],
  ["3.1", "django.contrib.postgres.forms", ["JSONField"], "django.forms"],
  ["3.1", "django.contrib.postgres.forms.jsonb", ["JSONField"], "django.forms"],
  ["4.0", "django.template.base", ["TRANSLATOR_COMMENT_MARK"], "django.utils.translation.template"],
  ["6.1", "django.contrib.postgres.aggregates", ["BitAnd", "BitOr", "BitXor"], "django.db.models"],
  ["6.1", "django.contrib.postgres.aggregates.general", ["BitAnd", "BitOr", "BitXor"], "django.db.models"],
];

/** Historical migrations keep the postgres JSONField: Django still supports it there. */
const NOT_IN_MIGRATIONS: [since: string, from: string, names: string[], to: string][] = [
  ["3.1", "django.contrib.postgres.fields", ["JSONField"], "django.db.models"],
  ["3.1", "django.contrib.postgres.fields", ["KeyTransform", "KeyTextTransform"], "django.db.models.fields.json"],
  ["3.1", "django.contrib.postgres.fields.jsonb", ["JSONField"], "django.db.models"],
  ["3.1", "django.contrib.postgres.fields.jsonb", ["KeyTransform", "KeyTextTransform"], "django.db.models.fields.json"],
];

const moves: NameMove[] = [
  // `curry(f, *args, **kwargs)` had functools.partial's signature and behaviour.
  { from: "django.utils.functional.curry", to: "functools.partial", since: "2.0" },
  ...ROWS.flatMap(([since, from, names, to]) => names.map((name) => ({ from: `${from}.${name}`, to: `${to}.${name}`, since }))),
  ...NOT_IN_MIGRATIONS.flatMap(([since, from, names, to]) =>
    names.map((name): NameMove => ({ from: `${from}.${name}`, to: `${to}.${name}`, since, skipRoles: ["migrations"] })),
  ),
];

export default nameMoves({
  id: "django/compatibility-imports",
  aliases: ["compatibility_imports"],
  framework: "django",
  since: "1.7",
  summary: "Names imported from compatibility shims (django.core.urlresolvers & co.) are imported from their real modules",
  description:
    "Over the years Django moved many names and kept the old import paths working for a while: " +
    "`django.core.urlresolvers` became `django.urls` (1.10), `SelectDateWidget` left `django.forms.extras` (1.9), " +
    "`FieldDoesNotExist` and `EmptyResultSet` went to `django.core.exceptions` (1.11), the Python 2 shims " +
    "`lru_cache`, `ContextDecorator` and `SimpleCookie` gave way to the standard library (2.0), the postgres `JSONField` " +
    "family became the cross-database one (3.1; historical migrations are left alone), and the postgres `BitAnd`/`BitOr`/`BitXor` " +
    "aggregates moved to `django.db.models` (6.1). Each move applies only when the target reaches its version. " +
    "Direct imports get a new import line above the old statement (aliases kept, other names untouched); uses through a module " +
    "(`urlresolvers.reverse(...)`) are rewritten too, and an import of a module Django removed is dropped once nothing uses it.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.10/#features-deprecated-in-1-10",
  // Words every import the rule acts on must contain. The common ones (`Context`, `templatetags`)
  // are replaced by the old module path, so ordinary template code does not get parsed for nothing.
  needles: [
    "ACTION_CHECKBOX_NAME", "template.base", "ContextDecorator", "TRANSLATOR_COMMENT_MARK", "pretty_name", "BoundField",
    "SelectDateWidget", "templatetags.staticfiles", "templatetags import staticfiles", "urlresolvers", "FieldDoesNotExist", "EmptyResultSet", "setup_databases", "lru_cache",
    "SimpleCookie", "curry", "JSONField", "KeyTransform", "KeyTextTransform", "BitAnd", "BitOr", "BitXor",
  ],
  removedModules: [
    "django.core.urlresolvers",
    "django.forms.extras",
    "django.contrib.staticfiles.templatetags.staticfiles",
    "django.contrib.postgres.forms.jsonb",
    "django.utils.lru_cache",
  ],
  moves,
});
