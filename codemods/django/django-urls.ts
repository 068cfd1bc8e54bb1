// django/django-urls: Django 2.0's simplified routing. `url()` from django.conf.urls (removed in
// Django 4.0) becomes `path()` when its regex has an exact route equivalent, `re_path()`
// otherwise; existing `re_path()` calls with such regexes become `path()` too. Imports are moved
// to django.urls so the file imports exactly what it uses. Every name is resolved through the
// module facts, never by spelling, and anything that cannot be proven equivalent is left alone.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { fromImportLine, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, startsLine } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { indentAt } from "../../src/engine/text.js";

const OLD = "django.conf.urls";
const NEW = "django.urls";
const URL = `${OLD}.url`;
const RE_PATH = `${NEW}.re_path`;
const PATH = `${NEW}.path`;
const INCLUDES = new Set([`${OLD}.include`, `${NEW}.include`]);
const LAZY_GETTEXT = new Set(["django.utils.translation.gettext_lazy", "django.utils.translation.ugettext_lazy"]);

/** Regex group bodies with an exact path converter equivalent. */
const CONVERTERS: readonly (readonly [pattern: string, converter: string])[] = [
  ["[0-9]+", "int"],
  ["\\d+", "int"],
  ["[-a-zA-Z0-9_]+", "slug"],
  ["[^/]+", "str"],
  [".+", "path"],
  ["[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "uuid"],
];
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters that mean themselves both in a regex and in a route. */
const PLAIN = /^[A-Za-z0-9_\-/:]$/;

/**
 * The route equivalent to `regex`, or undefined when there is none that matches exactly the same
 * URLs. `prefix`: the pattern is followed by `include(...)`, so it must not be anchored at the end.
 */
export function regexToRoute(regex: string, prefix: boolean): string | undefined {
  if (!regex.startsWith("^")) return undefined;
  let body = regex.slice(1);
  if (prefix) {
    // `^api/$` with include() only reaches included patterns that match the empty string.
    if (body.endsWith("$")) return undefined;
  } else {
    if (!body.endsWith("$")) return undefined;
    body = body.slice(0, -1);
  }
  let route = "";
  let i = 0;
  while (i < body.length) {
    if (body.startsWith("(?P<", i)) {
      const close = body.indexOf(">", i + 4);
      if (close < 0) return undefined;
      const name = body.slice(i + 4, close);
      if (!GROUP_NAME.test(name)) return undefined;
      const match = CONVERTERS.find(([pattern]) => body.startsWith(`${pattern})`, close + 1));
      if (!match) return undefined;
      route += `<${match[1]}:${name}>`;
      i = close + 1 + match[0].length + 1;
      continue;
    }
    const c = body[i]!;
    if (c === "\\") {
      if (body[i + 1] !== ".") return undefined;
      route += ".";
      i += 2;
      continue;
    }
    if (!PLAIN.test(c)) return undefined;
    route += c;
    i++;
  }
  return route;
}

interface StringPart {
  quote: string;
  content: string;
}

/** One string token's regex text, when it is a plain or raw text string without escapes to interpret. */
function stringPart(source: string, node: Node): StringPart | undefined {
  if (node.type !== "string") return undefined;
  const start = node.child(0);
  const end = node.child(node.childCount - 1);
  if (!start || !end || start.type !== "string_start" || end.type !== "string_end") return undefined;
  if (node.namedChildren.some((c) => c?.type === "interpolation")) return undefined;
  const prefix = /^[A-Za-z]*/.exec(start.text)![0].toLowerCase();
  if (prefix !== "" && prefix !== "r" && prefix !== "u") return undefined; // bytes, f-strings
  const content = source.slice(start.endIndex, end.startIndex);
  // Outside raw strings a backslash is a Python escape first: which regex it spells is unclear.
  if (prefix !== "r" && content.includes("\\")) return undefined;
  return { quote: start.text.slice(prefix.length), content };
}

/** A string literal or implicit concatenation of them (without comments in between). */
function literalRegex(source: string, node: Node): { node: Node; quote: string; regex: string } | undefined {
  const tokens = node.type === "concatenated_string" ? node.children : node.type === "string" ? [node] : [];
  if (tokens.length === 0) return undefined;
  let regex = "";
  let quote = "";
  for (const token of tokens) {
    const part = token ? stringPart(source, token) : undefined;
    if (!part) return undefined;
    quote ||= part.quote[0]!;
    regex += part.content;
  }
  return { node, quote, regex };
}

interface CallShape {
  positional: Node[];
  keywords: Map<string, Node>;
  /** Keyword names of `name=value` arguments, by name. */
  keywordNodes: Map<string, Node>;
  doubleStar: boolean;
}

function callShape(call: Node): CallShape | undefined {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "argument_list") return undefined;
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const keywordNodes = new Map<string, Node>();
  let doubleStar = false;
  for (const child of args.namedChildren) {
    if (!child || child.type === "comment" || child.type === "line_continuation") continue;
    if (child.type === "dictionary_splat") doubleStar = true;
    else if (child.type === "keyword_argument") {
      const name = child.childForFieldName("name");
      const value = child.childForFieldName("value");
      if (!name || !value) return undefined;
      keywords.set(name.text, value);
      keywordNodes.set(name.text, name);
    } else positional.push(child);
  }
  return { positional, keywords, keywordNodes, doubleStar };
}

