// The pre-parse scanner used by rule prechecks: it may answer "maybe" too often, never "no" wrongly.
import { describe, expect, it } from "vitest";
import { callArgumentsText, mayReachNames, mayUsePackage, someCallLacksKeyword } from "../src/engine/text-scan.js";

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

describe("someCallArguments", () => {
  const positional = (args: string) => args.length > 0 && !/^[\s\\]*(?:\*|\w+[\s\\]*=(?!=))/.test(args);
  it("finds a call whose arguments pass the test, and says maybe for aliases and unsure text", async () => {
    const { someCallArguments } = await import("../src/engine/text-scan.js");
    expect(someCallArguments("form.save(commit=False)\nx.save()\n", ["save"], positional)).toBe(false);
    expect(someCallArguments("super().save(*args, **kwargs)\n", ["save"], positional)).toBe(false);
    expect(someCallArguments("super().save(False, True)\n", ["save"], positional)).toBe(true);
    // A string or a parenthesized first argument is blanked: not a keyword, so maybe.
    expect(someCallArguments('self.save("default")\n', ["save"], positional)).toBe(true);
    expect(someCallArguments("self.save((a))\n", ["save"], positional)).toBe(true);
    expect(someCallArguments("login(request, None)\n", ["login"], (a) => /\bNone\b/.test(a))).toBe(true);
    expect(someCallArguments("login(request, user)\nx = None\n", ["login"], (a) => /\bNone\b/.test(a))).toBe(false);
    expect(someCallArguments("from django.contrib.auth import login as auth_login\n", ["login"], () => false)).toBe(true);
  });
});

describe("mayReachNames", () => {
  const moved = mayReachNames(["flask.helpers.total_seconds", "werkzeug.contrib.atom"]);
  it.each([
    ["a from-import listing it", "from flask.helpers import total_seconds\n"],
    ["an aliased from-import", "from flask.helpers import (\n    safe_join,\n    total_seconds as ts,\n)\n"],
    ["a from-import continued by backslash", "from flask . helpers import safe_join, \\\n    total_seconds\n"],
    ["a comment inside a parenthesised import (unsure)", "from flask.helpers import (  # helpers\n    safe_join,\n)\n"],
    ["an attribute chain on the module", "from flask import helpers\nhelpers.total_seconds(td)\n"],
    ["an attribute chain on a module alias", "import flask.helpers as h\nh . total_seconds(td)\n"],
    ["a module as the name", "import werkzeug.contrib.atom\n"],
    ["a module from-imported", "from werkzeug.contrib import atom\n"],
    ["a star import and the attribute", "from .compat import *\nhh.total_seconds(td)\n"],
  ])("is true for %s", (_name, text) => {
    expect(moved(text)).toBe(true);
  });

  it.each([
    ["the word alone", "def total_seconds(td):\n    return td.total_seconds()\n"],
    ["another module's from-import", "from flask import request\nfrom mytime import total_seconds\n"],
    ["an attribute without the module spelled", "import flask\nx = td.total_seconds()\n"],
    ["a star import and the bare word", "from .compat import *\ntotal_seconds(td)\n"],
  ])("is false for %s", (_name, text) => {
    expect(moved(text)).toBe(false);
  });

  it("with bare, lets a star import bind the plain name", () => {
    expect(mayReachNames(["flask.helpers.total_seconds"], { bare: true })("from .compat import *\ntotal_seconds(td)\n")).toBe(true);
  });
});

describe("mayUsePackage", () => {
  it("needs the package spelled or a star import", () => {
    expect(mayUsePackage("from django.db import models\n", "django")).toBe(true);
    expect(mayUsePackage("from .base import *\n", "django")).toBe(true);
    expect(mayUsePackage("from sqlalchemy import ForeignKey\n# not django_extensions\n", "django")).toBe(false);
  });
});

describe("mayReachNames on attribute chains", () => {
  const escape = mayReachNames(["flask.escape"]);
  it("needs the module before the attribute, or an alias of the module", () => {
    expect(escape("import flask\nflask.escape(x)\n")).toBe(true);
    expect(escape("import flask as fl\nfl.escape(x)\n")).toBe(true);
    expect(escape("from flask import Blueprint\nimport html\nhtml.escape(x)\n")).toBe(false);
  });
});

describe("mayReachNames with CRLF line ends", () => {
  it("follows a backslash continuation of a from-import", () => {
    expect(mayReachNames(["flask.helpers.total_seconds"])("from flask.helpers import safe_join, \\\r\n    total_seconds\r\n")).toBe(true);
  });
});
