// werkzeug/contrib-moves: Werkzeug 0.15 moved the WSGI middleware out of werkzeug.contrib and
// werkzeug.wsgi into werkzeug.middleware, and sent the caches to the separate cachelib package;
// 1.0 removed the old locations. The rest of contrib has no replacement (werkzeug/removed-apis).
import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";

const CACHES = ["BaseCache", "NullCache", "SimpleCache", "MemcachedCache", "RedisCache", "FileSystemCache", "UWSGICache"];

const moves: NameMove[] = [
  { from: "werkzeug.contrib.fixers.ProxyFix", to: "werkzeug.middleware.proxy_fix.ProxyFix" },
  { from: "werkzeug.contrib.lint.LintMiddleware", to: "werkzeug.middleware.lint.LintMiddleware" },
  { from: "werkzeug.contrib.profiler.ProfilerMiddleware", to: "werkzeug.middleware.profiler.ProfilerMiddleware" },
  { from: "werkzeug.contrib.wrappers.JSONRequestMixin", to: "werkzeug.wrappers.json.JSONMixin" },
  { from: "werkzeug.wsgi.DispatcherMiddleware", to: "werkzeug.middleware.dispatcher.DispatcherMiddleware" },
  { from: "werkzeug.wsgi.SharedDataMiddleware", to: "werkzeug.middleware.shared_data.SharedDataMiddleware" },
  { from: "werkzeug.wsgi.ProxyMiddleware", to: "werkzeug.middleware.http_proxy.ProxyMiddleware" },
  ...CACHES.map((name) => ({ from: `werkzeug.contrib.cache.${name}`, to: `cachelib.${name}` })),
];

export default nameMoves({
  id: "werkzeug/contrib-moves",
  framework: "werkzeug",
  since: "0.15",
  summary: "ProxyFix, LintMiddleware, ProfilerMiddleware and the wsgi middleware move to werkzeug.middleware; contrib caches to cachelib",
  description:
    "Werkzeug 0.15 moved `ProxyFix`, `LintMiddleware`, `ProfilerMiddleware` (from `werkzeug.contrib`) and " +
    "`DispatcherMiddleware`, `SharedDataMiddleware`, `ProxyMiddleware` (from `werkzeug.wsgi`) into " +
    "`werkzeug.middleware.*`, and `werkzeug.contrib.cache` became the separate `cachelib` package (add it to your " +
    "requirements); Werkzeug 1.0 removed the old locations. `JSONRequestMixin` becomes `werkzeug.wrappers.json.JSONMixin` " +
    "(from Werkzeug 2.0 the wrapper-mixins rule drops it, as `Request` parses JSON itself).",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-15-0",
  moves,
  needles: ["contrib", "Middleware"],
  precheck: (text) => text.includes("werkzeug") && /\bwerkzeug\.contrib\b|\bcontrib\b.*\bimport\b|Middleware/.test(text),
  removedModules: ["werkzeug.contrib.fixers", "werkzeug.contrib.lint", "werkzeug.contrib.profiler", "werkzeug.contrib.cache", "werkzeug.contrib.wrappers"],
});
