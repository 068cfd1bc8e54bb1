// {% load staticfiles %} and {% load admin_static %} → {% load static %} (Django 2.1 deprecated
// both libraries, 3.0 removed them; the built-in `static` library does the same since 1.10).
// Other libraries in the same tag are kept, a `static` already loaded there is not repeated, and
// `{% load static from staticfiles %}` becomes `{% load static %}`. A project that defines its own
// templatetags/staticfiles.py (or admin_static.py) loads that library, which is left alone.
import { splitContents, withLeadingSpace } from "../../src/templates/bits.js";
import { tagName } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens } from "../../src/templates/rule.js";

const OLD = new Set(["staticfiles", "admin_static"]);

export default defineTemplateRule({
  id: "templates/load-staticfiles",
  aliases: ["template_load_staticfiles"],
  framework: "django",
  since: "2.1",
  summary: "{% load staticfiles %} and {% load admin_static %} become {% load static %}",
  description:
    "Works inside longer loads (`{% load i18n staticfiles %}` → `{% load i18n static %}`), drops a second `static` in the same tag, " +
    "and turns `{% load static from staticfiles %}` into `{% load static %}`. Left alone when the project defines its own " +
    "`templatetags/staticfiles.py` or `templatetags/admin_static.py`, since the load then means that library.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.1/#features-deprecated-in-2-1",
  needles: ["staticfiles", "admin_static"],
  run(ctx) {
    for (const [, token] of liveTokens(ctx, "block")) {
      if (tagName(token) !== "load") continue;
      const bits = splitContents(token);
      const from = bits.length >= 4 && bits.at(-2)!.text === "from" ? bits.at(-1)! : undefined;
      if (from) {
        // `{% load static from staticfiles %}`: the old libraries held only `static`.
        if (!OLD.has(from.text) || ctx.ownLibrary(from.text)) continue;
        if (!bits.slice(1, -2).every((bit) => bit.text === "static")) continue;
        const cut = withLeadingSpace(ctx.source, bits.at(-2)!);
        ctx.fix(`{% load static from ${from.text} %} → {% load static %}`, [{ start: cut.start, end: from.end, text: "" }]);
        continue;
      }
      let hasStatic = bits.slice(1).some((bit) => bit.text === "static");
      const edits = [];
      const replaced: string[] = [];
      for (const bit of bits.slice(1)) {
        if (!OLD.has(bit.text) || ctx.ownLibrary(bit.text)) continue;
        replaced.push(bit.text);
        if (hasStatic) edits.push({ ...withLeadingSpace(ctx.source, bit), text: "" });
        else edits.push({ start: bit.start, end: bit.end, text: "static" });
        hasStatic = true;
      }
      if (edits.length > 0) ctx.fix(`{% load ${replaced.join(" ")} %} → {% load static %}`, edits);
    }
  },
});
