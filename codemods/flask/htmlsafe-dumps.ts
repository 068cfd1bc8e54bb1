// flask/htmlsafe-dumps: Flask 2.2 deprecated `flask.json.htmlsafe_dumps` / `htmlsafe_dump`
// (Flask 2.3 removed them). From 2.2 they were Jinja's `htmlsafe_json_dumps` called with Flask's
// `dumps`, so that call, with `dumps=` passed to keep Flask's JSON types, is the same thing; the
// file form wrote that string to `fp`.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { callArgs, callOf, importedAt } from "../../src/engine/helpers/calls.js";
import { fromImportAt } from "../../src/engine/helpers/from-import.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, removeStatement, replaceStatement } from "../../src/engine/helpers/statements.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";
const JINJA = "htmlsafe_json_dumps";
const JINJA_LINE = `from jinja2.utils import ${JINJA}`;
const NAMES = ["htmlsafe_dumps", "htmlsafe_dump"];
const QUALIFIED = new Set(NAMES.map((n) => `flask.json.${n}`));

const say = (ctx: RuleContext, at: Node, name: string) =>
  ctx.report(at, `flask.json.${name} was removed in Flask 2.3: use jinja2.utils.htmlsafe_json_dumps(obj, dumps=flask.json.dumps)${name === "htmlsafe_dump" ? " and write the result to the file" : ""} (${DOCS})`);

/** The call rewritten with `fn` as Jinja's function and `dumps` as Flask's, or undefined for other shapes. */
function rewriteCall(ctx: RuleContext, call: Node, name: string, fn: string, dumps: string): Edit | undefined {
  const args = callArgs(call);
  if (!args || args.listSplat || args.comments.length > 0) return undefined;
  const want = name === "htmlsafe_dumps" ? 1 : 2;
  if (args.positional.length !== want || args.args[0]?.id !== args.positional[0]!.id || args.keywords.has("dumps")) return undefined;
  const obj = args.positional[0]!;
  const open = args.list.startIndex + 1;
  const close = args.list.endIndex - 1;
  if (name === "htmlsafe_dumps") {
    const rest = ctx.source.slice(obj.endIndex, close);
    return { start: call.startIndex, end: call.endIndex, text: `${fn}(${ctx.source.slice(open, obj.endIndex)}, dumps=${dumps}${rest})` };
  }
  // `htmlsafe_dump(obj, fp)` as a statement of its own: `fp.write(...)`, with a plain name or attribute as fp.
  const fp = args.positional[1]!;
  if (args.args[1]?.id !== fp.id || !/^[A-Za-z_][\w.]*$/.test(fp.text)) return undefined;
  if (call.parent?.type !== "expression_statement") return undefined;
  const rest = ctx.source.slice(fp.endIndex, close);
  return { start: call.startIndex, end: call.endIndex, text: `${fp.text}.write(${fn}(${ctx.source.slice(open, obj.endIndex)}, dumps=${dumps}${rest}))` };
}

