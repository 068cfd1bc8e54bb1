// The Django template lexer and the block-structure check the template safety net relies on.
import { describe, expect, it } from "vitest";
import { lex, tagName } from "../src/templates/lexer.js";
import { analyse, isStructureError, type Structure } from "../src/templates/structure.js";
import { transformTemplate } from "../src/templates/transform.js";
import { selectTemplateRules } from "../src/rules.js";
import { parseTargets } from "../src/target.js";

const kinds = (text: string) => lex(text).map((t) => [t.kind, t.contents]);

function structure(text: string): Structure {
  const out = analyse(lex(text));
  if (isStructureError(out)) throw new Error(`unexpected structure error: ${out.message}`);
  return out;
}

function error(text: string) {
  const out = analyse(lex(text));
  if (!isStructureError(out)) throw new Error("expected a structure error");
  return out;
}

describe("template lexer", () => {
  it("splits every token kind with exact offsets", () => {
    const text = "a {{ x|upper }} b {%  if y %}c{% endif %}{# note #}";
    const tokens = lex(text);
    expect(tokens.map((t) => [t.kind, t.contents])).toEqual([
      ["text", "a "], ["variable", "x|upper"], ["text", " b "], ["block", "if y"], ["text", "c"], ["block", "endif"], ["comment", "note"],
    ]);
    for (const t of tokens) {
      expect(text.slice(t.contentStart, t.contentEnd)).toBe(t.contents);
      if (t.kind !== "text") expect(text.slice(t.start, t.start + 2)).toMatch(/^\{[{%#]$/);
    }
    // The tokens tile the text: every byte belongs to exactly one token.
    expect(tokens.map((t) => text.slice(t.start, t.end)).join("")).toBe(text);
    expect(tagName(tokens[3]!)).toBe("if");
  });

  it("never lets a tag span lines: an unclosed {% is text", () => {
    expect(kinds("{% if\n x %}")).toEqual([["text", "{% if\n x %}"]]);
    expect(kinds("{{ a\n}} {{ b }}")).toEqual([["text", "{{ a\n}} "], ["variable", "b"]]);
  });

  it("counts lines across LF, CRLF and non-ASCII text", () => {
    const text = "é🎉\r\n{% load static %}\r\nzoë\n{{ v }}";
    const tokens = lex(text);
    expect(tokens.filter((t) => t.kind !== "text").map((t) => [t.contents, t.line])).toEqual([["load static", 2], ["v", 4]]);
    expect(tokens.map((t) => text.slice(t.start, t.end)).join("")).toBe(text);
  });

  it("treats a lone \\r as a line break, as Django's universal-newline read does", () => {
    expect(kinds("{% if\r x %}{{ y }}")).toEqual([["text", "{% if\r x %}"], ["variable", "y"]]);
    expect(lex("a\rb\r\nc\n{{ x }}").at(-1)!.line).toBe(4);
  });

  it("is non-greedy like Django: the first closer ends the tag", () => {
    expect(kinds('{{ "%}" }}{% a %}%}')).toEqual([["variable", '"%}"'], ["block", "a"], ["text", "%}"]]);
  });

  it("turns tags inside verbatim blocks into text, named blocks too", () => {
    const tokens = lex("{% verbatim %}{% if %}{{ x }}{% endverbatim %}{% verbatim a %}{% endverbatim %}{% endverbatim a %}");
    expect(tokens.map((t) => [t.kind, t.contents, Boolean(t.verbatim)])).toEqual([
      ["block", "verbatim", false], ["text", "{% if %}", true], ["text", "{{ x }}", true], ["block", "endverbatim", false],
      ["block", "verbatim a", false], ["text", "{% endverbatim %}", true], ["block", "endverbatim a", false],
    ]);
  });
});

describe("template block structure", () => {
  it("pairs openers with their end tags through nesting", () => {
    const text = "{% if a %}{% for x in y %}{% empty %}{% endfor %}{% else %}{% endif %}";
    const s = structure(text);
    expect(s.partner.get(0)).toBe(5);
    expect(s.partner.get(1)).toBe(3);
    expect(s.signature).toEqual(["if(", "for(", ")for", ")if"]);
  });

  it("treats a tag as a block when the file closes it as often as it opens it", () => {
    expect(structure("{% mytag %}x{% endmytag %}").signature).toEqual(["mytag(", ")mytag"]);
    // django-cms: {% placeholder "a" %} alone, {% placeholder "b" or %}…{% endplaceholder %}: not structural.
    expect(structure('{% placeholder "a" %}{% placeholder "b" or %}x{% endplaceholder %}').signature).toEqual([]);
  });

  it("skips everything inside {% comment %} blocks", () => {
    const s = structure("{% comment %}{% if %}{% endfor %}{% endcomment %}{% if x %}{% endif %}");
    expect([...s.commented]).toEqual([1, 2]);
    expect(s.signature).toEqual(["comment(", ")comment", "if(", ")if"]);
  });

  it("reports unbalanced and crossed blocks with their lines", () => {
    expect(error("{% if a %}\n{% for x in y %}\n{% endif %}")).toMatchObject({ line: 3, message: expect.stringContaining("closes {% for %} from line 2") });
    expect(error("{% if a %}\nx")).toMatchObject({ line: 1, message: expect.stringContaining("never closed") });
    expect(error("x\n{% endif %}")).toMatchObject({ line: 2 });
    expect(error("{% comment %}\n{% if %}")).toMatchObject({ line: 1 });
    expect(error("{% verbatim %}{% endverbatim x %}")).toMatchObject({ line: 1 });
  });

  it("reports syntax Django's template language does not have", () => {
    expect(error("a\n{% if a\n %}{% endif %}").message).toMatch(/not closed on its line/);
    expect(error("{%- if a -%}{% endif %}").message).toMatch(/not Django template syntax/);
    expect(structure("var o = {{\n a: 1 }};").signature).toEqual([]);
    expect(error("{{- x }}").message).toMatch(/not Django template syntax/);
    expect(error("{% %}").message).toMatch(/empty tag/);
    // …but not inside verbatim or comment blocks, where nothing is interpreted.
    expect(structure("{% verbatim %}{% if\n{% endverbatim %}").signature).toEqual(["verbatim(", ")verbatim"]);
    expect(structure("{% comment %}{%- x\n{% endcomment %}").signature).toEqual(["comment(", ")comment"]);
  });
});

describe("template safety net", () => {
  const targets = parseTargets("django-5.0");
  const rules = selectTemplateRules({ targets });

  it("leaves an unbalanced template alone and says where", () => {
    const text = "{% load staticfiles %}\n{% if a %}\n{% ifequal a b %}x{% endifequal %}\n";
    const out = transformTemplate(text, { rules, targets, filename: "templates/x.html" });
    expect(out.changed).toBe(false);
    expect(out.code).toBe(text);
    expect(out.problems).toEqual([expect.objectContaining({ kind: "syntax-error", line: 2 })]);
  });

  it("drops a rule whose edits would change the block structure", () => {
    const broken = { ...rules.find((r) => r.id === "templates/ifequal")!, run(ctx: Parameters<(typeof rules)[number]["run"]>[0]) {
      const end = ctx.tokens.find((t) => t.contents === "endifequal");
      if (end) ctx.fix("breaks the end tag", [{ start: end.contentStart, end: end.contentEnd, text: "endfor" }]);
    } };
    const text = "{% ifequal a b %}x{% endifequal %}";
    const out = transformTemplate(text, { rules: [broken], targets, filename: "templates/x.html" });
    expect(out.code).toBe(text);
    expect(out.problems).toEqual([expect.objectContaining({ kind: "invalid-output", rule: "templates/ifequal" })]);
  });

  it("keeps every byte outside the edited tags (BOM, CRLF, non-ASCII), and a second run changes nothing", () => {
    const text = "\uFEFF<p>é🎉</p>\r\n{%load i18n staticfiles%}\r\n{% ifequal a b %}\r\n{% endifequal %}\r\n";
    const out = transformTemplate(text, { rules, targets, filename: "templates/x.html" });
    expect(out.code).toBe("\uFEFF<p>é🎉</p>\r\n{%load i18n static%}\r\n{% if a == b %}\r\n{% endif %}\r\n");
    expect(transformTemplate(out.code, { rules, targets, filename: "templates/x.html" }).changed).toBe(false);
  });

  it("honours {# pycodemod: ignore #} on a line and pycodemod: skip-file", () => {
    const text = "{% load staticfiles %}{# pycodemod: ignore #}\n{% load admin_static %}\n";
    expect(transformTemplate(text, { rules, targets, filename: "t.html" }).code).toBe("{% load staticfiles %}{# pycodemod: ignore #}\n{% load static %}\n");
    const skipped = "{# pycodemod: skip-file #}\n{% load staticfiles %}\n";
    expect(transformTemplate(skipped, { rules, targets, filename: "t.html" }).changed).toBe(false);
  });
});
