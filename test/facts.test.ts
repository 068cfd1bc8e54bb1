// Unit tests of the module facts: which uses of a name refer to an import.
import { beforeAll, describe, expect, it } from "vitest";
import { Facts } from "../src/engine/facts.js";
import { loadParser, parse } from "../src/engine/parser.js";

beforeAll(async () => {
  await loadParser();
});

/** Runs `check` with the facts of `source`, freeing the tree afterwards. */
function withFacts<T>(source: string, check: (facts: Facts) => T): T {
  const tree = parse(source);
  try {
    return check(new Facts(source, tree.rootNode));
  } finally {
    tree.delete();
  }
}

/** Line numbers (1-based) of the uses that refer to the first import binding named `name`. */
function refLines(source: string, name: string): number[] | "unclean" {
  return withFacts(source, (facts) => {
    const binding = facts.imports.find((b) => b.name === name);
    if (!binding) throw new Error(`no import binds ${name}`);
    const refs = facts.references(binding);
    return refs.clean ? refs.refs.map((r) => r.startPosition.row + 1) : "unclean";
  });
}

describe("import bindings", () => {
  it("records every import form with its qualified name", () => {
    const src = [
      "import a.b.c",
      "import a.b as m",
      "from x.y import p, q as r",
      "from . import local",
      "from .rel import thing",
      "from star.mod import *",
      "from __future__ import annotations",
      "def f():",
      "    from inner import name",
    ].join("\n");
    const got = withFacts(src, (facts) => facts.imports.map((b) => [b.name, b.qualified, b.scope.type]));
    expect(got).toEqual([
      ["a", "a", "module"],
      ["m", "a.b", "module"],
      ["p", "x.y.p", "module"],
      ["r", "x.y.q", "module"],
      ["name", "inner.name", "function_definition"],
    ]);
  });

  it("gives attribute chains their qualified names", () => {
    const src = "import django.utils.encoding\nfrom django.utils import encoding as enc\nenc.force_text\ndjango.utils.encoding.smart_text\n";
    const got = withFacts(src, (facts) => {
      const attrs = facts.root.descendantsOfType("attribute").filter((n) => n?.parent?.type === "expression_statement");
      return attrs.map((n) => facts.qualifiedName(n!));
    });
    expect(got).toEqual(["django.utils.encoding.force_text", "django.utils.encoding.smart_text"]);
  });
});