export default defineRule({
  id: "flask/htmlsafe-dumps",
  framework: "flask",
  since: "2.2",
  summary: "flask.json.htmlsafe_dumps(obj) becomes jinja2.utils.htmlsafe_json_dumps(obj, dumps=json.dumps)",
  description:
    "Flask 2.2 deprecated `flask.json.htmlsafe_dumps(obj, **kwargs)` and `htmlsafe_dump(obj, fp, **kwargs)`, and " +
    "Flask 2.3 removed them. They called Jinja's `htmlsafe_json_dumps` with Flask's `dumps` (a `Markup` result), so " +
    "`htmlsafe_dumps(obj, ...)` becomes `htmlsafe_json_dumps(obj, dumps=<flask.json>.dumps, ...)` and a " +
    "`htmlsafe_dump(obj, fp, ...)` statement becomes `fp.write(htmlsafe_json_dumps(obj, dumps=..., ...))`. " +
    "`from jinja2.utils import htmlsafe_json_dumps` is added, and the old import entry becomes `dumps` when Flask's " +
    "`dumps` is not reachable otherwise. Other uses (passed as a value, `*args`, a file expression that is not a " +
    "plain name) are reported.",
  docs: DOCS,
  needles: NAMES,
  precheck: (text) => text.includes("flask"),
  create(ctx) {
    return {
      module() {
        const calls: { call: Node; name: string; dumps?: string }[] = [];
        // `from flask.json import htmlsafe_dumps [as x]`: the statement's entries change with the calls.
        const statements = new Map<number, { statement: Node; bindings: ImportBinding[] }>();
        let blocked = false;
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || !QUALIFIED.has(binding.qualified)) continue;
          const name = binding.imported!;
          const refs = ctx.facts.references(binding);
          const callsHere = refs.clean ? refs.refs.map((r) => callOf(r)) : [];
          if (!refs.clean || ctx.facts.isExported(binding.name) || callsHere.some((c) => !c) || binding.statement.parent?.type !== "module") {
            say(ctx, binding.entry, name);
            for (const r of refs.refs) say(ctx, r, name);
            blocked = true;
            continue;
          }
          for (const call of callsHere) calls.push({ call: call!, name });
          const entry = statements.get(binding.statement.id) ?? { statement: binding.statement, bindings: [] };
          entry.bindings.push(binding);
          statements.set(binding.statement.id, entry);
        }
        // `json.htmlsafe_dumps(...)` / `flask.json.htmlsafe_dumps(...)`: Flask's dumps is beside it.
        for (const name of NAMES) {
          for (const id of ctx.facts.identifiers(name)) {
            const attribute = id.parent;
            if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
            if (ctx.facts.qualifiedName(attribute) !== `flask.json.${name}`) continue;
            const call = callOf(attribute);
            if (!call) {
              say(ctx, attribute, name);
              continue;
            }
            calls.push({ call, name, dumps: `${attribute.childForFieldName("object")!.text}.dumps` });
          }
        }
        if (calls.length === 0) return;
        const sites = calls.map((c) => c.call);
        const edits: Edit[] = [];
        // Flask's dumps for the bare calls: an import of it already there, `json` or `flask` imported as modules, or the old entry renamed.
        let renameEntry: ImportBinding | undefined;
        const bare = calls.filter((c) => c.dumps === undefined);
        if (bare.length > 0) {
          const sitesOf = bare.map((c) => c.call);
          const via = [
            ["dumps", "flask.json.dumps", "dumps"],
            ["json", "flask.json", "json.dumps"],
            ["flask", "flask", "flask.json.dumps"],
          ].find(([name, qualified]) => sitesOf.every((site) => importedAt(ctx.facts, name!, site, new Set([qualified!]))));
          let dumps = via?.[2];
          if (!dumps) {
            renameEntry = [...statements.values()][0]!.bindings[0]!;
            if (!ctx.facts.nameIsFree("dumps", ctx.root, sitesOf, "flask.json.dumps", renameEntry.statement.startIndex)) {
              for (const c of calls) say(ctx, c.call, c.name);
              return;
            }
            dumps = "dumps";
          }
          for (const c of bare) c.dumps = dumps;
        }
        // Jinja's function: already imported, or a new line (above the old import when there is one).
        const jinjaPresent = sites.every((site) => importedAt(ctx.facts, JINJA, site, new Set([`jinja2.utils.${JINJA}`, `jinja2.${JINJA}`])));
        const firstStatement = [...statements.values()][0]?.statement;
        if (!jinjaPresent && !ctx.facts.nameIsFree(JINJA, ctx.root, sites, `jinja2.utils.${JINJA}`, firstStatement?.startIndex ?? 0)) {
          for (const c of calls) say(ctx, c.call, c.name);
          return;
        }
        for (const c of calls) {
          const edit = rewriteCall(ctx, c.call, c.name, JINJA, c.dumps!);
          if (!edit) {
            say(ctx, c.call, c.name);
            blocked = true;
            continue;
          }
          edits.push(edit);
        }
        if (blocked) {
          // The old imports stay while something still uses them, so the calls are left for the user too.
          return;
        }
        let jinjaAdded = jinjaPresent;
        for (const { statement, bindings } of statements.values()) {
          const changes = new Map<number, string | null>(bindings.map((b) => [b.entry.id, b === renameEntry ? "dumps" : null]));
          const entryEdits = rewriteImportEntries(ctx.source, statement, changes);
          if (!entryEdits) {
            for (const c of calls) say(ctx, c.call, c.name);
            return;
          }
          const emptied = bindings.length === statement.childrenForFieldName("name").length && !renameEntry;
          if (!jinjaAdded && emptied) {
            edits.push(replaceStatement(ctx.source, statement, [JINJA_LINE], ctx.newline));
          } else {
            if (!jinjaAdded) edits.push(insertAbove(ctx.source, statement, [JINJA_LINE], ctx.newline));
            edits.push(...(emptied ? removeStatement(ctx.source, statement) : entryEdits));
          }
          jinjaAdded = true;
        }
        if (!jinjaAdded) {
          const importEdits = fromImportAt(ctx.facts, ctx.source, ctx.newline, "jinja2.utils", JINJA, sites);
          if (!importEdits) {
            for (const c of calls) say(ctx, c.call, c.name);
            return;
          }
          edits.push(...importEdits);
        }
        ctx.fix("htmlsafe_dumps → jinja2.utils.htmlsafe_json_dumps(..., dumps=...)", edits);
      },
    };
  },
});
