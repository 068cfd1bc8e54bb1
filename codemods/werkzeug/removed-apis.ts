// werkzeug/removed-apis: what Werkzeug removed with no mechanical replacement (the R rows of
// deprecations.md section 2, and M* rows whose safe shape cannot be known from the code). Each
// import or attribute use is reported with what to do; nothing is changed.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { removedNames, type RemovedName } from "../../src/engine/helpers/removed-names.js";
import { targetReaches } from "../../src/target.js";

const V015 = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-15-0";
const V20 = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0";
const V22 = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-2-0";
const V23 = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";

const each = (names: string[], since: string, docs: string, advice: string): RemovedName[] =>
  names.map((name) => ({ name, since, docs, advice }));

const names: RemovedName[] = [
  ...each(["werkzeug.contrib.securecookie", "werkzeug.contrib.sessions"], "0.15", V015,
    "it became the separate secure-cookie project (Werkzeug 1.0); install it and import from secure_cookie, or use Flask's session"),
  ...each(["werkzeug.contrib.atom", "werkzeug.contrib.iterio", "werkzeug.contrib.jsrouting", "werkzeug.contrib.limiter", "werkzeug.contrib.testtools"], "0.15", V015,
    "Werkzeug 1.0 removed it with no replacement; copy the code you need into your project"),
  ...each([
    "werkzeug.contrib.fixers.CGIRootFix", "werkzeug.contrib.fixers.LighttpdCGIRootFix", "werkzeug.contrib.fixers.PathInfoFromRequestUriFix",
    "werkzeug.contrib.fixers.HeaderRewriterFix", "werkzeug.contrib.fixers.InternetExplorerFix",
    "werkzeug.contrib.wrappers.RoutingArgsRequestMixin", "werkzeug.contrib.wrappers.ReverseSlashBehaviorRequestMixin",
    "werkzeug.contrib.wrappers.DynamicCharsetRequestMixin", "werkzeug.contrib.wrappers.DynamicCharsetResponseMixin",
    "werkzeug.contrib.profiler.MergeStream",
  ], "0.15", V015, "Werkzeug 1.0 removed it with no replacement; write the small middleware or mixin yourself"),
  { name: "werkzeug.test.File", since: "0.15", docs: V015, advice: "Werkzeug 1.0 removed it; pass a FileStorage or a (stream, filename) tuple as file data" },
  ...each(["werkzeug.utils.bind_arguments", "werkzeug.utils.validate_arguments", "werkzeug.utils.ArgumentValidationError"], "2.0", V20,
    "Werkzeug 2.1 removed it; use inspect.signature(func).bind(*args, **kwargs)"),
  ...each(["werkzeug.utils.HTMLBuilder", "werkzeug.utils.html", "werkzeug.utils.xhtml"], "2.0", V20,
    "Werkzeug 2.1 removed it with no replacement; build the markup with a template or markupsafe"),
  { name: "werkzeug.utils.detect_utf_encoding", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed it; json.loads detects the UTF encoding of bytes itself" },
  { name: "werkzeug.useragents", since: "2.0", docs: V20,
    advice: "Werkzeug 2.1 removed user-agent parsing (browser, platform, version are None); subclass werkzeug.user_agent.UserAgent with a parser such as ua-parser and set Request.user_agent_class" },
  { name: "werkzeug.serving.run_with_reloader", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed it; call run_simple(..., use_reloader=True)" },
  { name: "werkzeug.urls.Href", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed it; build URLs with werkzeug.routing or urllib.parse.urlencode" },
  { name: "werkzeug.local.get_ident", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed it; locals are context-variable based, so there is no identity function to use" },
  { name: "werkzeug.formparser.parse_multipart_headers", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed it with no replacement" },
  ...each(["werkzeug.wsgi.get_script_name", "werkzeug.wsgi.get_query_string", "werkzeug.wsgi.peek_path_info", "werkzeug.wsgi.pop_path_info", "werkzeug.wsgi.extract_path_info"], "2.2", V22,
    "Werkzeug 2.3 removed it; read environ[...] or the Request attributes (script_root, query_string, path) yourself"),
  { name: "werkzeug.urls.url_encode", since: "2.3", docs: V23,
    advice: "Werkzeug 3.0 removed it; use urllib.parse.urlencode(obj, doseq=True), dropping None values first (Werkzeug skipped them) and sorting yourself if sort= was used" },
  ...each(["werkzeug.urls.url_fix", "werkzeug.urls.url_decode_stream", "werkzeug.urls.url_encode_stream", "werkzeug.urls.BaseURL", "werkzeug.urls.URL", "werkzeug.urls.BytesURL"], "2.3", V23,
    "Werkzeug 3.0 removed it with no replacement; use urllib.parse (urlsplit, quote) directly"),
  ...each(["werkzeug.wsgi.make_line_iter", "werkzeug.wsgi.make_chunk_iter"], "2.3", V23, "Werkzeug 3.0 removed it with no replacement; read the stream yourself"),
];

const SHUTDOWN: RemovedName = { name: "environ[\"werkzeug.server.shutdown\"]", since: "2.0", docs: V20, advice: "Werkzeug 2.1 removed the development server's shutdown function; stop the server process, or run it in a thread you can stop" };
const HASH_METHOD: RemovedName = { name: "generate_password_hash(method=...)", since: "2.3", docs: V23,
  advice: "Werkzeug 3.0 accepts only \"scrypt\" and \"pbkdf2[:hash]\" methods; pick one, and plan to rehash stored passwords made with the old method (check_password_hash no longer verifies them)" };
const SHUTDOWN_KEY = "werkzeug.server.shutdown";
const PLAIN_METHOD = /^["'](?!pbkdf2\b|scrypt\b)[^"'\\]*["']$/;

export default removedNames({
  id: "werkzeug/removed-apis",
  framework: "werkzeug",
  since: "0.15",
  summary: "reports Werkzeug APIs removed with no mechanical replacement (contrib modules, useragents, url_encode, ...)",
  description:
    "Werkzeug 1.0, 2.1, 2.3 and 3.0 removed APIs that need a person to choose the replacement: the rest of " +
    "`werkzeug.contrib` (secure cookies, sessions, atom, ...), `werkzeug.utils` helpers such as " +
    "`HTMLBuilder`, user-agent parsing, `environ[\"werkzeug.server.shutdown\"]`, `url_encode` / " +
    "`url_fix`, the `werkzeug.wsgi` path helpers, and password-hash methods other than scrypt and pbkdf2. Each use is " +
    "reported from the version that deprecated it, with what to do; nothing is changed.",
  docs: V20,
  names,
  needles: [...new Set(names.map((n) => n.name.slice(n.name.lastIndexOf(".") + 1))), "werkzeug.server.shutdown", "generate_password_hash"],
  extraPrecheck: (text) => text.includes(SHUTDOWN_KEY) || (/\bgenerate_password_hash\b/.test(text) && text.includes("werkzeug")),
  extra(ctx, say) {
    const reaches = (since: string) => targetReaches(ctx.targets, "werkzeug", since);
    if (reaches(SHUTDOWN.since!)) {
      for (let at = ctx.source.indexOf(SHUTDOWN_KEY); at >= 0; at = ctx.source.indexOf(SHUTDOWN_KEY, at + 1)) {
        const node = ctx.root.descendantForIndex(at);
        if (node && (node.type === "string_content" || node.parent?.type === "string")) say(at, SHUTDOWN);
      }
    }
    if (reaches(HASH_METHOD.since!)) {
      for (const { call } of callsTo(ctx.facts, ["werkzeug.security.generate_password_hash"])) {
        const args = callArgs(call);
        const method = args?.keywords.get("method")?.childForFieldName("value") ?? args?.positional[1];
        if (method && method.type === "string" && PLAIN_METHOD.test(method.text)) say(method, HASH_METHOD);
      }
    }
  },
});
