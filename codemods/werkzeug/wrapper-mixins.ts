// werkzeug/wrapper-mixins: Werkzeug 2.0 built every wrapper mixin (AcceptMixin, ETagResponseMixin,
// JSONMixin, ...) into Request and Response and deprecated the mixins; 2.1 removed them. A class
// that also derives from Request or Response loses the mixin bases, and the imports those bases
// used go with them (left in place they would fail at import time). A mixin used any other way
// (the only wrapper base, passed around, exported) is reported instead.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0";

/** Mixin name → the wrappers submodule that defined it (werkzeug.wrappers re-exported most). */
const MIXINS: Record<string, string> = {
  AcceptMixin: "accept", AuthorizationMixin: "auth", WWWAuthenticateMixin: "auth",
  CommonRequestDescriptorsMixin: "common_descriptors", CommonResponseDescriptorsMixin: "common_descriptors",
  CORSRequestMixin: "cors", CORSResponseMixin: "cors", ETagRequestMixin: "etag", ETagResponseMixin: "etag",
  JSONMixin: "json", UserAgentMixin: "user_agent", ResponseStreamMixin: "response",
  StreamOnlyMixin: "request",
};
const MIXIN_NAMES = new Set(
  Object.entries(MIXINS).flatMap(([name, sub]) => [`werkzeug.wrappers.${name}`, `werkzeug.wrappers.${sub}.${name}`, `werkzeug.${name}`]),
);
MIXIN_NAMES.delete("werkzeug.wrappers.StreamOnlyMixin"); // kept below: it changes behaviour (shallow requests)
MIXIN_NAMES.delete("werkzeug.wrappers.request.StreamOnlyMixin");
MIXIN_NAMES.delete("werkzeug.StreamOnlyMixin");

const WRAPPERS = new Set([
  "werkzeug.Request", "werkzeug.Response", "werkzeug.wrappers.Request", "werkzeug.wrappers.Response",
  "werkzeug.wrappers.request.Request", "werkzeug.wrappers.response.Response",
  "werkzeug.wrappers.BaseRequest", "werkzeug.wrappers.BaseResponse",
  "werkzeug.wrappers.base_request.BaseRequest", "werkzeug.wrappers.base_response.BaseResponse",
  "flask.Request", "flask.Response", "flask.wrappers.Request", "flask.wrappers.Response",
]);

interface Candidate {
  cls: Node;
  list: Node;
  mixins: Node[];
  bases: Node[];
}

