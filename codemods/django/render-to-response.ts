// django/render-to-response: Django 2.0 removed django.shortcuts.render_to_response, which had been
// superseded by render(request, ...). The rewrite needs the request object at every call, so the
// file is rewritten as a whole or not at all: each call must sit in a function whose first
// parameter is `request` (and that name must still mean that parameter at the call).
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, insertArgument } from "../../src/engine/helpers/calls.js";
import { formatImportName, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";
import { enclosingScope } from "../../src/engine/scope.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/2.0/#features-removed-in-2-0";

const OLD = "render_to_response";
const NEW = "render";
const QUALIFIED = "django.shortcuts.render_to_response";
const QUALIFIED_NEW = "django.shortcuts.render";
/** Keywords both functions accept with the same meaning. */
const KEYWORDS = new Set(["template_name", "context", "content_type", "status", "using"]);

/** The identifier of the first positional parameter of a def, if it is a plain or annotated name. */
function parameterName(parameter: Node | undefined): string | undefined {
  if (!parameter) return undefined;
  if (parameter.type === "identifier") return parameter.text;
  if (parameter.type === "typed_parameter") {
    const name = parameter.namedChildren.find((c) => c?.type === "identifier");
    return name?.text;
  }
  return undefined;
}

/**
 * The parameter that holds the request: the first one of a function, or the one after `self` of
 * a method written directly in a class body (`def get(self, request)`).
 */
function requestParameter(def: Node): string | undefined {
  const parameters = (def.childForFieldName("parameters")?.namedChildren ?? []).filter((c): c is Node => c !== null && c.type !== "comment");
  const first = parameterName(parameters[0]);
  if (first === "request") return first;
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  const method = statement.parent?.type === "block" && statement.parent.parent?.type === "class_definition";
  const decorated = statement.type === "decorated_definition" && /\b(?:staticmethod|classmethod)\b/.test(statement.text.slice(0, def.startIndex - statement.startIndex));
  return method && !decorated ? parameterName(parameters[1]) : first;
}

/** Why the call cannot become render(request, ...), or undefined when it can. */
function callProblem(ctx: RuleContext, ref: Node): string | undefined {
  const call = callOf(ref);
  if (!call) return "it is used other than as a call";
  const args = callArgs(call);
  if (!args) return "its arguments cannot be read";
  if (args.listSplat || args.dictSplat) return "a call passes *args or **kwargs";
  if (args.args.length === 0) return "a call has no arguments";
  if (args.positional.length > 5) return "a call has more positional arguments than render() takes";
  for (const name of args.keywords.keys()) {
    if (!KEYWORDS.has(name)) return `a call passes \`${name}=\`, which render() does not take`;
  }
  const scope = enclosingScope(call);
  if (scope.type !== "function_definition") return "a call is not directly inside a def";
  if (requestParameter(scope) !== "request") return "a call is in a function whose first parameter (after self) is not `request`";
  // `request` must still be that parameter where the call is written.
  const resolution = ctx.facts.resolveName("request", call);
  if (resolution.scope?.id !== scope.id || resolution.bindings.length !== 1) return "`request` is rebound in its function";
  return undefined;
}

/**
 * `groups`: every import of render_to_response in the file, one group per scope and local name,
 * each in source order. All or nothing: each import is renamed in place and every call gets the
 * request. An aliased import keeps its alias (`render as r2r`), so its calls keep their name.
 */
function rewrite(ctx: RuleContext, groups: ImportBinding[][]): void {
  const { facts } = ctx;
  const first = groups[0]![0]!;
  const leave = (why: string) =>
    ctx.report(first.entry, `${OLD} is removed in Django 2.0 but this file was left alone: ${why}; switch to render(request, ...) by hand; see ${DOCS}`);
  for (const name of new Set(groups.map((g) => g[0]!.name))) {
    // Other modules would import it from here and call it without the request.
    if (facts.isExported(name)) return leave(`${name} is exported through __all__`);
  }
  const edits: Edit[] = [];
  const known = new Set<number>();
  for (const group of groups) {
    const binding = group[0]!;
    const aliased = binding.name !== OLD;
    // Every import of one name in one scope means the same object, so the uses of each come back from the first.
    const refs = facts.references(binding);
    if (!refs.clean) return leave(refs.reason ?? "its uses cannot be told apart");
    for (const b of group) known.add(b.local.id);
    for (const ref of refs.refs) known.add(ref.id);
    // `render` must be free where the import binds it and at every call (a method named render in a
    // class body does not count: methods do not see class-level names).
    if (!aliased && !facts.nameIsFree(NEW, binding.scope, refs.refs, QUALIFIED_NEW, binding.statement.startIndex)) return leave(`the name ${NEW} already means something else here`);
    for (const ref of refs.refs) {
      const problem = callProblem(ctx, ref);
      if (problem) return leave(`${problem} (${lineOf(ref)})`);
      const args = callArgs(callOf(ref)!)!;
      if (!aliased) edits.push({ start: ref.startIndex, end: ref.endIndex, text: NEW });
      edits.push(...insertArgument(ctx.source, args, 0, "request", ctx.newline));
    }
  }
  // Another binding of the name in a scope of its own (a view class's render_to_response method, a
  // parameter) is another namespace, which the renamed imports leave as it is; only a use or
  // binding in an import's own namespace that is not one of ours makes the rename unsafe.
  for (const name of new Set(groups.map((g) => g[0]!.name))) {
    const importScopes = new Set(groups.filter((g) => g[0]!.name === name).map((g) => g[0]!.scope.id));
    const foreign = facts.table(name).occurrences.some((o) => !known.has(o.node.id) && importScopes.has(o.scope.id));
    if (foreign) return leave(`the name ${name} is also used for something else`);
  }
  const statements = new Map<number, { statement: Node; entries: Map<number, string> }>();
  for (const b of groups.flat()) {
    const at = statements.get(b.statement.id) ?? { statement: b.statement, entries: new Map<number, string>() };
    at.entries.set(b.entry.id, formatImportName({ name: NEW, alias: b.name !== OLD ? b.name : null }));
    statements.set(b.statement.id, at);
  }
  for (const { statement, entries } of statements.values()) {
    const importEdits = rewriteImportEntries(ctx.source, statement, entries);
    if (!importEdits) return leave("comments inside its import make the rewrite ambiguous");
    edits.push(...importEdits);
  }
  ctx.fix(`${OLD}(...) → ${NEW}(request, ...)`, edits);
}

export default defineRule({
  id: "django/render-to-response",
  aliases: ["render_to_response"],
  framework: "django",
  since: "2.0",
  summary: "render_to_response(...) becomes render(request, ...)",
  description:
    "Django 2.0 removed `django.shortcuts.render_to_response()`; `render()` does the same job and takes the request " +
    "first. A file is rewritten only as a whole: the `from django.shortcuts import render_to_response` import is " +
    "renamed to `render` (an alias is kept: `render as r2r`) and every call gets `request` as its first argument. The file is left alone, with a finding, " +
    "when the name (or an alias of it) is also imported from elsewhere (several imports of Django's are each renamed), the name `render` already means something else where " +
    "the import or a call stands, `render_to_response` is used other than as a call, or any call has no arguments, " +
    "`*args`/`**kwargs`, a keyword `render()` does not accept (such as the long-gone `context_instance=`), or is not " +
    "written directly in a function whose first parameter is `request`, or in a method whose parameter after `self` is.",
  docs: DOCS,
  needles: [OLD],
  create(ctx) {
    return {
      module() {
        const ours = ctx.facts.imports.filter((b) => b.qualified === QUALIFIED && b.kind === "from");
        if (ours.length === 0) return;
        const names = new Set([OLD, ...ours.map((b) => b.name)]);
        const bindings = ctx.facts.imports.filter((b) => names.has(b.name) || b.qualified === QUALIFIED);
        // Imported more than once: fine when every import is this same object.
        if (ours.length !== bindings.length) {
          ctx.report(ours[0]!.entry, `${OLD} is removed in Django 2.0 but this file was left alone: the name is also imported from elsewhere; switch to render(request, ...) by hand; see ${DOCS}`);
          return;
        }
        const scopes = new Map<string, ImportBinding[]>();
        for (const b of [...ours].sort((x, y) => x.statement.startIndex - y.statement.startIndex)) {
          const key = `${b.scope.id} ${b.name}`;
          scopes.set(key, [...(scopes.get(key) ?? []), b]);
        }
        rewrite(ctx, [...scopes.values()]);
      },
    };
  },
});
