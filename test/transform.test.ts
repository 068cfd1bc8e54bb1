// Engine behaviour with small custom rules: passes, deferred overlapping edits, the safety net,
// crashes, ignore comments and statement helpers.
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../src/engine/parser.js";
import { defineRule, type Rule } from "../src/engine/rule.js";
import { transformSync } from "../src/engine/transform.js";
import { removeStatement, insertAbove } from "../src/engine/helpers/statements.js";
import type { Node } from "../src/engine/parser.js";
import type { Edit } from "../src/engine/edits.js";
import { removeStatementAndSpacing } from "../src/engine/helpers/versioned-code.js";
import { removeImportStatement } from "../src/engine/helpers/drop-imports.js";

beforeAll(async () => {
  await loadParser();
});

const targets = { django: "5.0" };

function run(source: string, rules: Rule[], filename = "module.py") {
  return transformSync(source, { rules, targets, filename });
}

/** A rule that replaces every identifier spelled `from` with `to`. */
function renameIdentifier(id: string, from: string, to: string): Rule {
  return defineRule({
    id, framework: "django", since: "1.7", summary: "test", needles: [from],
    create(ctx) {
      return {
        module() {
          for (const node of ctx.facts.identifiers(from)) ctx.fix(`${from} → ${to}`, [{ start: node.startIndex, end: node.endIndex, text: to }]);
        },
      };
    },
  });
}

describe("passes and edits", () => {
  it("applies edits after non-ASCII text at the right offsets", () => {
    const out = run('s = "é 🐍"; old(1)\n', [renameIdentifier("test/a", "old", "new")]);
    expect(out.code).toBe('s = "é 🐍"; new(1)\n');
    expect(out.fixes).toEqual([{ rule: "test/a", message: "old → new", line: 1 }]);
  });

  it("defers an overlapping edit to the next pass and reaches a fixed point", () => {
    // Rule b rewrites whole `call(...)` statements containing `mid`; rule a renames `old` inside them.
    const wrap = defineRule({
      id: "test/b", framework: "django", since: "1.7", summary: "test", needles: ["mid"],
      create(ctx) {
        return {
          call(node: Node) {
            const wrapped = node.parent?.parent?.childForFieldName("function")?.text === "wrapped";
            if (node.childForFieldName("function")?.text === "mid" && !wrapped) ctx.fix("mid → wrapped", [{ start: node.startIndex, end: node.endIndex, text: `wrapped(${node.text})` }]);
          },
        };
      },
    });
    const out = run("mid(old)\n", [renameIdentifier("test/a", "old", "new"), wrap]);
    expect(out.code).toBe("wrapped(mid(new))\n");
    expect(out.fixes.map((f) => f.rule)).toEqual(["test/a", "test/b"]);
  });

  it("a rule whose needle only a fix writes joins the next pass (its fixes and findings count)", () => {
    // `old` → `mid` (first rule), then `mid` → `new` by a rule the original text gave no reason to run.
    const second = renameIdentifier("test/second", "mid", "new");
    const out = run("old(1)\n", [renameIdentifier("test/first", "old", "mid"), second]);
    expect(out.code).toBe("new(1)\n");
    expect(out.fixes.map((f) => f.rule)).toEqual(["test/first", "test/second"]);
    const reporter = defineRule({
      id: "test/reporter", framework: "django", since: "1.7", summary: "test", kind: "finding", needles: ["mid"],
      create(ctx) {
        return { module() { for (const node of ctx.facts.identifiers("mid")) ctx.report(node, "mid is used"); } };
      },
    });
    const reported = run("x = 1\nold(1)\n", [renameIdentifier("test/first", "old", "mid"), reporter]);
    expect(reported.findings).toMatchObject([{ rule: "test/reporter", message: "mid is used", line: 2 }]);
  });

  it("findings come in the order of the file, whichever rule reported them", () => {
    const reporter = (id: string, word: string) =>
      defineRule({
        id, framework: "django", since: "1.7", summary: "test", kind: "finding", needles: [word],
        create(ctx) {
          return { module() { for (const node of ctx.facts.identifiers(word)) ctx.report(node, `${word} here`); } };
        },
      });
    const out = run("late = 1\nearly = 2; late\n", [reporter("test/late", "late"), reporter("test/early", "early")]);
    expect(out.findings.map((f) => [f.line, f.column, f.rule])).toEqual([[1, 1, "test/late"], [2, 1, "test/early"], [2, 12, "test/late"]]);
  });

  it("stops after a bounded number of passes when a rule never settles", () => {
    const grow = defineRule({
      id: "test/grow", framework: "django", since: "1.7", summary: "test", needles: ["x"],
      create(ctx) {
        return { module(root) { ctx.fix("grow", [{ start: root.endIndex, end: root.endIndex, text: "x = 1\n" }]); } };
      },
    });
    const out = transformSync("x = 0\n", { rules: [grow], targets, filename: "m.py", maxPasses: 3 });
    expect(out.code).toBe("x = 0\nx = 1\nx = 1\nx = 1\n");
  });
});

