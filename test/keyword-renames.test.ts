// The keyword-rename helper: renames only on calls that resolve to the given callable.
import { beforeAll, describe, expect, it } from "vitest";
import { keywordRenames } from "../src/engine/helpers/keyword-renames.js";
import { loadParser } from "../src/engine/parser.js";
import { transformSync } from "../src/engine/transform.js";

beforeAll(async () => {
  await loadParser();
});

const rule = keywordRenames({
  id: "test/email-validator", framework: "django", since: "3.2", summary: "test",
  callables: ["django.core.validators.EmailValidator"],
  renames: { whitelist: "allowlist" },
});

function run(source: string): string {
  return transformSync(source, { rules: [rule], targets: { django: "3.2" }, filename: "m.py" }).code;
}

describe("keywordRenames", () => {
  it("renames the keyword on a directly imported callable", () => {
    expect(run("from django.core.validators import EmailValidator\nv = EmailValidator(whitelist=['a'])\n"))
      .toBe("from django.core.validators import EmailValidator\nv = EmailValidator(allowlist=['a'])\n");
  });

  it("follows module forms and aliases", () => {
    expect(run("from django.core import validators as v\nx = v.EmailValidator(message='m', whitelist=w)\n"))
      .toBe("from django.core import validators as v\nx = v.EmailValidator(message='m', allowlist=w)\n");
  });

  it.each([
    ["a lookalike module", "from myapp.validators import EmailValidator\nEmailValidator(whitelist=1)\n"],
    ["a shadowing parameter", "from django.core.validators import EmailValidator\ndef f(EmailValidator):\n    return EmailValidator(whitelist=1)\n"],
    ["the new keyword already given", "from django.core.validators import EmailValidator\nEmailValidator(whitelist=1, allowlist=2)\n"],
    ["**kwargs that may carry the new keyword", "from django.core.validators import EmailValidator\nEmailValidator(whitelist=1, **kw)\n"],
    ["another callable", "from django.core.validators import URLValidator\nURLValidator(whitelist=1)\n"],
    ["a string mentioning it", "from django.core.validators import EmailValidator\nx = 'EmailValidator(whitelist=1)'\n"],
  ])("leaves %s alone", (_name, source) => {
    expect(run(source)).toBe(source);
  });
});
