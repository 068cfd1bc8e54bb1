// Roles of a Flask project's files, read from their content because Flask imposes no layout: an
// app factory is wherever `create_app` is defined or `Flask(__name__)` is called, and a config
// module is wherever the settings live (`config.py`, `settings.py`, `instance/prod.py`, a class
// holding Flask's upper-case keys). Only files that passed the prefilter are looked at, with
// regular expressions, so this costs a scan of text already in memory.
export type FlaskRole = "flask-app" | "flask-config";

const MENTIONS_FLASK = /\bflask\b/i;
const DEFINES_FACTORY = /^[ \t]*def[ \t]+create_app[ \t]*\(/m;
const BUILDS_APP = /^[^#\n]*\bFlask\(\s*(?:import_name\s*=\s*)?__name__\b/m;
const IMPORTS_DJANGO = /^[ \t]*(?:from|import)[ \t]+django\b/m;

/** Keys that only Flask (or its common extensions) reads: a Django settings file has none. */
const FLASK_KEYS =
  /^[ \t]*(?:SQLALCHEMY_\w+|JSON_AS_ASCII|JSON_SORT_KEYS|JSONIFY_\w+|PREFERRED_URL_SCHEME|PERMANENT_SESSION_LIFETIME|SEND_FILE_MAX_AGE_DEFAULT|TEMPLATES_AUTO_RELOAD|USE_X_SENDFILE|PROPAGATE_EXCEPTIONS|EXPLAIN_TEMPLATE_LOADING|MAX_CONTENT_LENGTH|APPLICATION_ROOT|SESSION_COOKIE_NAME|SERVER_NAME|WTF_CSRF_\w+|FLASK_\w+)[ \t]*(?::[^=\n]*)?=/m;
const CONFIG_PATH = /(?:^|\/)(?:[\w-]*[_-])?(?:config|configs|settings|conf)(?:[_-][\w-]*)?(?:\.py$|\/)/;
const CONFIG_CLASS = /^class[ \t]+\w*Config\b/m;

export function flaskRoles(relativePath: string, text: string): FlaskRole[] {
  const roles: FlaskRole[] = [];
  if (!MENTIONS_FLASK.test(text) && !FLASK_KEYS.test(text)) return roles;
  if (DEFINES_FACTORY.test(text) || (BUILDS_APP.test(text) && MENTIONS_FLASK.test(text))) roles.push("flask-app");
  const path = relativePath.replace(/\\/g, "/");
  if (!IMPORTS_DJANGO.test(text) && FLASK_KEYS.test(text) && (CONFIG_PATH.test(path) || CONFIG_CLASS.test(text))) {
    roles.push("flask-config");
  }
  return roles;
}