describe("references", () => {
  const imp = "from m import f\n";

  it("finds module-level and nested uses", () => {
    expect(refLines(`${imp}f()\ndef g():\n    return f(1)\nclass C:\n    x = f\n`, "f")).toEqual([2, 4, 6]);
  });

  it("a parameter of the same name shadows the import", () => {
    expect(refLines(`${imp}def g(f):\n    return f(1)\nf()\n`, "f")).toEqual([4]);
  });

  it("defaults and decorators are evaluated outside the function", () => {
    expect(refLines(`${imp}@f\ndef g(x=f, *, y: f = 1):\n    return x\n`, "f")).toEqual([2, 3, 3]);
  });

  it("a local assignment anywhere in a function shadows every use in it, even earlier ones", () => {
    expect(refLines(`${imp}def g():\n    y = f(1)\n    f = str\n    return y\n`, "f")).toEqual([]);
  });

  it("global and nonlocal declarations send bindings outward", () => {
    expect(refLines(`${imp}def g():\n    global f\n    f = 1\n`, "f")).toBe("unclean");
  });

  it("a class attribute does not shadow the import inside methods", () => {
    expect(refLines(`${imp}class C:\n    f = 1\n    def m(self):\n        return f()\n`, "f")).toEqual([5]);
  });

  it("comprehension targets are local, the first iterable is outside", () => {
    expect(refLines(`${imp}xs = [f for f in f]\nys = [f(x) for x in range(3)]\n`, "f")).toEqual([2, 3]);
  });

  it("lambda parameters shadow", () => {
    expect(refLines(`${imp}g = lambda f: f(1)\nh = lambda x: f(x)\n`, "f")).toEqual([3]);
  });

  it("except/with/for/walrus/match targets bind", () => {
    const bodies = [
      "try:\n    pass\nexcept E as f:\n    pass\n",
      "with open(p) as f:\n    pass\n",
      "for f in xs:\n    pass\n",
      "if (f := 3):\n    pass\n",
      "match v:\n    case [f]:\n        pass\n",
      "del f\n",
      "f += 1\n",
    ];
    for (const body of bodies) expect(refLines(`${imp}${body}f()\n`, "f"), body).toBe("unclean");
  });

  it("a certain rebinding: module-level code after it reads it, code before reads the import, a function is unclean", () => {
    const bodies = ["a, *f = xs\n", "def f():\n    pass\n", "class f:\n    pass\n", "import other as f\n", "f = 1\n"];
    for (const body of bodies) {
      expect(refLines(`${imp}${body}f()\n`, "f"), body).toEqual([]);
      expect(refLines(`${imp}f()\n${body}f()\n`, "f"), body).toEqual([2]);
      expect(refLines(`${imp}class C:\n    x = f()\n${body}`, "f"), body).toEqual([3]);
      expect(refLines(`${imp}${body}def g():\n    return f()\n`, "f"), body).toBe("unclean");
      expect(refLines(`${imp}for i in xs:\n    f()\n    ${body.replace(/\n(?=.)/g, "\n    ")}`, "f"), body).toBe("unclean");
    }
  });

  it("a use before the import at module level is unclean", () => {
    expect(refLines(`f()\n${imp}f()\n`, "f")).toBe("unclean");
  });

  it("a class body or comprehension above the import runs before it: unclean", () => {
    expect(refLines(`class C:\n    x = f()\n${imp}f()\n`, "f")).toBe("unclean");
    expect(refLines(`xs = [f(i) for i in range(2)]\n${imp}`, "f")).toBe("unclean");
    expect(refLines(`class C:\n    def m(self):\n        return f()\n${imp}`, "f")).toEqual([3]);
  });

  it("PEP 695 type parameters shadow in annotations and bodies, not outside", () => {
    expect(refLines(`${imp}def g[f](x: f) -> f:\n    return f\nclass K[f](Base[f]):\n    y: f\nf()\n`, "f")).toEqual([6]);
    expect(refLines(`${imp}def g[T](x: f = f) -> T:\n    return f()\n`, "f")).toEqual([2, 2, 3]);
  });

  it("a function defined before the import still refers to it at call time", () => {
    expect(refLines(`def g():\n    return f()\n${imp}`, "f")).toEqual([2]);
  });

  it("identical imports in try/except count as one binding; different ones are unclean", () => {
    expect(refLines(`try:\n    from m import f\nexcept ImportError:\n    from m import f\nf()\n`, "f")).toEqual([5]);
    expect(refLines(`try:\n    from m import f\nexcept ImportError:\n    from n import f\nf()\n`, "f")).toBe("unclean");
  });

  it("a star import after the import may rebind it; one before may not", () => {
    expect(refLines(`${imp}from other import *\nf()\n`, "f")).toBe("unclean");
    expect(refLines(`from other import *\n${imp}f()\n`, "f")).toEqual([3]);
  });

  it("ignores attribute names, keyword names, strings, comments", () => {
    expect(refLines(`${imp}o.f\ncall(f=1)\n"f"\n# f\nx = f"{f}"\n`, "f")).toEqual([6]);
  });

  it("works with non-ASCII text before the name (UTF-16 offsets)", () => {
    expect(refLines(`${imp}s = "é 🐍 ünïcode"; f()\nmoté = f\n`, "f")).toEqual([2, 3]);
  });
});

describe("isExported", () => {
  const exported = (src: string, name: string) => withFacts(src, (facts) => facts.isExported(name));

  it("reads string literals of module-scope __all__ statements, inside top-level blocks too", () => {
    expect(exported('__all__ = ["a", \'b\']\n', "a")).toBe(true);
    expect(exported('if True:\n    __all__ = ("a",)\n', "a")).toBe(true);
    expect(exported('__all__ = []\n__all__ += ["c"]\n__all__.extend(["d"])\n', "d")).toBe(true);
    expect(exported('__all__ = ["a"]\n', "b")).toBe(false);
  });

  it("ignores __all__ inside functions and classes, and strings elsewhere", () => {
    expect(exported('def f():\n    __all__ = ["a"]\nx = "a"\n', "a")).toBe(false);
  });

  it("treats a computed __all__ as exporting anything", () => {
    expect(exported('from base import __all__ as base_all\n__all__ = base_all + ["a"]\n', "zzz")).toBe(true);
  });
});

describe("nameIsFree", () => {
  function free(src: string, name: string, qualified: string): boolean {
    return withFacts(src, (facts) => {
      const binding = facts.imports.find((b) => b.name === "f")!;
      const refs = facts.references(binding);
      return facts.nameIsFree(name, binding.scope, refs.refs, qualified, binding.statement.startIndex);
    });
  }

  it("is free when nothing uses the name", () => {
    expect(free("from m import f\nf()\n", "g", "m.g")).toBe(true);
  });

  it("is not free when a parameter would capture a renamed use", () => {
    expect(free("from m import f\ndef h(g):\n    return f(g)\n", "g", "m.g")).toBe(false);
  });

  it("is not free when the module binds the name to something else", () => {
    expect(free("from m import f\nfrom os import g\nf()\n", "g", "m.g")).toBe(false);
  });

  it("is free when the name is already imported from the right place", () => {
    expect(free("from m import f, g\nf(g)\n", "g", "m.g")).toBe(true);
  });

  it("is not free when an unbound use of the name exists (it would be captured)", () => {
    expect(free("from m import f\nf()\ng()\n", "g", "m.g")).toBe(false);
  });
});