export default defineRule({
  id: "werkzeug/wrapper-mixins",
  framework: "werkzeug",
  since: "2.0",
  summary: "wrapper mixins (AcceptMixin, ETagResponseMixin, JSONMixin, ...) are dropped from Request/Response subclasses",
  description:
    "Werkzeug 2.0 made `Request` and `Response` include every wrapper mixin and deprecated the mixins; 2.1 removed " +
    "them. In a class that also derives from a Werkzeug or Flask `Request`/`Response` (or `BaseRequest`/`BaseResponse`), " +
    "the mixin bases are removed, with their imports when nothing else uses them. A mixin used without such a base is " +
    "reported. `StreamOnlyMixin` is only reported: its replacement is `Request(environ, shallow=True)`.",
  docs: DOCS,
  needles: ["Mixin"],
  precheck: (text) => text.includes("werkzeug") && /\b(?:Accept|Authorization|WWWAuthenticate|Common\w+Descriptors|CORS\w+|ETag\w+|JSON|UserAgent|ResponseStream|StreamOnly)Mixin\b/.test(text),
  create(ctx) {
    return {
      module() {
        const { facts } = ctx;
        const candidates: Candidate[] = [];
        const words = new Set([...Object.keys(MIXINS), ...facts.imports.filter((b) => MIXIN_NAMES.has(b.qualified) || b.qualified.endsWith("StreamOnlyMixin")).map((b) => b.name)]);
        const seen = new Set<number>();
        const reportMixin = (at: Node, name: string, why: string) =>
          ctx.report(at, `${name} is removed in Werkzeug 2.1 (Request and Response include it): ${why}; see ${DOCS}`);
        for (const word of words) {
          for (const id of facts.identifiers(word)) {
            const base = id.parent?.type === "attribute" && id.parent.childForFieldName("attribute")?.id === id.id ? id.parent : id;
            const qualified = facts.qualifiedName(base);
            if (qualified === undefined) continue;
            if (qualified.endsWith(".StreamOnlyMixin") && qualified.startsWith("werkzeug.")) {
              if (base.parent?.type === "argument_list" && base.parent.parent?.type === "class_definition") {
                reportMixin(base, "StreamOnlyMixin", "create the request with Request(environ, shallow=True) instead");
              }
              continue;
            }
            if (!MIXIN_NAMES.has(qualified)) continue;
            const list = base.parent;
            const cls = list?.parent;
            if (list?.type !== "argument_list" || cls?.type !== "class_definition" || seen.has(cls.id)) continue;
            seen.add(cls.id);
            const bases = list.namedChildren.filter((n): n is Node => n !== null && n.type !== "comment");
            const mixins = bases.filter((b) => { const q = facts.qualifiedName(b); return q !== undefined && MIXIN_NAMES.has(q); });
            const wrapped = bases.some((b) => { const q = facts.qualifiedName(b); return q !== undefined && WRAPPERS.has(q); });
            if (!wrapped || bases.some((b) => b.type === "list_splat" || b.type === "dictionary_splat")) {
              reportMixin(mixins[0]!, mixins[0]!.text, "derive from werkzeug.wrappers.Request or Response instead");
              continue;
            }
            candidates.push({ cls, list, mixins, bases });
          }
        }
        if (candidates.length === 0) return;
        // Imports whose every use is a mixin base of a candidate class can go; a class whose mixin
        // import must stay (used elsewhere) is left whole, which may in turn keep other imports.
        const bindingOf = (mixin: Node): ImportBinding | undefined => (mixin.type === "identifier" ? facts.importOf(mixin) : undefined);
        const planned = new Map(candidates.map((c) => [c, basesEdits(ctx.source, c)] as const));
        let fixable = new Set(candidates.filter((c) => planned.get(c) !== undefined));
        for (;;) {
          const baseIds = new Set([...fixable].flatMap((c) => c.mixins.map((m) => m.id)));
          const blocked = [...fixable].filter((c) =>
            c.mixins.some((m) => {
              const binding = bindingOf(m);
              if (!binding) return m.type === "identifier";
              if (binding.scope.type !== "module" || facts.isExported(binding.name)) return true;
              const refs = facts.references(binding);
              return !refs.clean || refs.refs.some((r) => !baseIds.has(r.id));
            }),
          );
          if (blocked.length === 0) break;
          for (const c of blocked) fixable.delete(c);
        }
        const edits: Edit[] = [];
        for (const c of candidates) {
          if (!fixable.has(c)) {
            reportMixin(c.mixins[0]!, c.mixins.map((m) => m.text).join(", "), "remove it from the class bases (its import is used elsewhere, or comments make the edit unclear)");
            continue;
          }
          edits.push(...planned.get(c)!);
        }
        const drops = new Map<number, { statement: Node; entries: Set<number> }>();
        for (const c of fixable) {
          for (const m of c.mixins) {
            const binding = bindingOf(m);
            if (!binding) continue;
            const drop = drops.get(binding.statement.id) ?? { statement: binding.statement, entries: new Set<number>() };
            drop.entries.add(binding.entry.id);
            drops.set(binding.statement.id, drop);
          }
        }
        for (const { statement, entries } of drops.values()) {
          const importEdits = rewriteImportEntries(ctx.source, statement, new Map([...entries].map((id) => [id, null])));
          if (!importEdits) {
            ctx.report(statement, `wrapper mixins are removed in Werkzeug 2.1, but comments in this import make dropping them unclear; remove them by hand; see ${DOCS}`);
            return;
          }
          edits.push(...importEdits);
        }
        if (edits.length > 0) ctx.fix(`wrapper mixins dropped (Request/Response include them): ${[...new Set([...fixable].flatMap((c) => c.mixins.map((m) => m.text)))].join(", ")}`, edits);
      },
    };
  },
});

/** The class's bases without its mixins, keeping the list's layout. */
function basesEdits(source: string, c: Candidate): Edit[] | undefined {
  const hasComment = c.list.namedChildren.some((n) => n?.type === "comment");
  if (!hasComment && !/[\r\n]/.test(c.list.text)) {
    const kept = c.bases.filter((b) => !c.mixins.some((m) => m.id === b.id));
    return [{ start: c.list.startIndex, end: c.list.endIndex, text: `(${kept.map((b) => b.text).join(", ")})` }];
  }
  if (c.mixins.length !== 1) return undefined;
  // Multi-line bases: one mixin goes with its comma and line.
  const args = callArgs({ childForFieldName: (name: string) => (name === "arguments" ? c.list : null) } as unknown as Node);
  return args ? removeArgument(source, args, c.mixins[0]!) : undefined;
}
