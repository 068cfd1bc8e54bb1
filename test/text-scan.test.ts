// The pre-parse scanner used by rule prechecks: it may answer "maybe" too often, never "no" wrongly.
import { describe, expect, it } from "vitest";
import { callArgumentsText, someCallLacksKeyword } from "../src/engine/text-scan.js";

const lacks = (text: string) => someCallLacksKeyword(text, ["ForeignKey", "OneToOneField"], "on_delete");

describe("callArgumentsText", () => {
  it("matches parentheses across nesting, strings and comments", () => {
    const text = 'f(a, g(")"), [1, (2)], \'(\'  # ) comment\n, """)""", on_delete=x)';
    expect(callArgumentsText(text, 1)).toContain("on_delete=x");
  });

  it("gives up on unterminated input", () => {
    expect(callArgumentsText("f(a, 'b", 1)).toBeUndefined();
    expect(callArgumentsText("f(a, (b)", 1)).toBeUndefined();
  });
});

describe("someCallLacksKeyword", () => {
  it("is false when every call passes the keyword", () => {
    expect(lacks("a = models.ForeignKey(User, on_delete=models.CASCADE)\nb = OneToOneField(\n    'x',\n    on_delete=PROTECT,\n)\n")).toBe(false);
  });

  it.each([
    ["a call without it", "a = models.ForeignKey(User, null=True)\n"],
    ["one of two calls without it", "a = ForeignKey(U, on_delete=C)\nb = ForeignKey(V)\n"],
    ["the keyword only inside a string", "a = ForeignKey(U, help_text='on_delete=C')\n"],
    ["the keyword only in a comment", "a = ForeignKey(U,  # on_delete=C\n)\n"],
    ["the keyword only in a nested call", "a = ForeignKey(f(on_delete=1))\n"],
    ["an aliased import", "from django.db.models import ForeignKey as FK\na = ForeignKey(U, on_delete=C)\nb = FK(U)\n"],
    ["an unterminated call", "a = ForeignKey(U, on_delete=C\n"],
  ])("is true for %s", (_name, text) => {
    expect(lacks(text)).toBe(true);
  });
});
