// Random templates built from deprecated and ordinary pieces (nested blocks, comment and verbatim
// blocks, CRLF, non-ASCII text, stray delimiters): the template rules never throw, never break the
// block structure, keep every text token as it was, and a second run changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectTemplateRules } from "../src/rules.js";
import { parseTargets } from "../src/target.js";
import { lex } from "../src/templates/lexer.js";
import { analyse, isStructureError } from "../src/templates/structure.js";
import { transformTemplate } from "../src/templates/transform.js";

const targets = parseTargets("django-5.1");
const rules = selectTemplateRules({ targets });
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

const text = fc.constantFrom("x", "é 🎉 ", "\n", "\r\n", "  ", "{{", "%}", "<p>", "{ % x %}", "staticfiles ifequal length_is");
const leaf = fc.constantFrom(
  "{% load staticfiles %}", "{%load i18n admin_static%}", "{% load static staticfiles %}", "{% load static from staticfiles %}",
  "{% load url from future %}", "{% load cycle ssi from future %}", "{{ v|length_is:2 }}", "{% ssi '/x' %}", "{{ a }}",
  "{# {% ifequal a b %} #}", "{% csrf_token %}", "{% url 'x' %}",
);
type Tree = string;
const block: fc.Memo<Tree> = fc.memo((n) =>
  n <= 1
    ? fc.oneof(text, leaf)
    : fc.oneof(
        text,
        leaf,
        fc.tuple(block(n - 1), block(n - 1)).map(([a, b]) => a + b),
        fc.tuple(fc.constantFrom("ifequal", "ifnotequal"), block(n - 1), fc.option(block(n - 1))).map(
          ([tag, body, other]) => `{% ${tag} a.b "c d" %}${body}${other === null ? "" : `{% else %}${other}`}{% end${tag} %}`,
        ),
        fc.tuple(fc.constantFrom("v|length_is:3", "v|length_is:'1' and w", "not v|length_is:2", "v|length_is:n"), block(n - 1)).map(
          ([cond, body]) => `{% if ${cond} %}${body}{% elif w|length_is:0 %}w{% endif %}`,
        ),
        block(n - 1).map((body) => `{% for x in y %}${body}{% empty %}-{% endfor %}`),
        block(n - 1).map((body) => `{% comment %}${body}{% endcomment %}`),
        block(n - 1).map((body) => `{% verbatim %}${body.replace(/endverbatim/g, "")}{% endverbatim %}`),
      ),
);

const textTokens = (source: string) => lex(source).filter((t) => t.kind === "text" && !t.verbatim).map((t) => t.contents);

describe("template rules on random templates", () => {
  it("never throw or break the structure, keep the text, and are idempotent", () => {
    let changed = 0;
    let refused = 0;
    fc.assert(
      fc.property(block(5), (source) => {
        const out = transformTemplate(source, { rules, targets, filename: "templates/t.html" });
        const before = analyse(lex(source));
        if (isStructureError(before)) {
          expect(out.changed).toBe(false);
          refused++;
          return;
        }
        if (out.changed) changed++;
        expect(out.problems).toEqual([]);
        const after = analyse(lex(out.code));
        expect(isStructureError(after)).toBe(false);
        // Text between tags is never edited; only a dropped `{% load … from future %}` line may
        // take its own line break with it.
        if (!/from future/.test(source)) expect(textTokens(out.code).join("")).toBe(textTokens(source).join(""));
        const again = transformTemplate(out.code, { rules, targets, filename: "templates/t.html" });
        expect(again.code).toBe(out.code);
      }),
      { numRuns: RUNS, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261203 },
    );
    // The generator must exercise the rules, not only the refusals.
    expect(changed).toBeGreaterThan(RUNS / 4);
    expect(refused).toBeLessThan(RUNS / 2);
  });
});