/** The call whose callee is exactly `ref`, if any. */
function calleeOf(ref: Node): Node | undefined {
  const parent = ref.parent;
  return parent?.type === "call" && parent.childForFieldName("function")?.id === ref.id ? parent : undefined;
}

function scopeBody(scope: Node): Node | null {
  return scope.type === "module" ? scope : scope.childForFieldName("body");
}

/** True when the statement sits directly in its scope's body (not under if/try/with). */
function isDirect(binding: ImportBinding): boolean {
  const body = scopeBody(binding.scope);
  return body !== null && binding.statement.parent?.id === body.id;
}

type Want = "path" | "re_path" | "keep";

interface Site {
  ref: Node;
  from: "url" | "re_path";
  /** The string (or concatenation) to replace and its route literal, when it may become path(). */
  route?: { node: Node; literal: string };
  want: Want;
  /** A url() call that cannot be renamed: no regex argument that can be found. */
  blocked: boolean;
  /** The `regex` of `url(regex=...)`, renamed `route`. */
  regexKeyword?: Node;
}

export default defineRule({
  id: "django/django-urls",
  aliases: ["django_urls"],
  framework: "django",
  since: "2.0",
  summary: "url() becomes path() when its regex has an exact route, re_path() otherwise",
  description:
    "Django 2.0 added `path()` with route syntax (`<int:pk>`) and `re_path()`, and deprecated " +
    "`django.conf.urls.url()`, which Django 4.0 removed. Calls of `url()` imported from " +
    "`django.conf.urls`, and of `re_path()` from `django.urls`, become `path()` when the first " +
    "argument is a literal regex (optionally inside `gettext_lazy()`) anchored with `^` and `$` (no `$` " +
    "before `include()`) whose groups are named and map exactly to the int, slug, str, path or uuid " +
    "converters; other `url()` calls become `re_path()` with their arguments unchanged. `include` moves to " +
    "`django.urls` too, and the file ends up importing exactly the `path`/`re_path` it uses. Views receive converted values (an `int` where the regex gave a `str`), and a " +
    "regex inside `gettext_lazy()` is a translation msgid: update the catalogs after the rewrite. " +
    "Aliased, star, module-form and conditional imports are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.0/#simplified-url-routing-syntax",
  // Every import the rule acts on spells one of these; bare "url" is in far too many files.
  needles: ["django.conf.urls", "re_path"],
  // Without the old import, only re_path() calls whose literal regex starts with ^ can change.
  precheck: (text) =>
    text.includes("django.conf.urls") ||
    /re_path\s*\((?:\s|#[^\n]*\n)*(?:route\s*=\s*)?(?:[\w.]+\((?:\s|#[^\n]*\n)*)?[rRuU]{0,2}["']\^/.test(text),
  create(ctx) {
    return {
      module() {
        const scopes = new Map<number, Node>();
        for (const b of ctx.facts.imports) {
          if (b.kind === "from" && (b.qualified === URL || b.qualified === RE_PATH)) scopes.set(b.scope.id, b.scope);
        }
        for (const scope of scopes.values()) rewriteScope(ctx, scope);
        reportModuleForms(ctx);
      },
    };
  },
});

function rewriteScope(ctx: RuleContext, scope: Node): void {
  const { facts, source } = ctx;
  const inScope = facts.imports.filter((b) => b.kind === "from" && b.scope.id === scope.id);
  const urlBindings = inScope.filter((b) => b.qualified === URL);
  const reBindings = inScope.filter((b) => b.qualified === RE_PATH);

  // --- which bindings this scope may rewrite ---
  let urlBinding: ImportBinding | undefined;
  let urlRefs: Node[] = [];
  if (urlBindings.length > 0) {
    const first = urlBindings[0]!;
    const why =
      urlBindings.some((b) => b.alias)
        ? "it is imported under an alias"
        : !urlBindings.every(isDirect)
            ? "its import sits inside a conditional block"
            : facts.exportedWhy("url");
    const refs = why ? undefined : facts.references(first);
    if (why || !refs?.clean) {
      ctx.report(first.entry, `url() is removed in Django 4.0 but was left alone: ${why ?? refs?.reason}`);
    } else if (refs.refs.length === 0) {
      // Nothing to rewrite; whether the import can go is the user's call (a re-export?).
      ctx.report(first.entry, "url is imported from django.conf.urls (removed in Django 4.0) but not used here; remove the import");
    } else {
      urlBinding = first;
      urlRefs = refs.refs;
    }
  }
  let reBinding: ImportBinding | undefined;
  let reRefs: Node[] = [];
  if (reBindings.length === 1 && !reBindings[0]!.alias && isDirect(reBindings[0]!)) {
    const refs = facts.references(reBindings[0]!);
    if (refs.clean) {
      reBinding = reBindings[0]!;
      reRefs = refs.refs;
    }
  }
  if (!urlBinding && !reBinding) return;

  // --- include() moves along with url() ---
  const includeBindings = urlBinding ? inScope.filter((b) => b.qualified === `${OLD}.include`) : [];
  let includeRefs: Node[] = [];
  let moveInclude = includeBindings.length > 0 && includeBindings.every((b) => !b.alias && isDirect(b));
  for (const b of moveInclude ? includeBindings : []) {
    const refs = facts.references(b);
    if (!refs.clean) moveInclude = false;
    else includeRefs = refs.refs;
  }

  // --- what each call becomes ---
  const sites: Site[] = [];
  for (const ref of urlRefs) sites.push(planSite(ctx, ref, "url"));
  for (const ref of reRefs) sites.push(planSite(ctx, ref, "re_path"));

  let urlActive = urlBinding !== undefined;
  for (;;) {
    const anchorAt = urlActive ? anchorOf(urlBinding!, [...urlBindings, ...(moveInclude ? includeBindings : [])]).startIndex : reBinding!.statement.startIndex;
    for (const site of sites) {
      if (site.from === "re_path") site.want = site.route ? "path" : "keep";
      else if (!urlActive || site.blocked) site.want = "keep";
      else site.want = site.route ? "path" : "re_path";
      if (site.want === "path" && !facts.nameIsFree("path", scope, [site.ref], PATH, anchorAt)) {
        site.want = site.from === "url" ? "re_path" : "keep";
      }
    }
    if (!urlActive) break;
    const reSites = sites.filter((s) => s.from === "url" && s.want === "re_path").map((s) => s.ref);
    if (reSites.length === 0 || facts.nameIsFree("re_path", scope, reSites, RE_PATH, anchorAt)) break;
    ctx.report(urlBinding!.entry, "url() is removed in Django 4.0 but was left alone: `re_path` already means something else here");
    urlActive = false;
    if (!reBinding) return;
  }
  for (const site of sites) {
    if (urlActive && site.blocked) ctx.report(site.ref, "url() call left alone: its regex argument cannot be found (**kwargs?)");
  }

  // --- edits ---
  const edits: Edit[] = [];
  const messages = new Set<string>();
  for (const site of sites) {
    if (site.want === "keep") continue;
    edits.push({ start: site.ref.startIndex, end: site.ref.endIndex, text: site.want });
    if (site.regexKeyword) edits.push({ start: site.regexKeyword.startIndex, end: site.regexKeyword.endIndex, text: "route" });
    if (site.want === "path") edits.push({ start: site.route!.node.startIndex, end: site.route!.node.endIndex, text: site.route!.literal });
    messages.add(`${site.from}() → ${site.want}()`);
  }
  const pathSites = sites.filter((s) => s.want === "path").map((s) => s.ref);
  const urlReSites = sites.filter((s) => s.from === "url" && s.want === "re_path").map((s) => s.ref);
  const keepUrl = sites.some((s) => s.from === "url" && s.want === "keep");

  /** An unaliased `from django.urls import name` in this scope, in effect at every site. */
  const present = (name: string, at: Node[]): boolean =>
    inScope.some(
      (b) =>
        b.qualified === `${NEW}.${name}` && !b.alias && isDirect(b) &&
        at.every((site) => site.startIndex >= b.statement.endIndex),
    );

  // re_path's own import: gains `path` (when no old import takes it), or goes when nothing uses it.
  let reEntry: string | null | undefined;
  if (reBinding) {
    const keepRe =
      sites.some((s) => s.from === "re_path" && s.want === "keep") ||
      (urlActive && urlReSites.length > 0 && present("re_path", urlReSites)) ||
      facts.isExported("re_path");
    const converted = sites.some((s) => s.from === "re_path" && s.want === "path");
    if (!urlActive && pathSites.length > 0 && !present("path", pathSites)) {
      reEntry = keepRe ? pathBeside(ctx, reBinding.entry) : "path";
    } else if (!keepRe && converted) {
      reEntry = null;
    }
  }
  const importEdits: Edit[] = [];
  if (reBinding && reEntry !== undefined) {
    const changed = rewriteImportEntries(source, reBinding.statement, new Map([[reBinding.entry.id, reEntry]]));
    if (!changed) {
      ctx.report(reBinding.statement, "re_path() calls left alone: comments inside this import make the rewrite ambiguous");
      return;
    }
    importEdits.push(...changed);
    messages.add(reEntry === null ? "re_path import dropped" : "path imported");
  }

  if (urlActive) {
    const binding = urlBinding!;
    const moved = moveInclude ? includeBindings : [];
    const byStatement = new Map<number, { statement: Node; changes: Map<number, string | null> }>();
    const drop = (b: ImportBinding) => {
      const entry = byStatement.get(b.statement.id) ?? { statement: b.statement, changes: new Map() };
      entry.changes.set(b.entry.id, null);
      byStatement.set(b.statement.id, entry);
    };
    // The same url imported in several statements: every import goes (they mean one object).
    if (!keepUrl) for (const b of urlBindings) drop(b);
    for (const b of moved) drop(b);
    for (const { statement, changes } of byStatement.values()) {
      const changed = rewriteImportEntries(source, statement, changes);
      if (!changed) {
        ctx.report(statement, "url() left alone: comments inside this import make the rewrite ambiguous");
        return;
      }
      importEdits.push(...changed);
    }
    const names: string[] = [];
    if (moved.length > 0 && (includeRefs.length > 0 || facts.isExported("include")) && !present("include", includeRefs)) names.push("include");
    if (pathSites.length > 0 && !present("path", pathSites)) names.push("path");
    if (urlReSites.length > 0 && !present("re_path", urlReSites)) names.push("re_path");
    if (names.length > 0) {
      importEdits.push(insertAbove(source, anchorOf(binding, [...urlBindings, ...moved]), [fromImportLine(NEW, names.map((name) => ({ name })))], ctx.newline));
    }
    if (byStatement.size > 0) messages.add(`imports moved to ${NEW}`);
  }
  if (edits.length === 0 && importEdits.length === 0) return;
  ctx.fix([...messages].join(", "), [...importEdits, ...edits]);
}

/** The first statement among the old imports that change: the new import goes above it. */
function anchorOf(url: ImportBinding, others: ImportBinding[]): Node {
  let anchor = url.statement;
  for (const b of others) if (b.statement.startIndex < anchor.startIndex) anchor = b.statement;
  return anchor;
}

/** `re_path` entry text with `path` added before it, on its own line when entries have theirs. */
function pathBeside(ctx: RuleContext, entry: Node): string {
  if (startsLine(ctx.source, entry) && /[\r\n]/.test(entry.parent!.text)) {
    return `path,${ctx.newline}${indentAt(ctx.source, entry.startIndex)}re_path`;
  }
  return "path, re_path";
}

function planSite(ctx: RuleContext, ref: Node, from: "url" | "re_path"): Site {
  const site: Site = { ref, from, want: "keep", blocked: false };
  const call = calleeOf(ref);
  if (!call) return site; // a bare reference: url is renamed, re_path stays
  const shape = callShape(call);
  let first: Node | undefined;
  if (!shape) {
    // generator argument: nothing to do
  } else if (shape.positional.length > 0) {
    // `regex=`/`route=` beside a positional regex is a TypeError already; `url(*a, **k)` may hide
    // the regex among the keywords.
    const hidden = shape.positional[0]!.type === "list_splat" && shape.doubleStar;
    if (!shape.keywords.has("regex") && !shape.keywords.has("route") && !hidden) first = shape.positional[0]!;
  } else if (from === "url" && shape.keywords.has("regex") && !shape.keywords.has("route")) {
    // `url(regex=..., view=...)`: re_path() and path() call that parameter `route`.
    site.regexKeyword = shape.keywordNodes.get("regex");
    first = shape.keywords.get("regex");
  } else if (from === "re_path" && shape.keywords.has("route")) {
    first = shape.keywords.get("route");
  }
  if (!first || !shape) {
    site.blocked = true;
    return site;
  }
  if (first.type === "call") {
    // `_(r"^about/$")` with `_` being gettext_lazy: the route stays translatable.
    const name = ctx.facts.qualifiedName(first.childForFieldName("function")!);
    const inner = callShape(first);
    if (!name || !LAZY_GETTEXT.has(name) || !inner || inner.positional.length !== 1 || inner.keywords.size > 0) return site;
    if (first.childForFieldName("arguments")!.namedChildren.some((c) => c?.type === "dictionary_splat")) return site;
    first = inner.positional[0]!;
  }
  const literal = literalRegex(ctx.source, first);
  if (!literal) return site;
  const view = shape.positional[1] ?? shape.keywords.get("view");
  const callee = view?.type === "call" ? view.childForFieldName("function") : null;
  const isInclude = callee ? INCLUDES.has(ctx.facts.qualifiedName(callee) ?? "") : false;
  const route = regexToRoute(literal.regex, isInclude);
  if (route === undefined) return site;
  site.route = { node: literal.node, literal: `${literal.quote}${route}${literal.quote}` };
  return site;
}

/** `urls.url(...)`, `django.conf.urls.url(...)`: not rewritten (the module import may serve other names). */
function reportModuleForms(ctx: RuleContext): void {
  for (const id of ctx.facts.identifiers("url")) {
    const attribute = id.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
    if (ctx.facts.qualifiedName(attribute) !== URL) continue;
    ctx.report(attribute, `${attribute.text}() is removed in Django 4.0 but was left alone: rewrite it to django.urls.path() or re_path() by hand`);
  }
}
