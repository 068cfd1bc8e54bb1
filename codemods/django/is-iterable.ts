// django/is-iterable: Django 5.1 deprecated django.utils.itercompat.is_iterable (removed in 6.0);
// the release note points to isinstance(x, collections.abc.Iterable). The old helper called iter(),
// which also accepts classes that only define __getitem__: the description says so.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1";

export default callReplacements({
  id: "django/is-iterable",
  framework: "django",
  since: "5.1",
  summary: "is_iterable(x) becomes isinstance(x, Iterable) with Iterable from collections.abc",
  description:
    "Django 5.1 deprecated `django.utils.itercompat.is_iterable()` (removed in 6.0) in favour of " +
    "`isinstance(x, collections.abc.Iterable)`. Calls with one positional argument are rewritten and `from collections.abc " +
    "import Iterable` replaces the old import (unless `Iterable` is already that). The one difference: the old helper tried " +
    "`iter(x)`, so an object whose class defines only `__getitem__` counted as iterable; `isinstance` does not count it. " +
    "A `from django.utils.itercompat import *` whose only use was `is_iterable` is replaced by the new import. " +
    "Other shapes, and files where `Iterable` means something else (such as `typing.Iterable`), are reported.",
  docs: DOCS,
  advice: `was removed in Django 6.0: write isinstance(x, collections.abc.Iterable) instead`,
  replacements: [
    {
      from: "django.utils.itercompat.is_iterable",
      to: "collections.abc.Iterable",
      // django/utils/itercompat.py held only is_iterable and went with it in 6.0.
      moduleRemoved: true,
      rewrite(args, source, name) {
        if (args.args.length !== 1 || args.positional.length !== 1) return "!does not pass exactly one positional argument";
        const [value] = args.positional;
        return `isinstance(${source.slice(value!.startIndex, value!.endIndex)}, ${name})`;
      },
    },
  ],
});
