// flask/context-stacks: Flask 2.2 deprecated `_app_ctx_stack` and `_request_ctx_stack` (the
// contexts live in context variables now) and Flask 3.0 removed them. Their `.top` reads have
// exact replacements: a truth test or a None check is `has_app_context()` /
// `has_request_context()`, any other use of the value is the current context or None, and an
// attribute of it is an attribute of the `app_ctx` / `request_ctx` proxy (Flask 2.2+). Other uses
// (push, pop, the stack object itself) are reported.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { isTruthTest, needsParentheses } from "../../src/engine/helpers/expression-context.js";
import { fromImportLine, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";

type Kind = "app" | "request";
const STACKS: Record<string, Kind> = {
  "flask._app_ctx_stack": "app",
  "flask.globals._app_ctx_stack": "app",
  "flask._request_ctx_stack": "request",
  "flask.globals._request_ctx_stack": "request",
};
const HAS: Record<Kind, string> = { app: "has_app_context", request: "has_request_context" };
const PROXY: Record<Kind, string> = { app: "app_ctx", request: "request_ctx" };

const ADVICE =
  "was removed in Flask 3.0: keep data on `g` (an extension: under a prefixed name), use `flask.globals.app_ctx` / " +
  "`request_ctx` for the current context and `ctx.push()` / `ctx.pop()` on a context object";

/** How names are spelled: bare (`has_app_context`) after a from-import, or through `flask.` */
interface Spelling {
  has(kind: Kind): string;
  proxy(kind: Kind): string;
}

/** True when `node` runs inside a `try` whose handlers catch AttributeError (the old failure). */
function catchesAttributeError(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === "function_definition" || n.type === "class_definition") return false;
    if (n.type === "try_statement") {
      const body = n.childForFieldName("body");
      const inBody = body && body.startIndex <= node.startIndex && node.endIndex <= body.endIndex;
      if (inBody && n.namedChildren.some((c) => c?.type === "except_clause" && /\bAttributeError\b|^except\s*:/.test(c.text))) return true;
    }
  }
  return false;
}

function isNone(node: Node): boolean {
  return node.type === "none";
}

/** The edit for one use of a stack (`use` is the identifier or attribute naming the stack), or undefined. */
function rewriteUse(ctx: RuleContext, use: Node, kind: Kind, spell: Spelling): { edit: Edit; needs: ("has" | "proxy")[] } | undefined {
  const top = use.parent;
  if (top?.type !== "attribute" || top.childForFieldName("object")?.id !== use.id || top.childForFieldName("attribute")?.text !== "top") {
    return undefined;
  }
  const has = `${spell.has(kind)}()`;
  const wrap = (node: Node, text: string, precedence: "primary" | "comparison" | "not" | "conditional"): Edit => ({
    start: node.startIndex, end: node.endIndex, text: needsParentheses(node, precedence) ? `(${text})` : text,
  });
  if (isTruthTest(top)) return { edit: wrap(top, has, "primary"), needs: ["has"] };
  const parent = top.parent;
  if (parent?.type === "comparison_operator") {
    const operands = parent.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");
    const operators = parent.childrenForFieldName("operators").map((o) => o?.type ?? "");
    if (operands.length === 2 && operators.length === 1 && (operators[0] === "is" || operators[0] === "is not")) {
      const other = operands[0]!.id === top.id ? operands[1]! : operands[0]!;
      // `is not` is one operator node in tree-sitter-python.
      if (isNone(other) && parent.descendantsOfType("comment").length === 0) {
        return operators[0] === "is not"
          ? { edit: wrap(parent, has, "primary"), needs: ["has"] }
          : { edit: wrap(parent, `not ${has}`, "not"), needs: ["has"] };
      }
    }
  }
  const proxy = spell.proxy(kind);
  if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === top.id && !catchesAttributeError(top)) {
    return { edit: { start: top.startIndex, end: top.endIndex, text: proxy }, needs: ["proxy"] };
  }
  return { edit: wrap(top, `${proxy}._get_current_object() if ${has} else None`, "conditional"), needs: ["has", "proxy"] };
}

function report(ctx: RuleContext, at: Node, name: string): void {
  ctx.report(at, `${name}${at.parent?.type === "attribute" ? `.${at.parent.childForFieldName("attribute")?.text}` : ""} ${ADVICE} (${DOCS})`);
}

