// django/string-concat: Django 1.11 deprecated django.utils.translation.string_concat (removed in
// 2.1) in favour of django.utils.text.format_lazy, which takes a format string: the lazy
// concatenation of n pieces is format_lazy("{}" * n, *pieces), written out as one literal.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";

export default callReplacements({
  id: "django/string-concat",
  framework: "django",
  since: "1.11",
  summary: 'string_concat(a, b, ...) becomes format_lazy("{}{}...", a, b, ...)',
  description:
    "Django 1.11 deprecated `django.utils.translation.string_concat()` (removed in 2.1); `django.utils.text.format_lazy()` " +
    "builds the same lazy string from a format string. A call with plain positional arguments becomes `format_lazy(\"{}…\", " +
    "…)` with one `{}` per argument, and the import of `string_concat` becomes one of `format_lazy` (above the old statement " +
    "when it imports other names). Calls with `*args`, keywords or comments, other uses of the name, aliases listed in " +
    "`__all__` and a `format_lazy` that already means something else leave the file as it is, reported.",
  docs: DOCS,
  advice: `was removed in Django 2.1: write format_lazy("{}{}", a, b) from django.utils.text instead`,
  replacements: [
    {
      from: "django.utils.translation.string_concat",
      to: "django.utils.text.format_lazy",
      rewrite(args, source, name) {
        if (args.listSplat || args.dictSplat || args.keywords.size > 0) return "!passes *args or keywords";
        const pieces = args.positional.map((a) => source.slice(a.startIndex, a.endIndex));
        return `${name}(${["\"" + "{}".repeat(pieces.length) + "\"", ...pieces].join(", ")})`;
      },
    },
  ],
});
