// Django 6.1 deprecated double-dot variable lookups (`{{ book..title }}`): the empty part between
// the dots is a lookup of the empty string, nearly always a typo, and 7.0 removes the support.
// Which lookup was meant is the author's call, so every one is reported, in `{{ }}` and in tags
// (`{% if a..b %}`); quoted strings ("Loading...") are not variables and are skipped.
import { defineTemplateRule, liveTokens } from "../../src/templates/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1";
/** Quoted strings, as Django's smart_split and FilterExpression see them (backslash escapes allowed). */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
/** A lookup part, two dots, another part: `a..b`, `a.0..b`. */
const DOUBLE_DOT = /[\w\]]\.{2,}\w/;

/** The first `a..b` of a tag's contents outside quoted strings, as the variable text around it. */
function doubleDot(contents: string): string | undefined {
  const bare = contents.replace(QUOTED, (s) => " ".repeat(s.length));
  const match = DOUBLE_DOT.exec(bare);
  if (!match) return undefined;
  let start = match.index;
  while (start > 0 && /[\w.]/.test(bare[start - 1]!)) start--;
  let end = match.index + match[0].length;
  while (end < bare.length && /[\w.]/.test(bare[end]!)) end++;
  return contents.slice(start, end);
}

export default defineTemplateRule({
  id: "templates/double-dot-lookup",
  framework: "django",
  since: "6.1",
  kind: "finding",
  summary: "warns about double-dot variable lookups such as {{ book..title }} (deprecated in Django 6.1)",
  description:
    "Django 6.1 deprecated variable lookups with an empty part, `{{ book..title }}`, which look up the empty string; Django 7.0 " +
    "removes them. Every `a..b` in a `{{ }}` variable or a `{% %}` tag, outside quoted strings and comments, is reported: " +
    "write the lookup that was meant (`{{ book.title }}`).",
  docs: DOCS,
  needles: [".."],
  // "..." in text is common; a tag holding `a..b` on the line is not.
  precheck: (text) => /\{[{%][^\n\r]*?[\w\]]\.{2,}\w/.test(text),
  run(ctx) {
    for (const kind of ["variable", "block"] as const) {
      for (const [, token] of liveTokens(ctx, kind)) {
        const found = doubleDot(token.contents);
        if (found === undefined) continue;
        ctx.report(token, `the lookup ${found} has an empty part (a lookup of the empty string), deprecated since Django 6.1 and removed in 7.0: write the lookup that was meant, e.g. ${found.replace(/\.{2,}/g, ".")}; see ${DOCS}`);
      }
    }
  },
});