describe("safety net", () => {
  const breaker = defineRule({
    id: "test/breaker", framework: "django", since: "1.7", summary: "test", needles: ["old"],
    create(ctx) {
      return {
        module() {
          for (const node of ctx.facts.identifiers("old")) ctx.fix("break", [{ start: node.startIndex, end: node.endIndex, text: "def (" }]);
        },
      };
    },
  });

  it("never touches a file with a syntax error", () => {
    const source = "old(1\nx = = 2\n";
    const out = run(source, [renameIdentifier("test/a", "old", "new")]);
    expect(out.code).toBe(source);
    expect(out.problems).toMatchObject([{ kind: "syntax-error", line: 1 }]);
  });

  it("drops a rule whose output does not parse and keeps the others", () => {
    const out = run("old(1)\nother(2)\n", [breaker, renameIdentifier("test/a", "other", "fine")]);
    expect(out.code).toBe("old(1)\nfine(2)\n");
    expect(out.problems).toMatchObject([{ kind: "invalid-output", rule: "test/breaker", line: 1 }]);
  });

  // tree-sitter parses `f"{d["k"]}"` (Python 3.12 does too), but Python 3.11 and older do not.
  const quoter = defineRule({
    id: "test/quoter", framework: "django", since: "1.7", summary: "test", needles: ["old"],
    create(ctx) {
      return {
        module() {
          for (const node of ctx.facts.identifiers("old")) ctx.fix("quote", [{ start: node.startIndex, end: node.endIndex, text: 'd["k"]' }]);
        },
      };
    },
  });

  it("drops a rule that writes the f-string's own quote into its {...}, and keeps the others", () => {
    const out = run('x = f"{old}"\nother(2)\n', [quoter, renameIdentifier("test/a", "other", "fine")]);
    expect(out.code).toBe('x = f"{old}"\nfine(2)\n');
    expect(out.problems).toMatchObject([{ kind: "invalid-output", rule: "test/quoter", line: 1 }]);
    expect(out.problems[0]!.message).toContain("before 3.12");
  });

  it("lets the same edit through where Python 3.11 parses it, and fields the file already had", () => {
    const other = run("x = f'{old}'\ny = f'''{old}'''\n", [quoter]);
    expect(other.code).toBe("x = f'{d[\"k\"]}'\ny = f'''{d[\"k\"]}'''\n");
    expect(other.problems).toEqual([]);
    // The file already holds a 3.12-only field: the rule adds none, so its edit stands.
    const already = run('a = f"{e["z"]}"\nb = old\n', [quoter]);
    expect(already.code).toBe('a = f"{e["z"]}"\nb = d["k"]\n');
    expect(already.problems).toEqual([]);
  });

  it("counts a backslash or comment in an f-string's expression, not a # in its format spec", () => {
    const backslash = defineRule({
      id: "test/backslash", framework: "django", since: "1.7", summary: "test", needles: ["old"],
      create(ctx) {
        return { module() { for (const node of ctx.facts.identifiers("old")) ctx.fix("nl", [{ start: node.startIndex, end: node.endIndex, text: "'\\n'.join(y)" }]); } };
      },
    });
    const out = run('x = f"{old}"\ny = f"{n:#x}"\n', [backslash]);
    expect(out.code).toBe('x = f"{old}"\ny = f"{n:#x}"\n');
    expect(out.problems).toMatchObject([{ kind: "invalid-output", rule: "test/backslash" }]);
    const plain = run('x = old\ny = f"{n:#x}"\n', [backslash]);
    expect(plain.code).toBe("x = '\\n'.join(y)\ny = f\"{n:#x}\"\n");
  });

  it("leaves the file unchanged when a rule throws", () => {
    const thrower = defineRule({
      id: "test/throws", framework: "django", since: "1.7", summary: "test", needles: ["old"],
      create() {
        return { module() { throw new Error("boom"); } };
      },
    });
    const source = "old(1)\n";
    const out = run(source, [renameIdentifier("test/a", "old", "new"), thrower]);
    expect(out.code).toBe(source);
    expect(out.changed).toBe(false);
    expect(out.problems).toMatchObject([{ kind: "rule-error", rule: "test/throws" }]);
    expect(out.problems[0]!.message).toContain("boom");
  });
});

