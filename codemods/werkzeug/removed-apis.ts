// werkzeug/removed-apis: what Werkzeug removed with no mechanical replacement (the R rows of
// deprecations.md section 2, and M* rows whose safe shape cannot be known from the code). Each
// import or attribute use is reported with what to do; nothing is changed.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { derivesFrom } from "../../src/engine/helpers/classes.js";
import type { Node } from "../../src/engine/parser.js";
import { removedNames, type RemovedName } from "../../src/engine/helpers/removed-names.js";
import type { RuleContext } from "../../src/engine/rule.js";
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
  ...each(["werkzeug.wrappers.PlainRequest", "werkzeug.wrappers.request.PlainRequest"], "2.0", V20,
    "Werkzeug 2.1 removed it; build the request as Request(environ, shallow=True) to read the stream only"),
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
const WRAP: RemovedName = { name: "HTTPException.wrap", since: "2.0", docs: V20,
  advice: "Werkzeug 2.1 removed it; write the subclass yourself: class E(BadRequest, ValueError): pass" };
const IDENT: RemovedName = { name: "Local identity functions (__ident_func__, ident_func, __storage__)", since: "2.0", docs: V20,
  advice: "Werkzeug 2.1 removed them: Local and LocalStack are context-variable based; delete the customization" };
const DATA_DESCRIPTOR: RemovedName = { name: "Request.disable_data_descriptor", since: "2.0", docs: V20,
  advice: "Werkzeug 2.1 removed it; build the request as Request(environ, shallow=True) to read the stream only" };
const USER_AGENT: RemovedName = { name: "request.user_agent parsing", since: "2.0", docs: V20,
  advice: "Werkzeug 2.1 no longer parses the user agent, so browser, platform, version and language are None; subclass werkzeug.user_agent.UserAgent with a parser such as ua-parser and set Request.user_agent_class" };
const OPTIONS_MULTIPLE: RemovedName = { name: "parse_options_header(multiple=...)", since: "2.1", docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-1-0",
  advice: "Werkzeug 2.2 removed the argument and its multi-value mode; split the header yourself and parse each value" };
const MAP_CHARSET: RemovedName = { name: "Map(charset=..., encoding_errors=...)", since: "2.3", docs: V23,
  advice: "Werkzeug 3.0 removed the arguments: URLs are always UTF-8; drop them (and decode other charsets yourself)" };
const COOKIE_JAR: RemovedName = { name: "test Client.cookie_jar", since: "2.3", docs: V23,
  advice: "Werkzeug 3.0 removed it; read a cookie with client.get_cookie(key) (domain= and path= pick among equal names)" };
const PARSE_FUNCTIONS: RemovedName = { name: "FormDataParser.parse_functions / get_parse_func", since: "2.3", docs: V23,
  advice: "Werkzeug 3.0 removed them; override FormDataParser.parse and dispatch on the mimetype yourself" };
const HTTP_EXCEPTIONS = /^werkzeug\.exceptions\.[A-Z]\w*$/;
const USER_AGENT_PARTS = new Set(["browser", "platform", "version", "language"]);
const FLASK_REQUEST = new Set(["flask.request", "flask.globals.request"]);
/**
 * Text each review shape needs, as `extra` below looks for it: common words (`wrap`, `charset`,
 * `multiple`, `user_agent`) count only in the company that shape has, so a file of Flask views is
 * not parsed for a `charset` variable.
 */
function mayHaveReviewShape(text: string): boolean {
  const werkzeug = text.includes("werkzeug");
  if (!werkzeug && !text.includes("flask")) return false;
  return (
    (werkzeug && text.includes("exceptions") && /\.\s*wrap\b/.test(text)) ||
    (werkzeug && text.includes("local") && /\b(?:__ident_func__|ident_func|__storage__)\b/.test(text)) ||
    text.includes("disable_data_descriptor") ||
    /\.\s*user_agent\s*\.\s*(?:browser|platform|version|language)\b/.test(text) ||
    (text.includes("parse_options_header") && /\bmultiple\s*=/.test(text)) ||
    (werkzeug && /\bMap\b/.test(text) && /\b(?:charset|encoding_errors)\s*=/.test(text)) ||
    /\.\s*cookie_jar\b/.test(text) ||
    (text.includes("formparser") && /\b(?:parse_functions|get_parse_func)\b/.test(text))
  );
}
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
    "`url_fix`, the `werkzeug.wsgi` path helpers, password-hash methods other than scrypt and pbkdf2, " +
    "`HTTPException.wrap`, `Local` identity hooks, `PlainRequest` / `disable_data_descriptor`, `request.user_agent.browser` " +
    "and its siblings, `parse_options_header(multiple=)`, `Map(charset=)`, a test client's `cookie_jar`, and " +
    "`FormDataParser.get_parse_func` / `parse_functions` overrides. Each use is " +
    "reported from the version that deprecated it, with what to do; nothing is changed.",
  docs: V20,
  names,
  needles: [
    ...new Set(names.map((n) => n.name.slice(n.name.lastIndexOf(".") + 1))), "werkzeug.server.shutdown", "generate_password_hash",
    "wrap", "__ident_func__", "ident_func", "__storage__", "disable_data_descriptor", "user_agent", "multiple", "charset",
    "encoding_errors", "cookie_jar", "parse_functions", "get_parse_func",
  ],
  // The extra shapes all sit in files that mention werkzeug or flask (imports, Flask's request).
  extraPrecheck: (text) =>
    text.includes(SHUTDOWN_KEY) || (/\bgenerate_password_hash\b/.test(text) && text.includes("werkzeug")) ||
    mayHaveReviewShape(text),
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
    reviewShapes(ctx, say, reaches);
  },
});

