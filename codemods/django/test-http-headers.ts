// django/test-http-headers: Django 4.2 gave the test client and request factory a `headers=`
// argument, so request headers no longer have to be spelled as WSGI environ keys (`HTTP_*`
// keyword arguments). In test files, such keywords become entries of one `headers={...}` dict.
import type { Edit } from "../../src/engine/edits.js";
import { isMethodSelf } from "../../src/engine/helpers/methods.js";
import { callArgs, removeArgument } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const CLASSES = new Set(
  ["Client", "AsyncClient", "RequestFactory", "AsyncRequestFactory"].flatMap((c) => [`django.test.${c}`, `django.test.client.${c}`]),
);
const METHODS = new Set(["get", "post", "head", "options", "put", "patch", "delete", "trace", "generic"]);
const CLIENTS = new Set(["client", "async_client"]);
/** Header names Django maps to environ keys without the HTTP_ prefix: converting them would change the request. */
const UNPREFIXED = new Set(["HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"]);
const KEYWORD = /\bHTTP_\w+\s*=/;

/** A call Django's test client or request factory answers with `headers=` (Django 4.2+). */
function acceptsHeaders(ctx: RuleContext, call: Node): boolean {
  const callee = call.childForFieldName("function");
  if (!callee) return false;
  const qualified = ctx.facts.qualifiedName(callee);
  if (qualified && CLASSES.has(qualified)) return true;
  // self.client.get(...) / self.async_client.post(...)
  if (callee.type !== "attribute" || !METHODS.has(callee.childForFieldName("attribute")?.text ?? "")) return false;
  const client = callee.childForFieldName("object");
  // client.get(...) on a local name every binding of which is Client(...) / RequestFactory(...).
  if (client?.type === "identifier") return localClient(ctx, client);
  if (client?.type !== "attribute") return false;
  const self = client.childForFieldName("object");
  if (self?.type !== "identifier" || !isMethodSelf(ctx.facts, self)) return false;
  const attribute = client.childForFieldName("attribute")!.text;
  // self.factory.get(...) where the test case's own methods only ever set self.factory to a
  // Django client or request factory (`self.factory = RequestFactory()` in setUp).
  return CLIENTS.has(attribute) || ownClient(ctx, self, attribute);
}

/** A Django test client or request factory constructed right here: `Client(...)`, `RequestFactory()`. */
function constructsClient(ctx: RuleContext, value: Node | null): boolean {
  const callee = value?.type === "call" ? value.childForFieldName("function") : null;
  const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
  return qualified !== undefined && CLASSES.has(qualified);
}

function localClient(ctx: RuleContext, name: Node): boolean {
  const resolution = ctx.facts.resolveName(name.text, name);
  if (resolution.scope?.type !== "function_definition" || resolution.bindings.length === 0) return false;
  return resolution.bindings.every((b) => {
    const assignment = b.node.parent;
    return !b.star && assignment?.type === "assignment" && assignment.childForFieldName("left")?.id === b.node.id &&
      constructsClient(ctx, assignment.childForFieldName("right"));
  });
}

/** True when every write of `self.<attribute>` in the class of the method reading `self` constructs a client. */
function ownClient(ctx: RuleContext, self: Node, attribute: string): boolean {
  let cls: Node | null = self.parent;
  while (cls && cls.type !== "class_definition") cls = cls.parent;
  if (!cls) return false;
  let writes = 0;
  for (const id of ctx.facts.identifiers(attribute)) {
    if (id.startIndex < cls.startIndex || id.endIndex > cls.endIndex) continue;
    const access = id.parent;
    if (access?.type !== "attribute" || access.childForFieldName("attribute")?.id !== id.id) continue;
    const holder = access.parent;
    const written = (holder?.type === "assignment" || holder?.type === "augmented_assignment") && holder.childForFieldName("left")?.id === access.id;
    if (!written) {
      // Only reads count as harmless; any other target position (tuple, del, with ... as) may write.
      if (holder && ["pattern_list", "tuple_pattern", "list_pattern", "delete_statement", "as_pattern_target", "for_statement"].includes(holder.type)) return false;
      continue;
    }
    if (holder!.type !== "assignment" || !constructsClient(ctx, holder!.childForFieldName("right"))) return false;
    writes++;
  }
  return writes > 0;
}

