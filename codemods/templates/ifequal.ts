// {% ifequal a b %}…{% endifequal %} → {% if a == b %}…{% endif %}, and ifnotequal with != (Django
// 3.1 deprecated both tags, 4.0 removed them). The arguments are kept as written; {% else %} is
// the same in both tags. Opener and end tag are paired by the block structure and rewritten
// together. Left alone: an argument count other than two, an argument spelled like an operator of
// {% if %} (`in`, `not`, ...), and an end tag with extra words (which {% endif %} does not take).
import { hasSplitTranslation, IF_OPERATORS, splitContents } from "../../src/templates/bits.js";
import { tagName } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens } from "../../src/templates/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";
const OPERATOR: Record<string, string> = { ifequal: "==", ifnotequal: "!=" };

export default defineTemplateRule({
  id: "templates/ifequal",
  aliases: ["template_ifequal"],
  framework: "django",
  since: "3.1",
  summary: "{% ifequal a b %} and {% ifnotequal a b %} become {% if a == b %} and {% if a != b %}, with {% endif %}",
  description:
    "Nested blocks and `{% else %}` are kept; each opener is paired with its own end tag through the template's block structure. " +
    "Tags with other than two arguments, with an argument spelled like an `{% if %}` operator, or with words after the end tag " +
    "are left alone.",
  docs: DOCS,
  needles: ["ifequal", "ifnotequal"],
  run(ctx) {
    for (const [index, token] of liveTokens(ctx, "block")) {
      const name = tagName(token);
      const operator = OPERATOR[name];
      if (!operator) continue;
      const closer = ctx.tokens[ctx.structure.partner.get(index) ?? -1];
      const bits = splitContents(token);
      const why = !closer || closer.contents !== `end${name}` ? `{% ${closer?.contents ?? `end${name}`} %} has words {% endif %} does not take`
        : bits.length !== 3 || hasSplitTranslation(bits) ? `it does not have exactly two arguments`
        : bits.some((bit) => IF_OPERATORS.has(bit.text)) ? `an argument is spelled like an operator of {% if %}`
        : undefined;
      if (why || !closer) {
        ctx.report(token, `{% ${name} %} is removed in Django 4.0 and was left alone: ${why}; rewrite it as {% if a ${operator} b %} … {% endif %} by hand (${DOCS})`);
        continue;
      }
      const condition = `${bits[1]!.text} ${operator} ${bits[2]!.text}`;
      ctx.fix(`{% ${name} %} → {% if ${condition} %}`, [
        { start: token.contentStart, end: token.contentEnd, text: `if ${condition}` },
        { start: closer.contentStart, end: closer.contentEnd, text: "endif" },
      ]);
    }
  },
});
