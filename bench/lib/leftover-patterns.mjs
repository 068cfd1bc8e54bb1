// Deprecated constructs that bench/corpora.mjs counts in a project before and after a run, grouped
// by framework. A row is { id, what, pattern } where `pattern` is a global RegExp (every match
// counts once) or a function text → count, for constructs a regex cannot delimit (a call's
// arguments). Counting is textual on purpose: it is a second opinion that does not share the
// engine's idea of what a name stands for, so it also counts lookalikes; compare before with
// after, not with zero. Add rows freely (one line each), keeping ids unique within a framework.

/** Counts calls `Name(` whose parenthesized arguments do not contain `needle`. */
function callsWithout(names, needle) {
  const start = new RegExp(`\\b(?:${names.join("|")})\\s*\\(`, "g");
  return (text) => {
    let count = 0;
    for (const match of text.matchAll(start)) {
      let depth = 0;
      let end = match.index + match[0].length - 1;
      for (; end < text.length; end++) {
        const c = text[end];
        if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      if (!text.slice(match.index, end).includes(needle)) count++;
    }
    return count;
  };
}

/** Counts `from werkzeug import ...` statements naming something other than what Werkzeug 1.0 kept. */
function werkzeugTopLevel(text) {
  const kept = new Set(["Request", "Response", "Client", "run_simple", "exceptions", "routing", "__version__", "urls", "utils", "wrappers", "http", "security", "serving", "datastructures", "wsgi", "local", "test", "formparser", "middleware", "debug"]);
  let count = 0;
  for (const m of text.matchAll(/^[ \t]*from[ \t]+werkzeug[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm)) {
    const names = m[1].replace(/[()]/g, "").replace(/#[^\n]*/g, "").split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean);
    if (names.some((n) => !kept.has(n))) count++;
  }
  return count;
}

/** Counts assertQuerysetEqual calls with `<...>` repr strings and no transform (relying on the implicit repr, 4.1). */
function querysetEqualReprs(text) {
  let count = 0;
  for (const m of text.matchAll(/\bassertQuery[sS]etEqual\(/g)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === "(") depth++;
      else if (text[end] === ")" && --depth === 0) break;
    }
    const args = text.slice(m.index, end);
    if (/["']</.test(args) && !args.includes("transform") && !args.includes("values_list")) count++;
  }
  return count;
}

export const LEFTOVER_PATTERNS = {
  django: [
    { id: "core.urlresolvers", what: "django.core.urlresolvers (removed 2.0)", pattern: /\bdjango\.core\.urlresolvers\b/g },
    { id: "fk-no-on_delete", what: "ForeignKey/OneToOneField without on_delete (2.0)", pattern: callsWithout(["ForeignKey", "OneToOneField"], "on_delete") },
    { id: "is_authenticated()", what: "user.is_authenticated()/is_anonymous() called (2.0)", pattern: /\.is_(?:authenticated|anonymous)\(\)/g },
    { id: "allow_tags", what: "admin method .allow_tags (2.0)", pattern: /\.allow_tags\s*=/g },
    { id: "assignment_tag", what: "@register.assignment_tag (2.0)", pattern: /\.assignment_tag\b/g },
    { id: "permalink", what: "@models.permalink (2.1)", pattern: /\bpermalink\b/g },
    { id: "render_to_response", what: "render_to_response (3.0)", pattern: /\brender_to_response\b/g },
    { id: "utils.six", what: "django.utils.six (3.0)", pattern: /\bdjango\.utils(?:\.six\b|\s+import\s+six\b)/g },
    { id: "py2_unicode_compatible", what: "python_2_unicode_compatible (3.0)", pattern: /\bpython_2_unicode_compatible\b/g },
    { id: "postgresql_psycopg2", what: "postgresql_psycopg2 backend (3.0)", pattern: /\bpostgresql_psycopg2\b/g },
    { id: "QuerySetPaginator", what: "QuerySetPaginator (3.1)", pattern: /\bQuerySetPaginator\b/g },
    { id: "multi_db", what: "TestCase multi_db / allow_database_queries (3.1)", pattern: /^\s*(?:multi_db|allow_database_queries)\s*=/gm },
    { id: "force_text", what: "force_text / smart_text (4.0)", pattern: /\b(?:force|smart)_text\b/g },
    { id: "ugettext", what: "ugettext* / ungettext* (4.0)", pattern: /\bun?gettext(?:_lazy|_noop)?\b/g },
    { id: "urlquote", what: "urlquote/urlunquote(_plus) (4.0)", pattern: /\burl(?:un)?quote(?:_plus)?\b/g },
    { id: "is_safe_url", what: "is_safe_url (4.0)", pattern: /\bis_safe_url\b/g },
    { id: "unescape_entities", what: "unescape_entities (4.0)", pattern: /\bunescape_entities\b/g },
    { id: "conf.urls.url", what: "from django.conf.urls import url (4.0)", pattern: /from\s+django\.conf\.urls\s+import\s+(?:\([^)]*|[^\n]*)\burl\b/g },
    { id: "NullBooleanField", what: "NullBooleanField (4.0)", pattern: /\bNullBooleanField\b/g },
    { id: "providing_args", what: "Signal(providing_args=) (4.0)", pattern: /\bproviding_args\b/g },
    { id: "postgres JSONField", what: "django.contrib.postgres JSONField (4.0)", pattern: /django\.contrib\.postgres(?:\.fields)?(?:\.jsonb)?\s+import\s+(?:\([^)]*|[^\n]*)\bJSONField\b/g },
    { id: "PASSWORD_RESET_TIMEOUT_DAYS", what: "PASSWORD_RESET_TIMEOUT_DAYS (4.0)", pattern: /\bPASSWORD_RESET_TIMEOUT_DAYS\b/g },
    { id: "default_app_config", what: "default_app_config (4.1)", pattern: /^\s*default_app_config\s*=/gm },
    { id: "requires_system_checks bool", what: "requires_system_checks = True/False (4.1)", pattern: /\brequires_system_checks\s*=\s*(?:True|False)\b/g },
    { id: "MIDDLEWARE_CLASSES", what: "MIDDLEWARE_CLASSES (2.0; a warning, not a fix)", pattern: /\bMIDDLEWARE_CLASSES\b/g },
    { id: "USE_L10N", what: "USE_L10N setting (5.0)", pattern: /^\s*USE_L10N\s*=/gm },
    { id: "timezone.utc", what: "django.utils.timezone.utc (5.0)", pattern: /\btimezone\.utc\b|from\s+django\.utils\.timezone\s+import\s+(?:\([^)]*|[^\n]*)\butc\b/g },
    { id: "assertFormError(response", what: "assertFormError(response, ...) (5.0)", pattern: /\bassertFormError\(\s*(?:self\.)?(?:response|resp|r)\s*,/g },
    { id: "index_together", what: "Meta.index_together (5.1)", pattern: /\bindex_together\s*=/g },
    { id: "file storage settings", what: "DEFAULT_FILE_STORAGE / STATICFILES_STORAGE (5.1)", pattern: /^\s*(?:DEFAULT_FILE_STORAGE|STATICFILES_STORAGE)\s*=/gm },
    { id: "assertQuerysetEqual", what: "assertQuerysetEqual / assertFormsetError (5.1)", pattern: /\bassert(?:QuerysetEqual|FormsetError)\b/g },
    { id: "CheckConstraint(check=", what: "CheckConstraint(check=) (6.0)", pattern: /\bCheckConstraint\([^)]*?\bcheck\s*=/g },
    { id: "HTTP_ header kwargs", what: "test client HTTP_* keyword headers (style since 4.2)", pattern: /\(\s*[^()]*\bHTTP_[A-Z0-9_]+\s*=/g },
    { id: "META['HTTP_", what: "request.META['HTTP_*'] (style since 2.2)", pattern: /\.META(?:\[\s*|\.get\(\s*)["']HTTP_/g },
    // Calls and signatures (issue 9, django-calls).
    { id: "xreadlines", what: "request.xreadlines() (3.0)", pattern: /\.xreadlines\(\)/g },
    { id: "latest(field_name=", what: "earliest/latest(field_name=) (3.0)", pattern: /\b(?:earliest|latest)\(\s*field_name\s*=/g },
    { id: "from_db_value context", what: "from_db_value(..., context) (3.0)", pattern: /def\s+from_db_value\([^)]*\bcontext\b/g },
    { id: "has_add_permission(request)", what: "def has_add_permission(self, request) (inlines: 3.0; counts ModelAdmins too)", pattern: /def\s+has_add_permission\(\s*self\s*,\s*\w+\s*\)/g },
    { id: "configure_user(user)", what: "def configure_user(self, user) (3.1)", pattern: /def\s+configure_user\(\s*self\s*,\s*\w+\s*\)/g },
    { id: "is_ajax()", what: "request.is_ajax() (4.0)", pattern: /\.is_ajax\(\)/g },
    { id: "assertQuerysetEqual repr", what: "assertQuerysetEqual with repr strings, no transform (4.1)", pattern: querysetEqualReprs },
    { id: "postgres agg no default", what: "ArrayAgg/JSONBAgg/StringAgg without default (5.0)", pattern: callsWithout(["ArrayAgg", "JSONBAgg", "StringAgg"], "default") },
    { id: "nulls_*=False", what: "nulls_first/nulls_last=False (5.0)", pattern: /\bnulls_(?:first|last)\s*=\s*False\b/g },
    { id: "get_next_page", what: "LogoutView get_next_page() overrides (4.1)", pattern: /def\s+get_next_page\b/g },
    { id: "Signer positional", what: "Signer/TimestampSigner positional arguments (5.1)", pattern: /\b(?:Timestamp)?Signer\(\s*(?![\s)*]|\w+\s*=(?!=))/g },
    { id: "forms.URLField no scheme", what: "forms.URLField without assume_scheme (6.0)", pattern: callsWithout(["forms\\.URLField"], "assume_scheme") },
    { id: "BaseConstraint positional", what: "BaseConstraint positional arguments (6.0)", pattern: /\bBaseConstraint\(\s*(?![\s)*]|\w+\s*=(?!=))/g },
    { id: "lookup_allowed(lookup, value)", what: "def lookup_allowed(self, lookup, value) (6.0)", pattern: /def\s+lookup_allowed\(\s*self\s*,\s*\w+\s*,\s*\w+\s*\)/g },
    { id: "save() positional", what: "super()/self .save()/.asave() with positional arguments (6.0; counts form saves too)", pattern: /\b(?:super\([^)]*\)|self)\.a?save\(\s*(?![\s)*]|\w+\s*=(?!=))/g },
    { id: "get_cache_name", what: "get_cache_name() overrides (6.0)", pattern: /def\s+get_cache_name\b/g },
    { id: "login(request, None)", what: "login/alogin(request, None) (6.1)", pattern: /\ba?login\(\s*[\w.]+\s*,\s*None\s*[,)]/g },
    { id: "salted_hmac no algorithm", what: "salted_hmac/base64_hmac without algorithm (7.0)", pattern: callsWithout(["salted_hmac", "base64_hmac"], "algorithm") },
    { id: "values_list(flat=True)", what: "values_list(flat=True) without a field (7.0)", pattern: /\.values_list\(\s*flat\s*=\s*True\s*\)/g },
    { id: "include(app_name=)", what: "include(..., app_name=) (2.0; a warning, not a fix)", pattern: /\binclude\([^)]*\bapp_name\s*=/g },
    // Settings files and imports/names the django-more rules fix or report (deprecations.md §4.5).
    { id: "USE_ETAGS", what: "USE_ETAGS setting (2.1)", pattern: /^\s*USE_ETAGS\s*=/gm },
    { id: "DEFAULT_CONTENT_TYPE", what: "DEFAULT_CONTENT_TYPE setting (3.0)", pattern: /^\s*DEFAULT_CONTENT_TYPE\s*=/gm },
    { id: "FILE_CHARSET", what: "FILE_CHARSET setting (3.1)", pattern: /^\s*FILE_CHARSET\s*=/gm },
    { id: "DEFAULT_HASHING_ALGORITHM", what: "DEFAULT_HASHING_ALGORITHM setting (4.0)", pattern: /^\s*DEFAULT_HASHING_ALGORITHM\s*=/gm },
    { id: "MemcachedCache", what: "MemcachedCache cache backend (4.1)", pattern: /\bmemcached\.MemcachedCache\b/g },
    { id: "USE_DEPRECATED_PYTZ", what: "USE_DEPRECATED_PYTZ setting (5.0)", pattern: /^\s*USE_DEPRECATED_PYTZ\s*=/gm },
    { id: "TEST SERIALIZE", what: "DATABASES TEST SERIALIZE (5.0)", pattern: /["']SERIALIZE["']\s*:/g },
    { id: "CSRF_COOKIE_MASKED", what: "CSRF_COOKIE_MASKED setting (5.0)", pattern: /^\s*CSRF_COOKIE_MASKED\s*=/gm },
    { id: "DivFormRenderer", what: "Div form renderers (6.0)", pattern: /\b(?:Django|Jinja2)DivFormRenderer\b/g },
    { id: "string_concat", what: "string_concat (2.1)", pattern: /\bstring_concat\b/g },
    { id: "is_safe_url(host=", what: "is_safe_url(host=) (2.1)", pattern: /\bis_safe_url\([^)]*\bhost\s*=/g },
    { id: "py2 shims", what: "available_attrs / curry / django.utils.lru_cache (3.0)", pattern: /\bavailable_attrs\b|from\s+django\.utils\.functional\s+import\s+(?:\([^)]*|[^\n]*)\bcurry\b|\bdjango\.utils\.lru_cache\b/g },
    { id: "cookie_date", what: "django.utils.http cookie_date (3.0)", pattern: /from\s+django\.utils\.http\s+import\s+(?:\([^)]*|[^\n]*)\bcookie_date\b|\bhttp\.cookie_date\b/g },
    { id: "domain_whitelist", what: "EmailValidator domain_whitelist (4.1)", pattern: /\bdomain_whitelist\b/g },
    { id: "datetime_safe", what: "django.utils.datetime_safe (5.0)", pattern: /\bdatetime_safe\b/g },
    { id: "cached_property(name=", what: "cached_property(..., name=) (5.0)", pattern: /\bcached_property\([^)]*\bname\s*=/g },
    { id: "get_storage_class", what: "get_storage_class (5.1)", pattern: /\bget_storage_class\b/g },
    { id: "ChoicesMeta", what: "ChoicesMeta (6.0)", pattern: /\bChoicesMeta\b/g },
    { id: "is_iterable", what: "itercompat.is_iterable (6.0)", pattern: /\bitercompat\b/g },
    // Issue 9, the rest of D24/D62/D68/D101 (django helper).
    { id: "six uses", what: "six.X uses and six imports (django.utils.six removed in 3.0; counts the six package too)", pattern: /\bsix\.\w+|^[ \t]*(?:import[ \t]+six\b|from[ \t]+six\b)/gm },
    { id: "EMAIL_* settings", what: "EMAIL_BACKEND/HOST/PORT/... connection settings (MAILERS, 7.0)", pattern: /^[ \t]*EMAIL_(?:BACKEND|HOST|PORT|HOST_USER|HOST_PASSWORD|USE_TLS|USE_SSL|SSL_CERTFILE|SSL_KEYFILE|TIMEOUT|FILE_PATH)[ \t]*=/gm },
    { id: "py2 test helpers", what: "patch_logger / str_prefix / SafeBytes / upath / npath / abspathu (3.0; a warning)", pattern: /\b(?:patch_logger|str_prefix|SafeBytes|upath|npath|abspathu)\b/g },
    { id: "log_deletion/log_action", what: "ModelAdmin.log_deletion / log_action (6.0; a warning)", pattern: /\.log_(?:deletion|action)\(|def\s+log_deletion\b/g },
    { id: "transitional 6.x settings", what: "URLIZE_ASSUME_HTTPS / USE_BLANK_CHOICE_DASH / SIGNED_COOKIE_LEGACY_SALT_FALLBACK (7.0; a warning)", pattern: /^[ \t]*(?:URLIZE_ASSUME_HTTPS|USE_BLANK_CHOICE_DASH|SIGNED_COOKIE_LEGACY_SALT_FALLBACK)[ \t]*=/gm },
    { id: "BLANK_CHOICE_DASH", what: "BLANK_CHOICE_DASH (7.0; a warning)", pattern: /\bBLANK_CHOICE_DASH\b/g },
    { id: "select_related()", what: "select_related() without fields / list_select_related = True (7.0; a warning)", pattern: /\.select_related\(\s*\)|^[ \t]*list_select_related[ \t]*=[ \t]*True\b/gm },
    { id: "5.1 review hooks", what: "OS_OPEN_FLAGS / .coord_dim = / get_placeholder overrides (6.0, 7.0; a warning)", pattern: /\bOS_OPEN_FLAGS\b|\.coord_dim[ \t]*=(?!=)|def[ \t]+get_placeholder\b/g },
    { id: "mail BadHeaderError", what: "django.core.mail BadHeaderError (7.0)", pattern: /from\s+django\.core\.mail(?:\.message)?\s+import\s+(?:\([^)]*|[^\n]*)\bBadHeaderError\b|\bmail\.BadHeaderError\b/g },
    // Issue 9, the review rows found by shape (django4): findings, so before = after; the count shows what is left to do by hand.
    { id: "django-admin.py", what: "\"django-admin.py\" in Python strings (4.0; a warning)", pattern: /["'][^"'\n]*(?<![\w.-])django-admin\.py(?!\w)/g },
    { id: "order_by raw column", what: "order_by(\"table.column\") (4.0; a warning)", pattern: /\.order_by\([^)]*["'][-+]?\w+(?:\.\w+)+["']/g },
    { id: "Value(JSON text)", what: "Value(\"<JSON text>\") without output_field (5.1; a warning; counts non-JSONField uses too)", pattern: /\bValue\(\s*(?:"(?:\[|\{|null"|true"|false"|\\"|-?\d)|'(?:\[|\{|null'|true'|false'|"|-?\d))[^)]*\)/g },
    { id: "attach(MIME...)", what: "EmailMessage.attach(<email.mime object>) (7.0; a warning; counts MIMEMultipart receivers too)", pattern: /\.attach\(\s*(?:\w+\.)*(?:Safe)?MIME\w*\(/g },
    { id: "VERSION 3-part", what: "django.VERSION compared with 3+ components or indexed from [2] (7.0; a warning)", pattern: /\bVERSION\s*(?:[<>]=?|[!=]=)\s*\(\s*\d+\s*,\s*\d+\s*,|\bVERSION\s*\[\s*(?:[2-4]|-[1-3]|:\s*[3-5]|[2-4]?\s*:)\s*\]/g },
    { id: "client.get(logout)", what: "test client GET to LogoutView: reverse(\"logout\"/\"admin:logout\") or /admin/logout/ (5.0; a warning)", pattern: /client\.get\(\s*(?:\w*reverse\w*\(\s*["'](?:admin:)?logout["']|["'](?:\/[a-z]{2}(?:[-_]\w+)?)?\/admin\/logout)/g },
    { id: "6.1 hook signatures", what: "get_actions/get_action_choices(self, request[, default_choices]) / from_db(cls, db, field_names, values) (7.0; a warning)", pattern: /def\s+get_actions\(\s*self\s*,\s*\w+\s*\)|def\s+get_action_choices\(\s*self\s*,\s*\w+\s*(?:,\s*\w+\s*(?:=[^,()]*)?)?\)|def\s+from_db\(\s*cls\s*,\s*\w+\s*,\s*\w+\s*,\s*\w+\s*\)/g },
  ],
  flask: [
    { id: "flask.ext", what: "flask.ext.* imports (1.0)", pattern: /\bflask\.ext\b/g },
    { id: "ctx stacks", what: "_app_ctx_stack / _request_ctx_stack (3.0)", pattern: /\b_(?:app|request)_ctx_stack\b/g },
    { id: "werkzeug.contrib", what: "werkzeug.contrib (1.0)", pattern: /\bwerkzeug\.contrib\b/g },
    { id: "before_first_request", what: "before_first_request (2.3)", pattern: /\bbefore_first_request\b/g },
    { id: "flask.json.JSONEncoder", what: "JSONEncoder/JSONDecoder from flask.json (2.3)", pattern: /from\s+flask\.json\s+import\s+(?:\([^)]*|[^\n]*)\bJSON(?:En|De)coder\b/g },
    // Werkzeug, MarkupSafe and itsdangerous (the libraries a Flask target upgrades too).
    { id: "werkzeug top-level", what: "from werkzeug import <helper> (Werkzeug 1.0)", pattern: werkzeugTopLevel },
    { id: "wsgi middleware", what: "Dispatcher/SharedData/ProxyMiddleware from werkzeug.wsgi (1.0)", pattern: /\bwerkzeug\.wsgi\s+import\s+(?:\([^)]*|[^\n]*)\b(?:Dispatcher|SharedData|Proxy)Middleware\b/g },
    { id: "is_xhr", what: "request.is_xhr (Werkzeug 1.0)", pattern: /\.is_xhr\b/g },
    { id: "BaseRequest/BaseResponse", what: "BaseRequest / BaseResponse (Werkzeug 2.1)", pattern: /\bBase(?:Request|Response)\b/g },
    { id: "wrapper mixins", what: "Werkzeug wrapper mixins (2.1)", pattern: /\b(?:Accept|Authorization|WWWAuthenticate|Common(?:Request|Response)Descriptors|CORS(?:Request|Response)|ETag(?:Request|Response)|UserAgent|ResponseStream|StreamOnly|JSONRequest)Mixin\b/g },
    { id: "safe_str_cmp", what: "safe_str_cmp (Werkzeug 2.1)", pattern: /\bsafe_str_cmp\b/g },
    { id: "werkzeug.utils escape", what: "escape/unescape/format_string from werkzeug(.utils) (2.1; a warning)", pattern: /\bwerkzeug(?:\.utils)?\s+import\s+(?:\([^)]*|[^\n]*)\b(?:escape|unescape|format_string)\b/g },
    { id: "cookie_date", what: "cookie_date (Werkzeug 2.1)", pattern: /\bcookie_date\b/g },
    { id: "useragents", what: "werkzeug.useragents (2.1; a warning)", pattern: /\bwerkzeug\.useragents\b/g },
    { id: "werkzeug.urls helpers", what: "url_quote/url_unquote/url_join/url_parse/url_encode/... (Werkzeug 3.0)", pattern: /\burl_(?:quote|quote_plus|unquote|unquote_plus|join|parse|unparse|encode|decode|fix)\b/g },
    { id: "auth header parsers", what: "parse_authorization_header / parse_www_authenticate_header (Werkzeug 3.0)", pattern: /\bparse_(?:authorization|www_authenticate)_header\b/g },
    { id: "werkzeug.__version__", what: "werkzeug.__version__ (3.1)", pattern: /\bwerkzeug\.__version__\b|from\s+werkzeug\s+import\s+[^\n]*\b__version__\b/g },
    { id: "soft_unicode", what: "markupsafe soft_unicode (MarkupSafe 2.1)", pattern: /\bsoft_unicode\b/g },
    { id: "JWS serializers", what: "(Timed)JSONWebSignatureSerializer (itsdangerous 2.1; a warning)", pattern: /\bJSONWebSignatureSerializer\b/g },
    { id: "itsdangerous.json", what: "from itsdangerous import json (2.1)", pattern: /from\s+itsdangerous\s+import\s+(?:\([^)]*|[^\n]*)\bjson\b/g },
    // Flask (F rows) and Jinja (J rows) handled by codemods/flask and codemods/jinja.
    { id: "Markup/escape from flask/jinja2", what: "Markup / escape imported from flask or jinja2 (Flask 3.0, Jinja 3.1)", pattern: /\bfrom\s+(?:flask|jinja2(?:\.utils)?)\s+import\s+(?:\([^)]*|[^\n]*)\b(?:Markup|escape)\b|\b(?:flask|jinja2)\.(?:Markup|escape)\b/g },
    { id: "send_file old keywords", what: "attachment_filename= / cache_timeout= / add_etags= / filename_or_fp= (Flask 2.2)", pattern: /\b(?:attachment_filename|cache_timeout|add_etags|filename_or_fp)\s*=(?!=)/g },
    { id: "jinja context decorators", what: "contextfilter / contextfunction / evalcontext* / environment* (Jinja 3.1)", pattern: /\b(?:(?:eval)?context|environment)(?:filter|function)\b/g },
    { id: "jinja with_/autoescape ext", what: '"jinja2.ext.with_" / "jinja2.ext.autoescape" (Jinja 3.1)', pattern: /jinja2\.ext\.(?:with_|autoescape)\b|\b(?:With|AutoEscape)Extension\b/g },
    { id: "unicode_urlencode", what: "jinja2.utils.unicode_urlencode (Jinja 3.1)", pattern: /\bunicode_urlencode\b/g },
    { id: "flask safe_join", what: "safe_join from flask (Flask 2.1)", pattern: /\bfrom\s+flask(?:\.helpers)?\s+import\s+(?:\([^)]*|[^\n]*)\bsafe_join\b|\bflask\.(?:helpers\.)?safe_join\b/g },
    { id: "config.from_json", what: "config.from_json (Flask 2.1)", pattern: /\.config\.from_json\(/g },
    { id: "app config attributes", what: "app.use_x_sendfile / session_cookie_name / send_file_max_age_default / templates_auto_reload / propagate_exceptions (Flask 2.3)", pattern: /\.(?:use_x_sendfile|session_cookie_name|send_file_max_age_default|templates_auto_reload|propagate_exceptions)\b/g },
    { id: "json_encoder", what: "app.json_encoder / json_decoder (Flask 2.3)", pattern: /\bjson_(?:en|de)coder\s*=/g },
    { id: "flask JSON config keys", what: "JSON_AS_ASCII / JSON_SORT_KEYS / JSONIFY_* (Flask 2.3; a warning)", pattern: /\b(?:JSON_AS_ASCII|JSON_SORT_KEYS|JSONIFY_MIMETYPE|JSONIFY_PRETTYPRINT_REGULAR)\b/g },
    { id: "locked_cached_property", what: "flask.helpers.locked_cached_property (Flask 3.0)", pattern: /\blocked_cached_property\b/g },
    { id: "make_test_environ_builder", what: "make_test_environ_builder (Flask 2.0)", pattern: /\bmake_test_environ_builder\b/g },
    { id: "flask.__version__", what: "flask.__version__ (Flask 3.2)", pattern: /\bflask\.__version__\b|from\s+flask\s+import\s+[^\n]*\b__version__\b/g },
    // Werkzeug rows made fixes in issue 8's second pass (codemods/werkzeug-fixes.ts).
    { id: "invalidate_cached_property", what: "werkzeug invalidate_cached_property (2.1)", pattern: /\binvalidate_cached_property\b/g },
    { id: "pbkdf2_hex/bin", what: "werkzeug.security pbkdf2_hex / pbkdf2_bin (2.1)", pattern: /\bpbkdf2_(?:hex|bin)\b/g },
    { id: "url_decode", what: "werkzeug.urls url_decode (3.0)", pattern: /\bwerkzeug(?:\.urls)?\s+import\s+(?:\([^)]*|[^\n]*)\burl_decode\b|\burls\.url_decode\b/g },
    { id: "headers.to_list", what: "headers.to_list() (Werkzeug 1.0)", pattern: /\.headers\.to_list\(/g },
    { id: "num_proxies", what: "ProxyFix(num_proxies=) (Werkzeug 1.0)", pattern: /\bnum_proxies\s*=(?!=)/g },
    { id: "as_bytes", what: "Headers.get/getlist(as_bytes=) (Werkzeug 3.0)", pattern: /\bas_bytes\s*=(?!=)/g },
    { id: "test client tuple", what: "test client as_tuple= (Werkzeug 2.1)", pattern: /\bas_tuple\s*=(?!=)/g },
    { id: "OrderedMultiDict", what: "(Immutable)OrderedMultiDict (Werkzeug 3.2; a warning)", pattern: /\b(?:Immutable)?OrderedMultiDict\b/g },
    { id: "WWWAuthenticate setters", what: "www_authenticate.set_basic/set_digest (Werkzeug 3.0)", pattern: /\.set_(?:basic|digest)\(/g },
    { id: "request_globals_class", what: "Flask.request_globals_class (Flask 1.0)", pattern: /\brequest_globals_class\b/g },
    { id: "json/signals_available", what: "flask.json_available / signals_available (Flask 2.0 / 3.0)", pattern: /\b(?:json|signals)_available\b/g },
    { id: "htmlsafe_dumps", what: "flask.json.htmlsafe_dump(s) (Flask 2.3)", pattern: /\bhtmlsafe_dumps?\b/g },
    { id: "RequestContext.g", what: "ctx.g on a request context (Flask 2.2; textual: any `*ctx.g`)", pattern: /\b\w*ctx\.g\b/g },
    { id: "ENV / FLASK_ENV", what: "ENV config key / FLASK_ENV (Flask 2.3; a warning)", pattern: /\bFLASK_ENV\b|^[ \t]*ENV[ \t]*=/gm },
  ],
};
