// {% load url from future %} (and cycle, firstof) is dropped: Django 1.7 and 1.8 deprecated the
// `future` library, 1.9 removed it. The built-in url tag behaves like the future one since 1.5;
// cycle and firstof auto-escape like the future ones from 1.8 on, so those two are dropped only
// for a 1.8+ target. A load left with no names is removed, with its line when it stood alone on
// it. A project that defines its own templatetags/future.py is left alone.
import { splitContents, withLeadingSpace } from "../../src/templates/bits.js";
import { lineEndWithNewline, lineStart } from "../../src/engine/text.js";
import { tagName, type Token } from "../../src/templates/lexer.js";
import { defineTemplateRule, liveTokens } from "../../src/templates/rule.js";
import { targetReaches } from "../../src/target.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.7/#features-deprecated-in-1-7";

/** The span to delete for a whole tag: its line when nothing else is on it, else the tag alone. */
function tagSpan(source: string, token: Token): { start: number; end: number } {
  const start = lineStart(source, token.start);
  const end = lineEndWithNewline(source, token.end);
  const rest = source.slice(token.end, end);
  if (/^[ \t]*$/.test(source.slice(start, token.start)) && /^[ \t]*(?:\r\n|\r|\n)?$/.test(rest)) return { start, end };
  return { start: token.start, end: token.end };
}

export default defineTemplateRule({
  id: "templates/load-from-future",
  aliases: ["template_load_from_future"],
  framework: "django",
  since: "1.7",
  summary: "{% load url from future %} (and cycle, firstof from 1.8 on) is dropped",
  description:
    "The built-in `url` tag has behaved like the `future` one since Django 1.5; `cycle` and `firstof` auto-escape like the " +
    "`future` ones from 1.8, so those two are dropped only when the target is 1.8 or newer. Other names stay in the tag. " +
    "A load left empty is removed, with its line when the tag stood alone on it. Left alone when the project defines its own " +
    "`templatetags/future.py`.",
  docs: DOCS,
  needles: ["future"],
  precheck: (text) => /from\s+future\b/.test(text),
  run(ctx) {
    const droppable = new Set(["url", ...(targetReaches(ctx.targets, "django", "1.8") ? ["cycle", "firstof"] : [])]);
    for (const [, token] of liveTokens(ctx, "block")) {
      if (tagName(token) !== "load") continue;
      const bits = splitContents(token);
      if (bits.length < 4 || bits.at(-2)!.text !== "from" || bits.at(-1)!.text !== "future" || ctx.ownLibrary("future")) continue;
      const names = bits.slice(1, -2);
      const dropped = names.filter((bit) => droppable.has(bit.text));
      const kept = names.filter((bit) => !droppable.has(bit.text));
      if (kept.length > 0 && targetReaches(ctx.targets, "django", "1.9")) {
        ctx.report(token, `{% load ${kept.map((b) => b.text).join(" ")} from future %}: the future library is removed in Django 1.9; load the built-in tags instead (${DOCS})`);
      }
      if (dropped.length === 0) continue;
      const message = `{% load ${dropped.map((b) => b.text).join(" ")} from future %} dropped`;
      if (dropped.length === names.length) ctx.fix(message, [{ ...tagSpan(ctx.source, token), text: "" }]);
      else ctx.fix(message, dropped.map((bit) => ({ ...withLeadingSpace(ctx.source, bit), text: "" })));
    }
  },
});