type Say = (at: Node | number, entry: RemovedName) => void;

function importsModule(ctx: RuleContext, prefix: string): boolean {
  return ctx.facts.imports.some((b) => b.module === prefix || b.module.startsWith(`${prefix}.`) || b.qualified.startsWith(`${prefix}.`));
}

/** `x.<word>` attributes in the file: [attribute, object]. */
function* attributesNamed(ctx: RuleContext, word: string): Generator<[Node, Node]> {
  for (const id of ctx.facts.identifiers(word)) {
    const attribute = id.parent;
    if (attribute?.type === "attribute" && attribute.childForFieldName("attribute")?.id === id.id) yield [attribute, attribute.childForFieldName("object")!];
  }
}

/** A test client as code spells it: `app.test_client()`, `Client(...)` of Werkzeug, a `*client` name. */
function looksLikeTestClient(ctx: RuleContext, node: Node): boolean {
  if (node.type === "call") {
    const callee = node.childForFieldName("function")!;
    if (callee.type === "attribute" && callee.childForFieldName("attribute")?.text === "test_client") return true;
    const qualified = callee.type === "identifier" || callee.type === "attribute" ? ctx.facts.qualifiedName(callee) : undefined;
    return qualified === "werkzeug.test.Client" || qualified === "flask.testing.FlaskClient";
  }
  const name = node.type === "identifier" ? node.text : node.type === "attribute" ? node.childForFieldName("attribute")!.text : "";
  return /client$/i.test(name);
}

/**
 * The review rows that are attributes or keywords rather than importable names (W15, W25, W32,
 * W34, W38, W52, W55, W58), each only where the file shows the Werkzeug object.
 */
function reviewShapes(ctx: RuleContext, say: Say, reaches: (since: string) => boolean): void {
  const usesWerkzeug = importsModule(ctx, "werkzeug");
  const usesFlask = importsModule(ctx, "flask");
  if (reaches("2.0")) {
    // BadRequest.wrap(ValueError): any werkzeug.exceptions class.
    for (const [attribute, object] of attributesNamed(ctx, "wrap")) {
      const qualified = object.type === "identifier" || object.type === "attribute" ? ctx.facts.qualifiedName(object) : undefined;
      if (qualified !== undefined && HTTP_EXCEPTIONS.test(qualified)) say(attribute, WRAP);
    }
    if (importsModule(ctx, "werkzeug.local")) {
      for (const word of ["__ident_func__", "ident_func", "__storage__"]) for (const [attribute] of attributesNamed(ctx, word)) say(attribute, IDENT);
    }
    if (usesWerkzeug || usesFlask) {
      for (const id of ctx.facts.identifiers("disable_data_descriptor")) {
        const parent = id.parent;
        const isAttribute = parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id;
        const isClassSetting = parent?.type === "assignment" && parent.childForFieldName("left")?.id === id.id && enclosingClassBody(parent) !== undefined;
        if (isAttribute || isClassSetting) say(id, DATA_DESCRIPTOR);
      }
    }
    // request.user_agent.browser and friends, on Flask's request.
    for (const [attribute, object] of attributesNamed(ctx, "user_agent")) {
      const part = attribute.parent;
      if (part?.type !== "attribute" || part.childForFieldName("object")?.id !== attribute.id) continue;
      if (!USER_AGENT_PARTS.has(part.childForFieldName("attribute")!.text)) continue;
      const qualified = object.type === "identifier" || object.type === "attribute" ? ctx.facts.qualifiedName(object) : undefined;
      if (qualified !== undefined && FLASK_REQUEST.has(qualified)) say(part, USER_AGENT);
    }
  }
  if (reaches("2.1")) {
    for (const { call } of callsTo(ctx.facts, ["werkzeug.http.parse_options_header"])) {
      const keyword = callArgs(call)?.keywords.get("multiple");
      if (keyword) say(keyword, OPTIONS_MULTIPLE);
    }
  }
  if (!reaches("2.3")) return;
  for (const { call } of callsTo(ctx.facts, ["werkzeug.routing.Map", "werkzeug.routing.map.Map"])) {
    const args = callArgs(call);
    const keyword = args?.keywords.get("charset") ?? args?.keywords.get("encoding_errors");
    if (keyword) say(keyword, MAP_CHARSET);
  }
  if (usesWerkzeug || usesFlask) {
    for (const [attribute, object] of attributesNamed(ctx, "cookie_jar")) if (looksLikeTestClient(ctx, object)) say(attribute, COOKIE_JAR);
  }
  if (importsModule(ctx, "werkzeug.formparser")) {
    for (const word of ["parse_functions", "get_parse_func"]) {
      for (const id of ctx.facts.identifiers(word)) {
        const parent = id.parent;
        const named = parent?.type === "attribute" ? parent.childForFieldName("attribute")?.id === id.id
          : parent?.type === "function_definition" || parent?.type === "assignment" ? parent.childForFieldName(parent.type === "assignment" ? "left" : "name")?.id === id.id
          : false;
        if (!named) continue;
        const cls = parent!.type === "attribute" ? undefined : enclosingClassBody(parent!);
        if (parent!.type === "attribute" || (cls && derivesFrom(ctx.facts, cls, (q) => q.startsWith("werkzeug.formparser.")))) say(id, PARSE_FUNCTIONS);
      }
    }
  }
}

/** The class whose body holds a statement directly (a method or a class attribute). */
function enclosingClassBody(node: Node): Node | undefined {
  let statement: Node | null = node;
  while (statement && statement.parent?.type !== "block") statement = statement.parent;
  const cls = statement?.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}
