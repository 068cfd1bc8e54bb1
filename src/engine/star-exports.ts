// What `from <django module> import *` binds, from the table scripts/gen-django-star-exports.mjs
// generated out of real Django releases (src/engine/django-star-exports.generated.ts): for modules
// with an `__all__` and for those without (their public names), across every release sampled.
// A name the releases agree on is bound (and stands for `<module>.<name>`), a name they disagree
// on may or may not be (never guessed), and any other name is not bound. A Django module outside
// the table keeps full caution (its star import may bind anything). To regenerate (releases that
// cannot be had are left out, and the generated header names the ones used):
//   scripts/fetch-frameworks.sh && node scripts/gen-django-star-exports.mjs --python /usr/bin/python3 --python python3.13
import { DJANGO_MODULE_EXPORTS } from "./django-star-exports.generated.js";
import type { StarNames } from "./project.js";

const cache = new Map<string, StarNames | undefined>();

/** What a star import of Django module `spec` binds, or undefined when the table does not know it. */
export function djangoStarNames(spec: string): StarNames | undefined {
  if (cache.has(spec)) return cache.get(spec);
  const entry = Object.hasOwn(DJANGO_MODULE_EXPORTS, spec) ? DJANGO_MODULE_EXPORTS[spec] : undefined;
  const names: StarNames | undefined = entry && {
    names: new Map(words(entry.binds).map((name) => [name, `${spec}.${name}`])),
    maybe: new Set(words(entry.varies)),
  };
  cache.set(spec, names);
  return names;
}

function words(list: string): string[] {
  return list === "" ? [] : list.split(" ");
}