/** `from flask import _app_ctx_stack` (and flask.globals): rewrite the uses, fix the imports. */
function fromImports(ctx: RuleContext, statement: Node, bindings: ImportBinding[]): void {
  const bare: Spelling = { has: (k) => HAS[k], proxy: (k) => PROXY[k] };
  const edits: Edit[] = [];
  const dropped = new Map<number, string | null>();
  const wanted = new Map<string, { module: string; name: string; sites: Node[] }>();
  const scope = bindings[0]!.scope;
  for (const binding of bindings) {
    const kind = STACKS[binding.qualified]!;
    const refs = ctx.facts.references(binding);
    if (!refs.clean) {
      ctx.report(binding.entry, `${binding.imported} ${ADVICE}; left alone: ${refs.reason} (${DOCS})`);
      continue;
    }
    let kept = false;
    for (const ref of refs.refs) {
      const done = rewriteUse(ctx, ref, kind, bare);
      if (!done) {
        report(ctx, ref, binding.name);
        kept = true;
        continue;
      }
      edits.push(done.edit);
      for (const need of done.needs) {
        const [module, name] = need === "has" ? ["flask", HAS[kind]] : ["flask.globals", PROXY[kind]];
        const entry = wanted.get(name) ?? { module, name, sites: [] };
        entry.sites.push(ref);
        wanted.set(name, entry);
      }
    }
    if (!kept && !(binding.scope.type === "module" && ctx.facts.isExported(binding.name))) dropped.set(binding.entry.id, null);
  }
  const lines: string[] = [];
  // A name from the statement's own module takes the place of a dropped entry.
  const ownModule = bindings[0]!.module;
  const replaced: string[] = [];
  for (const { module, name, sites } of wanted.values()) {
    const qualified = `${module}.${name}`;
    if (sites.every((site) => importedAt(ctx.facts, name, site, new Set([qualified])))) continue;
    if (!ctx.facts.nameIsFree(name, scope, sites, qualified, statement.startIndex)) {
      ctx.report(statement, `_app_ctx_stack/_request_ctx_stack ${ADVICE}; left alone: \`${name}\` already means something else here (${DOCS})`);
      return;
    }
    if (module === ownModule && dropped.size > 0) replaced.push(name);
    else lines.push(fromImportLine(module, [{ name }]));
  }
  if (replaced.length > 0) dropped.set(dropped.keys().next().value!, replaced.sort().join(", "));
  if (edits.length === 0 && dropped.size === 0) return;
  lines.sort();
  const entries = statement.childrenForFieldName("name").filter((e) => e !== null);
  if (entries.every((e) => dropped.get(e!.id) === null) && lines.length > 0) {
    edits.push(replaceStatement(ctx.source, statement, lines, ctx.newline));
  } else {
    if (dropped.size > 0) {
      const importEdits = rewriteImportEntries(ctx.source, statement, dropped);
      if (!importEdits) {
        ctx.report(statement, `_app_ctx_stack/_request_ctx_stack ${ADVICE}; left alone: comments inside this import (${DOCS})`);
        return;
      }
      edits.push(...importEdits);
    }
    if (lines.length > 0) edits.push(insertAbove(ctx.source, statement, lines, ctx.newline));
  }
  ctx.fix("context stack → has_*_context() / app_ctx / request_ctx", edits);
}

/** `flask._app_ctx_stack.top` after `import flask`: written `flask.has_app_context()` / `flask.globals.app_ctx`. */
function attributeForms(ctx: RuleContext): void {
  for (const word of ["_app_ctx_stack", "_request_ctx_stack"]) {
    for (const id of ctx.facts.identifiers(word)) {
      const attribute = id.parent;
      if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
      const qualified = ctx.facts.qualifiedName(attribute);
      const kind = qualified === undefined ? undefined : STACKS[qualified];
      if (!kind) continue;
      const object = attribute.childForFieldName("object")!;
      if (object.type !== "identifier" || ctx.facts.qualifiedName(object) !== "flask") {
        report(ctx, attribute, attribute.text);
        continue;
      }
      const prefix = object.text;
      const done = rewriteUse(ctx, attribute, kind, { has: (k) => `${prefix}.${HAS[k]}`, proxy: (k) => `${prefix}.globals.${PROXY[k]}` });
      if (done) ctx.fix(`${attribute.text}.top → ${done.edit.text}`, [done.edit]);
      else report(ctx, attribute, attribute.text);
    }
  }
}

export default defineRule({
  id: "flask/context-stacks",
  framework: "flask",
  since: "2.2",
  summary: "_app_ctx_stack.top / _request_ctx_stack.top become has_app_context() / app_ctx (and the request forms)",
  description:
    "Flask 2.2 deprecated `_app_ctx_stack` and `_request_ctx_stack` and Flask 3.0 removed them. Their `.top` has exact " +
    "replacements: in a truth test or an `is None` / `is not None` check it becomes `has_app_context()` / " +
    "`has_request_context()`; an attribute of it (`_app_ctx_stack.top.app`, `.top.sqlite_db = conn`) is read from the " +
    "`app_ctx` / `request_ctx` proxy of `flask.globals` (left as the exact form below inside a `try` that catches " +
    "AttributeError, since the proxy raises RuntimeError when no context is active); any other use of the value becomes " +
    "`app_ctx._get_current_object() if has_app_context() else None`. The stack import goes once every use is rewritten; " +
    "`push()`, `pop()` and other uses of the stack object are reported.",
  docs: DOCS,
  needles: ["_app_ctx_stack", "_request_ctx_stack"],
  create(ctx) {
    return {
      module() {
        const byStatement = new Map<number, ImportBinding[]>();
        for (const b of ctx.facts.imports) {
          if (b.kind !== "from" || !(b.qualified in STACKS)) continue;
          byStatement.set(b.statement.id, [...(byStatement.get(b.statement.id) ?? []), b]);
        }
        for (const bindings of byStatement.values()) fromImports(ctx, bindings[0]!.statement, bindings);
        attributeForms(ctx);
      },
    };
  },
});