export default defineRule({
  id: "django/test-http-headers",
  aliases: ["test_http_headers"],
  framework: "django",
  since: "4.2",
  style: true,
  summary: "HTTP_* keyword arguments of the test client and request factory become headers={...}",
  description:
    "Django 4.2 added a `headers=` argument to the test `Client`, `AsyncClient`, `RequestFactory` and " +
    "`AsyncRequestFactory` (and their request methods). In test files, `HTTP_*` keyword arguments of those " +
    "constructors (imported from `django.test`), of `self.client.<method>(...)` / `self.async_client.<method>(...)` " +
    "calls, of `self.<name>.<method>(...)` calls where the test case only ever sets `self.<name>` to such a constructor " +
    "call (`self.factory = RequestFactory()` in `setUp`), and of local names only ever bound to one, " +
    "become entries of one `headers={...}` dict: `HTTP_ACCEPT_LANGUAGE=\"fr\"` becomes `\"accept-language\": \"fr\"`. " +
    "The dict takes the place of the first such keyword; when the call already passes a `headers={...}` literal, the " +
    "converted entries go at its start so the explicit ones still win, as they did. Calls with `**kwargs`, a " +
    "`headers=` that is not a dict literal, a keyword whose header name would not round-trip (lower-case letters, " +
    "`HTTP_CONTENT_TYPE`, `HTTP_CONTENT_LENGTH`), or other receivers are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#tests",
  needles: ["HTTP_"],
  precheck: (text) => KEYWORD.test(text),
  files: "tests",
  create(ctx) {
    return {
      module() {
        const calls = new Map<number, Node>();
        const pattern = /\bHTTP_\w+\s*=/g;
        for (let m = pattern.exec(ctx.source); m; m = pattern.exec(ctx.source)) {
          const name = /^HTTP_\w+/.exec(m[0])![0];
          const id = ctx.root.descendantForIndex(m.index, m.index + name.length);
          const keyword = id?.parent;
          if (id?.type !== "identifier" || keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
          const call = keyword.parent?.parent;
          if (call?.type === "call" && keyword.parent?.type === "argument_list") calls.set(call.id, call);
        }
        for (const call of calls.values()) rewrite(ctx, call);
      },
    };
  },
});

function rewrite(ctx: RuleContext, call: Node): void {
  if (!acceptsHeaders(ctx, call)) return;
  const args = callArgs(call);
  if (!args) return;
  const leave = (why: string) => ctx.report(call, `HTTP_* keyword arguments can be passed as headers= since Django 4.2, but this call was left alone: ${why}`);
  const http = [...args.keywords.entries()].filter(([name]) => name.startsWith("HTTP_")).map(([name, node]) => ({ name, node }));
  if (http.length === 0) return;
  if (args.dictSplat) return leave("**kwargs may carry headers too");
  for (const { name } of http) {
    if (!/^HTTP_[A-Z0-9]+(?:_[A-Z0-9]+)*$/.test(name) || UNPREFIXED.has(name)) return leave(`${name} would not map back to the same environ key`);
  }
  const entries = http.map(({ name, node }) => `"${name.slice(5).toLowerCase().replace(/_/g, "-")}": ${node.childForFieldName("value")!.text}`);
  const existing = args.keywords.get("headers");
  const edits: Edit[] = [];
  let rest = http;
  if (existing) {
    const dict = existing.childForFieldName("value");
    if (dict?.type !== "dictionary") return leave("its headers= is not a dict literal");
    const open = dict.child(0)!;
    const empty = dict.namedChildren.filter((c) => c && c.type !== "comment").length === 0;
    edits.push({ start: open.endIndex, end: open.endIndex, text: entries.join(", ") + (empty ? "" : ", ") });
  } else {
    const [first, ...others] = http;
    edits.push({ start: first!.node.startIndex, end: first!.node.endIndex, text: `headers={${entries.join(", ")}}` });
    rest = others;
  }
  for (const { node } of rest) {
    const removal = removeArgument(ctx.source, args, node);
    if (!removal) return leave("comments around its arguments make the rewrite ambiguous");
    edits.push(...removal);
  }
  ctx.fix(`${http.map((h) => h.name).join(", ")} → headers=`, edits);
}
