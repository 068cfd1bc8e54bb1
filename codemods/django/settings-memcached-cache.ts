// django/settings-memcached-cache: Django 3.2 deprecated the MemcachedCache backend (it wraps the
// unmaintained python-memcached; removed in 4.1) and added PyMemcacheCache. The LOCATION formats
// are the same; OPTIONS are client keyword arguments and differ between the two clients, so only a
// backend without OPTIONS is switched. The switch needs the `pymemcache` package, which the fix says.
import type { Node } from "../../src/engine/parser.js";
import {
  literalPairs, pairNamed, plainString, replaceStringContent, settingAssignments,
} from "../../src/engine/helpers/settings-literals.js";
import { defineRule } from "../../src/engine/rule.js";

const OLD = "django.core.cache.backends.memcached.MemcachedCache";
const NEW = "django.core.cache.backends.memcached.PyMemcacheCache";
const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.2/#features-deprecated-in-3-2";

/** The string nodes in the file whose value is exactly the old backend path. */
function oldBackendStrings(root: Node, source: string): Node[] {
  const found: Node[] = [];
  for (let at = source.indexOf(OLD); at >= 0; at = source.indexOf(OLD, at + OLD.length)) {
    let node: Node | null = root.descendantForIndex(at, at + OLD.length);
    while (node && node.type !== "string" && node.type !== "module") node = node.parent;
    if (node?.type === "string" && plainString(node) === OLD) found.push(node);
  }
  return found;
}

export default defineRule({
  id: "django/settings-memcached-cache",
  framework: "django",
  since: "3.2",
  summary: 'CACHES BACKEND "…memcached.MemcachedCache" becomes "…memcached.PyMemcacheCache" (install pymemcache)',
  description:
    "Django 3.2 deprecated the `MemcachedCache` backend (python-memcached is unmaintained; removed in Django 4.1) in favour of " +
    "`PyMemcacheCache`, which takes the same `LOCATION` values. In settings files, each cache of a literal `CACHES = {...}` " +
    "dict whose `BACKEND` is the old path gets the new one, quotes kept, when the cache has no `OPTIONS` (those are " +
    "client arguments and differ between python-memcached and pymemcache) and no `**` spread, and nothing in the file " +
    "compares a value with the old path. The project then needs the " +
    "`pymemcache` package. Every other mention of the old backend in a settings file (a cache with OPTIONS, a value built " +
    "elsewhere) is reported.",
  docs: DOCS,
  needles: ["MemcachedCache"],
  files: "settings",
  create(ctx) {
    return {
      module() {
        const handled = new Set<number>();
        const strings = oldBackendStrings(ctx.root, ctx.source);
        // A comparison with the old path (`IS_MEMCACHED = CACHES[...]["BACKEND"] == "...MemcachedCache"`)
        // would flip once the backend changes: then every mention is the user's to change together.
        const compared = strings.some((s) => s.parent?.type === "comparison_operator");
        for (const setting of compared ? [] : settingAssignments(ctx, "CACHES")) {
          for (const cache of literalPairs(setting.value) ?? []) {
            const config = literalPairs(cache.childForFieldName("value"));
            const backend = config && pairNamed(config, "BACKEND")?.childForFieldName("value");
            if (!config || !backend || plainString(backend) !== OLD) continue;
            if (pairNamed(config, "OPTIONS")) continue;
            handled.add(backend.id);
            ctx.fix(`CACHES BACKEND MemcachedCache → PyMemcacheCache (add pymemcache to the requirements)`, [
              replaceStringContent(backend, NEW),
            ]);
          }
        }
        for (const string of strings) {
          if (handled.has(string.id)) continue;
          ctx.report(
            string,
            `MemcachedCache was deprecated in Django 3.2 and removed in 4.1: switch to ${NEW} (pip install pymemcache) ` +
              `and translate any OPTIONS to pymemcache's client arguments (${DOCS})`,
          );
        }
      },
    };
  },
});
