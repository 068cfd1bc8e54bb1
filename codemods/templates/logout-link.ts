// templates/logout-link: Django 4.1 deprecated logging out with a GET request to LogoutView (and
// logout_then_login), and 5.0 removed it: a plain link to the logout URL then answers 405. The fix is
// a small POST form with {% csrf_token %}, whose markup and styling are the author's, so links are
// pointed at: an <a href="..."> whose href holds {% url 'logout' %} / {% url 'admin:logout' %}
// (any namespace), directly or through {% url 'logout' as name %} … {{ name }} (filters allowed), and
// <a href="/admin/logout/"> written out. A form posting to the URL is what Django asks for and is not
// reported; links built from a LOGOUT_URL setting are not either (which view serves it is not known).
import { splitContents } from "../../src/templates/bits.js";
import { tagName, type Token } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens, type TemplateContext } from "../../src/templates/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1";
/** `'logout'`, `"admin:logout"`, `'accounts:logout'`: the URL name LogoutView gets in Django's own URLconfs. */
const LOGOUT_NAME = /^(["'])(?:[\w-]+:)*logout\1$/;
/** The text of an <a> start tag up to an unfinished href value: the token stands in that value. */
const IN_ANCHOR_HREF = /<a\b[^<>]*\bhref\s*=\s*(?:"[^"]*|'[^']*|[^\s"'<>]*)$/i;

const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
/** `<a ... href="/admin/logout/"`: group 1 is the path. */
const ADMIN_LOGOUT_HREF = /<a\b[^<>]*?\bhref\s*=\s*["']?((?:https?:)?(?:\/\/[^/"'\s>]*)?\/admin\/logout\/?)(?=["'\s>?#])/gi;

/** True when an offset is not plain template text: inside a tag, a variable, a comment or a {% comment %} block. */
function insideTag(ctx: Pick<TemplateContext, "tokens" | "structure">, at: number): boolean {
  const index = ctx.tokens.findIndex((t) => t.start <= at && at < t.end);
  return index < 0 || ctx.tokens[index]!.kind !== "text" || ctx.structure.commented.has(index);
}

/** Is the token inside the href value of an <a> tag? Looks back on the text only (no HTML parser). */
function inAnchorHref(source: string, token: Token): boolean {
  const open = source.lastIndexOf("<", token.start - 1);
  if (open < 0) return false;
  // Template tags inside the attribute are fine; a `>` of markup would have closed the tag.
  const before = source.slice(open, token.start).replace(/\{%.*?%\}|\{\{.*?\}\}/g, "");
  return IN_ANCHOR_HREF.test(before);
}

export default defineTemplateRule({
  id: "templates/logout-link",
  framework: "django",
  since: "4.1",
  kind: "finding",
  summary: "warns about <a href> links to the logout URL (logout via GET was removed in Django 5.0)",
  description:
    "Django 4.1 deprecated logging out with a GET request to `LogoutView` and Django 5.0 removed it, so a link to the logout URL " +
    "answers 405. `<a>` tags whose `href` holds `{% url 'logout' %}` or `{% url '<namespace>:logout' %}` (such as `admin:logout`), " +
    "directly or through `{% url ... as name %}` and `{{ name }}`, are reported: use a `<form method=\"post\">` with " +
    "`{% csrf_token %}` and a submit button. Forms are not reported.",
  docs: DOCS,
  needles: ["logout"],
  precheck: (text) => /\{%\s*url\s+["'](?:[\w-]+:)*logout["']|\/admin\/logout/.test(text),
  run(ctx) {
    const aliases = new Set<string>();
    const say = (token: Token) =>
      ctx.report(token, `logging out with a GET link is removed in Django 5.0 (deprecated in 4.1), LogoutView answers 405: use <form method="post" action="..."> with {% csrf_token %} and a submit button; see ${DOCS}`);
    for (const [, token] of liveTokens(ctx, "block")) {
      if (tagName(token) !== "url") continue;
      const bits = splitContents(token).map((b) => b.text);
      if (!LOGOUT_NAME.test(bits[1] ?? "")) continue;
      if (bits.length >= 4 && bits[bits.length - 2] === "as") {
        aliases.add(bits[bits.length - 1]!);
        continue;
      }
      if (inAnchorHref(ctx.source, token)) say(token);
    }
    // The admin's own logout path, written out: Django's LogoutView wherever the admin is mounted at /admin/.
    for (const match of ctx.source.matchAll(ADMIN_LOGOUT_HREF)) {
      const at = match.index + match[0].length - match[1]!.length;
      if (!insideTag(ctx, at)) ctx.report(at, `logging out with a GET link to the admin's logout view is removed in Django 5.0 (deprecated in 4.1), it answers 405: use <form method="post" action="..."> with {% csrf_token %} and a submit button; see ${DOCS}`);
    }
    if (aliases.size === 0) return;
    for (const [, token] of liveTokens(ctx, "variable")) {
      // `{{ logout_url }}`, `{{ logout_url|default:other }}`: the name as a variable of the expression, not inside a string.
      const names = token.contents.replace(QUOTED, " ").match(/(?<![\w.])[A-Za-z_]\w*/g) ?? [];
      if (names.some((n) => aliases.has(n)) && inAnchorHref(ctx.source, token)) say(token);
    }
  },
});
