// werkzeug/top-level-imports: Werkzeug 0.16 deprecated the lazy top-level re-exports
// (`from werkzeug import secure_filename`) and 1.0 removed them; only Request, Response, Client and
// run_simple stay. Each name moves to the submodule that owns it (deprecations.md appendix A).
// Later rules take a moved name further (url_quote → urllib.parse.quote) in the same run.
import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";

/** Owning module → the names Werkzeug 0.16 re-exported from the package. */
const OWNERS: Record<string, string[]> = {
  "werkzeug.datastructures": [
    "Accept", "Authorization", "CallbackDict", "CharsetAccept", "CombinedMultiDict", "EnvironHeaders", "ETags",
    "FileMultiDict", "FileStorage", "Headers", "HeaderSet", "ImmutableDict", "ImmutableList", "ImmutableMultiDict",
    "ImmutableOrderedMultiDict", "ImmutableTypeConversionDict", "LanguageAccept", "MIMEAccept", "MultiDict",
    "OrderedMultiDict", "RequestCacheControl", "ResponseCacheControl", "TypeConversionDict", "WWWAuthenticate",
  ],
  "werkzeug.debug": ["DebuggedApplication"],
  "werkzeug.exceptions": ["abort", "Aborter"],
  "werkzeug.formparser": ["parse_form_data"],
  "werkzeug.http": [
    "cookie_date", "dump_cookie", "dump_header", "dump_options_header", "generate_etag", "http_date",
    "HTTP_STATUS_CODES", "is_entity_header", "is_hop_by_hop_header", "is_resource_modified", "parse_accept_header",
    "parse_authorization_header", "parse_cache_control_header", "parse_cookie", "parse_date", "parse_dict_header",
    "parse_etags", "parse_list_header", "parse_options_header", "parse_set_header", "parse_www_authenticate_header",
    "quote_etag", "quote_header_value", "remove_entity_headers", "remove_hop_by_hop_headers", "unquote_etag",
    "unquote_header_value",
  ],
  "werkzeug.local": ["Local", "LocalManager", "LocalProxy", "LocalStack", "release_local"],
  "werkzeug.middleware.dispatcher": ["DispatcherMiddleware"],
  "werkzeug.middleware.shared_data": ["SharedDataMiddleware"],
  "werkzeug.security": ["check_password_hash", "generate_password_hash"],
  "werkzeug.test": ["create_environ", "EnvironBuilder", "run_wsgi_app"],
  "werkzeug.testapp": ["test_app"],
  "werkzeug.urls": [
    "Href", "iri_to_uri", "uri_to_iri", "url_decode", "url_encode", "url_fix", "url_quote", "url_quote_plus",
    "url_unquote", "url_unquote_plus",
  ],
  "werkzeug.useragents": ["UserAgent"],
  "werkzeug.utils": [
    "append_slash_redirect", "ArgumentValidationError", "bind_arguments", "cached_property", "environ_property",
    "escape", "find_modules", "format_string", "header_property", "html", "HTMLBuilder", "import_string", "redirect",
    "secure_filename", "unescape", "validate_arguments", "xhtml",
  ],
  // The wrapper mixins lived in submodules of werkzeug.wrappers, which re-exported them (0.15-2.0).
  "werkzeug.wrappers": [
    "AcceptMixin", "AuthorizationMixin", "WWWAuthenticateMixin", "BaseRequest", "BaseResponse",
    "CommonRequestDescriptorsMixin", "CommonResponseDescriptorsMixin", "ETagRequestMixin", "ETagResponseMixin",
    "ResponseStreamMixin", "UserAgentMixin",
  ],
  "werkzeug.wsgi": [
    "ClosingIterator", "extract_path_info", "FileWrapper", "get_current_url", "get_host", "LimitedStream",
    "make_line_iter", "peek_path_info", "pop_path_info", "responder", "wrap_file",
  ],
};

const moves: NameMove[] = Object.entries(OWNERS).flatMap(([module, names]) =>
  names.map((name) => ({ from: `werkzeug.${name}`, to: `${module}.${name}` })),
);

/** `from werkzeug import ...`, `import werkzeug as w`, or `werkzeug.<moved name>`. */
const TOP_LEVEL = new RegExp(`\\bfrom\\s+werkzeug\\s+import\\b|\\bimport\\s+werkzeug\\s+as\\b|\\bwerkzeug\\.(?:${moves.map((m) => m.from.slice("werkzeug.".length)).join("|")})\\b`);

export default nameMoves({
  id: "werkzeug/top-level-imports",
  framework: "werkzeug",
  // The submodules always held these names; the top-level re-exports warn from 0.16.
  since: "0.15",
  summary: "names imported from the top-level werkzeug package come from their own submodules",
  description:
    "Werkzeug 0.16 deprecated importing helpers such as `secure_filename`, `cached_property` or `MultiDict` from the " +
    "`werkzeug` package itself, and Werkzeug 1.0 removed those re-exports (only `Request`, `Response`, `Client` and " +
    "`run_simple` remain). `from werkzeug import x` and `werkzeug.x` become imports from the owning submodule " +
    "(`werkzeug.utils`, `werkzeug.datastructures`, `werkzeug.http`, ...); aliases are kept.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-16-0",
  moves,
  needles: ["werkzeug"],
  precheck: (text) => TOP_LEVEL.test(text),
});
