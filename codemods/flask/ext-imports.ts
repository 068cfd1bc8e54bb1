// flask/ext-imports: Flask 0.11 deprecated the `flask.ext` namespace that redirected
// `flask.ext.foo` to the extension package `flask_foo`, and Flask 1.0 removed it. Imports through
// it name the package directly instead.
import type { Edit } from "../../src/engine/edits.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { importEntries } from "../../src/engine/helpers/imports.js";
import { replaceStatement } from "../../src/engine/helpers/statements.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-1-0";
const PREFIX = /^flask\.ext\.([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

/** `flask.ext.login.views` → `flask_login.views`; undefined for anything else. */
function packageName(dotted: string): string | undefined {
  const match = PREFIX.exec(dotted.replace(/\s+/g, ""));
  return match ? `flask_${match[1]}${match[2]}` : undefined;
}

function hasComment(node: Node): boolean {
  return node.descendantsOfType("comment").length > 0;
}

/** `from flask.ext.login import X` → `from flask_login import X`. */
function fromSubmodule(ctx: RuleContext, statement: Node, moduleNode: Node, target: string): void {
  ctx.fix(`${moduleNode.text} → ${target}`, [{ start: moduleNode.startIndex, end: moduleNode.endIndex, text: target }]);
}

/** `from flask.ext import login, cache as c` → `import flask_login as login` + `import flask_cache as c`. */
function fromNamespace(ctx: RuleContext, statement: Node): void {
  const lines: string[] = [];
  for (const entry of importEntries(statement)) {
    const aliased = entry.type === "aliased_import";
    const name = (aliased ? entry.childForFieldName("name")! : entry).text;
    const local = aliased ? entry.childForFieldName("alias")!.text : name;
    if (name.includes(".")) return;
    lines.push(local === `flask_${name}` ? `import ${local}` : `import flask_${name} as ${local}`);
  }
  if (lines.length === 0) return;
  if (hasComment(statement)) {
    ctx.report(statement, `flask.ext was removed in Flask 1.0: import the extension packages (flask_<name>) directly; left alone because of comments inside the import (${DOCS})`);
    return;
  }
  ctx.fix("from flask.ext import … → import flask_…", [replaceStatement(ctx.source, statement, lines, ctx.newline)]);
}

/** The identifier at the root of an attribute chain. */
function chainRoot(node: Node): Node {
  let root = node;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  return root;
}

/**
 * `import flask.ext.login` binds `flask`: the entry becomes `import flask_login` and every
 * `flask.ext.login` chain `flask_login`, when the name `flask` is then still bound for its other
 * uses by another import of flask in the same scope, or has no other uses.
 */
function plainImport(ctx: RuleContext, statement: Node, entry: Node, target: string): void {
  const binding = ctx.facts.imports.find((b) => b.entry.id === entry.id);
  if (!binding) return;
  const refs = ctx.facts.references(binding);
  const oldDotted = entry.text.replace(/\s+/g, "");
  const edits: Edit[] = [{ start: entry.startIndex, end: entry.endIndex, text: target }];
  let otherUses = false;
  for (const ref of refs.refs) {
    let chain: Node = ref;
    while (chain.parent?.type === "attribute" && chain.parent.childForFieldName("object")?.id === chain.id) {
      chain = chain.parent;
      if (chain.text.replace(/\s+/g, "") === oldDotted) break;
    }
    if (chain.text.replace(/\s+/g, "") === oldDotted && chainRoot(chain).id === ref.id) {
      edits.push({ start: chain.startIndex, end: chain.endIndex, text: target });
    } else {
      otherUses = true;
    }
  }
  const otherFlaskImport = ctx.facts.imports.some(
    (b) => b.scope.id === binding.scope.id && b.name === "flask" && b.entry.id !== entry.id && packageName(b.module) === undefined,
  );
  if (!refs.clean || (otherUses && !otherFlaskImport)) {
    ctx.report(entry, `flask.ext was removed in Flask 1.0: import ${target} instead of ${oldDotted}; left alone because \`flask\` is used for other things here (${DOCS})`);
    return;
  }
  ctx.fix(`import ${oldDotted} → import ${target}`, edits);
}

export default defineRule({
  id: "flask/ext-imports",
  framework: "flask",
  since: "1.0",
  summary: "imports through flask.ext.<name> import the extension package flask_<name>",
  description:
    "Flask 0.11 deprecated the `flask.ext` import redirect and Flask 1.0 removed it. " +
    "`from flask.ext.login import X` becomes `from flask_login import X`, `from flask.ext import login` becomes " +
    "`import flask_login as login`, `import flask.ext.login as l` becomes `import flask_login as l`, and " +
    "`import flask.ext.login` becomes `import flask_login` with its `flask.ext.login.…` uses rewritten (when `flask` " +
    "stays bound for any other use).",
  docs: DOCS,
  needles: ["ext"],
  precheck: (text) => /flask\s*\.\s*ext\b/.test(text),
  create(ctx) {
    return {
      module() {
        const statements = new Map<number, Node>();
        for (const b of ctx.facts.imports) if (b.module.startsWith("flask.ext")) statements.set(b.statement.id, b.statement);
        for (const statement of statements.values()) {
          if (statement.type === "import_from_statement") {
            const moduleNode = statement.childForFieldName("module_name");
            if (moduleNode?.type !== "dotted_name") continue;
            const dotted = moduleNode.text.replace(/\s+/g, "");
            if (dotted === "flask.ext") {
              if (statement.namedChildren.some((c) => c?.type === "wildcard_import")) continue;
              fromNamespace(ctx, statement);
              continue;
            }
            const target = packageName(dotted);
            if (target) fromSubmodule(ctx, statement, moduleNode, target);
            continue;
          }
          for (const entry of importEntries(statement)) {
            const aliased = entry.type === "aliased_import";
            const dottedNode = aliased ? entry.childForFieldName("name")! : entry;
            const target = packageName(dottedNode.text);
            if (!target) continue;
            if (aliased) ctx.fix(`${dottedNode.text} → ${target}`, [{ start: dottedNode.startIndex, end: dottedNode.endIndex, text: target }]);
            else plainImport(ctx, statement, entry, target);
          }
        }
      },
    };
  },
});
