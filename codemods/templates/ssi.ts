// {% ssi %} (deprecated in Django 1.8, removed in 1.10) has no mechanical replacement: it read a
// file by absolute path, {% include %} takes a template name. Each use is reported with its line.
import { tagName } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens } from "../../src/templates/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.8/#features-deprecated-in-1-8";

export default defineTemplateRule({
  id: "templates/ssi",
  aliases: ["template_ssi"],
  framework: "django",
  since: "1.8",
  kind: "finding",
  summary: "{% ssi %} is reported: replace it with {% include %} of a template name",
  description:
    "`{% ssi /absolute/path %}` included a file by its absolute path; `{% include %}` takes a template name found by the " +
    "template loaders, so the file may need to move under a template folder. Reported, never rewritten.",
  docs: DOCS,
  needles: ["ssi"],
  precheck: (text) => /\{%\s*ssi\s/.test(text),
  run(ctx) {
    for (const [, token] of liveTokens(ctx, "block")) {
      if (tagName(token) !== "ssi") continue;
      ctx.report(token, `{% ssi %} is removed in Django 1.10: move the file under a template folder and use {% include "name" %} instead (${DOCS})`);
    }
  },
});