describe("prefilter and comments", () => {
  it("does not parse a file without any needle", () => {
    const out = run("x = 1\n", [renameIdentifier("test/a", "old", "new")]);
    expect(out.parsed).toBe(false);
  });

  it("honours # pycodemod: ignore, with and without rule names", () => {
    const rule = renameIdentifier("test/a", "old", "new");
    const source = "old(1)  # pycodemod: ignore\nold(2)  # pycodemod: ignore[test/other]\nold(3)  # pycodemod: ignore[test/a]\nold(4)\n";
    expect(run(source, [rule]).code).toBe("old(1)  # pycodemod: ignore\nnew(2)  # pycodemod: ignore[test/other]\nold(3)  # pycodemod: ignore[test/a]\nnew(4)\n");
  });

  it("skips a file marked # pycodemod: skip-file", () => {
    const source = "# pycodemod: skip-file\nold(1)\n";
    expect(run(source, [renameIdentifier("test/a", "old", "new")]).code).toBe(source);
  });
});

describe("statement helpers", () => {
  function statementRule(id: string, edit: (source: string, node: Node, newline: string) => ReturnType<typeof insertAbove>[]): Rule {
    return defineRule({
      id, framework: "django", since: "1.7", summary: "test", needles: ["target"],
      create(ctx) {
        return {
          expression_statement(node: Node) {
            if (node.text.startsWith("target")) ctx.fix("edit", edit(ctx.source, node, ctx.newline));
          },
        };
      },
    });
  }
  const remove = statementRule("test/remove", (source, node) => removeStatement(source, node));
  const insert = statementRule("test/insert", (source, node, nl) => (source.includes("import new") ? [] : [insertAbove(source, node, ["import new"], nl)]));

  it("removes a statement with its line and trailing comment", () => {
    expect(run("a = 1\ntarget = 2  # note\nb = 3\n", [remove]).code).toBe("a = 1\nb = 3\n");
  });

  it("leaves pass when the statement was alone in its block", () => {
    expect(run("if x:\n    target = 1\nb = 3\n", [remove]).code).toBe("if x:\n    pass\nb = 3\n");
  });

  it("inserts above at the statement's indentation with the file's newline", () => {
    expect(run("def f():\r\n    target()\r\n", [insert]).code).toBe("def f():\r\n    import new\r\n    target()\r\n");
  });

  it("joins with a semicolon when the statement shares its line", () => {
    expect(run("if x: target()\n", [insert]).code).toBe("if x: import new; target()\n");
  });
});

describe("removeStatement keeps the comments inside a statement", () => {
  const dropImports = defineRule({
    id: "test/drop", framework: "django", since: "1.7", summary: "test", needles: ["old"],
    create(ctx) {
      return {
        import_from_statement(node: Node) {
          if (node.childForFieldName("module_name")?.text === "old") ctx.fix("drop", removeStatement(ctx.source, node));
        },
      };
    },
  });

  it("on their own lines at the statement's indentation, the trailing comment last", () => {
    const out = run("x = 1\nfrom old import (  # why\n    a,  # note\n)  # end\ny = 2\n", [dropImports]);
    expect(out.code).toBe("x = 1\n# why\n# note\n# end\ny = 2\n");
  });

  it("above the pass that replaces the only statement of a block, CRLF kept", () => {
    const out = run("if x:\r\n    from old import (  # why\r\n        a,\r\n    )\r\n", [dropImports]);
    expect(out.code).toBe("if x:\r\n    # why\r\n    pass\r\n");
  });

  it("a statement without inner comments goes with its line and trailing comment, as before", () => {
    const out = run("x = 1\nfrom old import a  # gone\ny = 2\n", [dropImports]);
    expect(out.code).toBe("x = 1\ny = 2\n");
  });
});

describe("the spacing-aware removals keep an import's inner comments too", () => {
  const dropSpaced = (remove: (source: string, statement: Node) => Edit[]) => defineRule({
    id: "test/drop-spaced", framework: "django", since: "1.7", summary: "test", needles: ["old"],
    create(ctx) {
      return {
        import_from_statement(node: Node) {
          if (node.childForFieldName("module_name")?.text === "old") ctx.fix("drop", remove(ctx.source, node));
        },
      };
    },
  });

  it("removeStatementAndSpacing and removeImportStatement", () => {
    for (const remove of [removeStatementAndSpacing, removeImportStatement]) {
      const out = run("import a\n\nfrom old import (  # why\n    b,\n)\n\nx = 1\n", [dropSpaced(remove)]);
      expect(out.code).toBe("import a\n\n# why\n\nx = 1\n");
    }
  });

  it("a statement other than an import takes its comments along", () => {
    const dropAssign = defineRule({
      id: "test/drop-assign", framework: "django", since: "1.7", summary: "test", needles: ["old"],
      create(ctx) {
        return {
          expression_statement(node: Node) {
            if (node.text.startsWith("old =")) ctx.fix("drop", removeStatement(ctx.source, node));
          },
        };
      },
    });
    const out = run("x = 1\nold = [  # gone\n    1,\n]\ny = 2\n", [dropAssign]);
    expect(out.code).toBe("x = 1\ny = 2\n");
  });
});
