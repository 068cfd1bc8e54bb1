// The length_is filter (deprecated in Django 4.2, removed in 5.1): inside {% if %} and {% elif %},
// `v|length_is:4` becomes `v|length == 4` when it is the whole condition or an operand of
// `and`/`or` (== binds tighter than both, so the meaning is kept) and the argument is a whole
// number. length_is compared len(value) with int(arg); `== "4"` would compare with a string, so a
// quoted number is written unquoted and a variable argument is left for the user. Every use left
// behind — the `{{ v|length_is:4 }}` form prints True/False, other tags, other arguments — is
// reported with its line.
import { splitContents, type Bit } from "../../src/templates/bits.js";
import { tagName, type Token } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens, type TemplateContext } from "../../src/templates/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2";
/** `|length_is:4`, `|length_is:"4"` as the last filter of a bit. */
const LAST_FILTER = /\|length_is:(?:(\d+)|"(\d+)"|'(\d+)')$/;
const ANY_USE = /\|\s*length_is\b/;

function rewritable(bits: readonly Bit[], at: number): RegExpExecArray | undefined {
  const bit = bits[at]!;
  const match = LAST_FILTER.exec(bit.text);
  if (!match || match.index === 0) return undefined;
  // bits[0] is the tag name: the operand stands first in the condition.
  const before = at === 1 ? undefined : bits[at - 1]!.text;
  const after = bits[at + 1]?.text;
  const boundary = (word: string | undefined) => word === undefined || word === "and" || word === "or";
  if (!boundary(before) || !boundary(after)) return undefined;
  return match;
}

function report(ctx: TemplateContext, token: Token, form: string): void {
  ctx.report(token, `the length_is filter is removed in Django 5.1 and ${form} was left alone; compare |length instead, e.g. {% if value|length == 4 %} (${DOCS})`);
}

export default defineTemplateRule({
  id: "templates/length-is",
  aliases: ["template_length_is"],
  framework: "django",
  since: "4.2",
  summary: "{% if v|length_is:4 %} becomes {% if v|length == 4 %}; other uses of length_is are reported",
  description:
    "Rewritten inside `{% if %}` and `{% elif %}` when the filtered value is the whole condition or an `and`/`or` operand and " +
    "the argument is a whole number (quoted or not). The output form `{{ v|length_is:4 }}` prints True or False and has no " +
    "one-to-one replacement: it is reported, as is every other use left behind.",
  docs: DOCS,
  needles: ["length_is"],
  run(ctx) {
    for (const [, token] of liveTokens(ctx, "variable")) {
      if (ANY_USE.test(token.contents)) report(ctx, token, `{{ ${token.contents} }} (it prints True or False)`);
    }
    for (const [, token] of liveTokens(ctx, "block")) {
      if (!ANY_USE.test(token.contents)) continue;
      const name = tagName(token);
      const bits = splitContents(token);
      const edits = [];
      let left = false;
      for (let at = 1; at < bits.length; at++) {
        if (!ANY_USE.test(bits[at]!.text)) continue;
        const match = name === "if" || name === "elif" ? rewritable(bits, at) : undefined;
        if (!match) {
          left = true;
          continue;
        }
        const bit = bits[at]!;
        const number = match[1] ?? match[2] ?? match[3]!;
        edits.push({ start: bit.start + match.index, end: bit.end, text: `|length == ${number}` });
      }
      if (edits.length > 0) ctx.fix(`|length_is:n → |length == n in {% ${name} %}`, edits);
      if (left) report(ctx, token, `{% ${token.contents} %}`);
    }
  },
});
