// django/utils-six: Django 3.0 removed django.utils.six, its vendored copy of six (Django 2.0 had
// dropped Python 2). The release note says to remove the usages or switch to the six package.
// Uses whose Python 3 meaning is a builtin or the standard library (six.text_type, string_types,
// iteritems(d), PY2/PY3 guards, with_metaclass, six.moves imports...) are written without six, and
// an import left without uses goes; whatever else uses six keeps it, imported from the six package
// (which has the same API; the project then needs six installed).
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { formatImportName, importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { sixUseInPy3 } from "../../src/engine/helpers/six-py3.js";
import { dropImportEntries, removeImportStatement, replaceImportStatement } from "../../src/engine/helpers/drop-imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis";
const OLD = "django.utils.six";
const SWAP = "django.utils.six → six (add the six package to the requirements)";

/** `from django.utils.six.moves import X`: where X lives on Python 3 (`builtins.` = nothing to import). */
const MOVED_NAMES: Record<string, string> = {
  range: "builtins.range", zip: "builtins.zip", map: "builtins.map", filter: "builtins.filter", input: "builtins.input",
  StringIO: "io.StringIO", cStringIO: "io.StringIO", zip_longest: "itertools.zip_longest", filterfalse: "itertools.filterfalse",
  reduce: "functools.reduce", getcwd: "os.getcwd", getcwdb: "os.getcwdb", intern: "sys.intern", reload_module: "importlib.reload",
  shlex_quote: "shlex.quote", UserDict: "collections.UserDict", UserList: "collections.UserList", UserString: "collections.UserString",
};

/** `from django.utils.six.moves import m`: the Python 3 module m stands for. */
const MOVED_MODULES: Record<string, string> = {
  builtins: "builtins", configparser: "configparser", copyreg: "copyreg", cPickle: "pickle", queue: "queue", reprlib: "reprlib",
  socketserver: "socketserver", _thread: "_thread", http_cookies: "http.cookies", http_cookiejar: "http.cookiejar",
  http_client: "http.client", html_parser: "html.parser", html_entities: "html.entities", email_mime_text: "email.mime.text",
  email_mime_multipart: "email.mime.multipart", email_mime_base: "email.mime.base", urllib_parse: "urllib.parse",
  urllib_error: "urllib.error", urllib_robotparser: "urllib.robotparser",
};

/** six.moves.urllib's submodules, which Python 3's urllib has under the same names. */
const URLLIB = ["parse", "error", "request", "response", "robotparser"];

/** The import line that binds `local` to `target` (a module or a module's attribute). */
function importLine(target: string, local: string): string {
  const at = target.lastIndexOf(".");
  if (at < 0) return local === target ? `import ${target}` : `import ${target} as ${local}`;
  const [module, name] = [target.slice(0, at), target.slice(at + 1)];
  return `from ${module} import ${formatImportName({ name, alias: local === name ? null : local })}`;
}

interface Plan {
  edits: Edit[];
  /** Every use of the binding is rewritten: its import can go. */
  complete: boolean;
  /** Some uses sit inside another use's rewrite (a PY3 guard's branch): they wait for the next pass, with the import. */
  deferred: boolean;
}

/** Plans the uses of one binding: `member(ref)` names the six member a use stands for. */
function planUses(ctx: RuleContext, binding: ImportBinding, member: (ref: Node) => { expr: Node; member: string } | undefined): Plan {
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return { edits: [], complete: false, deferred: false };
  const edits: Edit[] = [];
  let complete = true;
  for (const ref of refs.refs) {
    const use = member(ref);
    const planned = use ? sixUseInPy3(ctx, use.expr, use.member) : "is not a six member";
    if (typeof planned === "string") complete = false;
    else edits.push(...planned);
  }
  // A guard's branch may hold other six uses: the outer edit goes now, the inner uses next pass.
  const outer = outermost(edits);
  const deferred = outer.length < edits.length;
  return { edits: outer, complete: complete && !deferred, deferred };
}

/** The edits that no other edit of the list contains. */
function outermost(edits: Edit[]): Edit[] {
  return edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && e.end <= o.end && (o.start < e.start || e.end < o.end)));
}

/** `six.X` / `six.moves.X` read through a module binding. */
function moduleMember(ref: Node): { expr: Node; member: string } | undefined {
  const attribute = ref.parent;
  if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== ref.id) return undefined;
  const name = attribute.childForFieldName("attribute")!.text;
  if (name !== "moves") return { expr: attribute, member: name };
  const outer = attribute.parent;
  if (outer?.type !== "attribute" || outer.childForFieldName("object")?.id !== attribute.id) return undefined;
  return { expr: outer, member: `moves.${outer.childForFieldName("attribute")!.text}` };
}

/**
 * The urllib submodules the uses of `from django.utils.six.moves import urllib` read (`urllib.parse.x`),
 * or undefined when the binding is renamed, shares its name, or has a use of another shape.
 */
function urllibSubmodules(ctx: RuleContext, binding: ImportBinding): string[] | undefined {
  if (binding.name !== "urllib" || !onlyBinding(ctx, binding)) return undefined;
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return undefined;
  const used = new Set<string>();
  for (const ref of refs.refs) {
    const attribute = ref.parent;
    if (attribute?.type !== "attribute" || attribute.childForFieldName("object")?.id !== ref.id) return undefined;
    const sub = attribute.childForFieldName("attribute")!.text;
    if (!URLLIB.includes(sub)) return undefined;
    used.add(sub);
  }
  return [...used].sort();
}

/** True when nothing else in the file binds `name`, so dropping its import leaves the builtin. */
function onlyBinding(ctx: RuleContext, binding: ImportBinding): boolean {
  const table = ctx.facts.table(binding.name);
  let count = 0;
  for (const group of table.bindings.values()) count += group.length;
  return count === 1;
}

export default defineRule({
  id: "django/utils-six",
  framework: "django",
  since: "3.0",
  summary: "django.utils.six uses become Python 3 (str, (str,), d.items(), the branch of a PY3 guard...); the rest imports six",
  description:
    "Django 3.0 removed `django.utils.six`, the copy of the `six` library it shipped for Python 2; the release note says to " +
    "drop its uses or switch to `six` itself. Uses with an exact Python 3 spelling are rewritten: `six.text_type` → `str`, " +
    "`six.binary_type` → `bytes`, `six.string_types` / `integer_types` / `class_types` → `str` / `int` / `type` as the " +
    "class argument of `isinstance`/`issubclass` (else `(str,)`...), `six.iteritems(d)` → `d.items()` in a `for` (else " +
    "`iter(d.items())`; also `itervalues`, `iterkeys`, `view*`), `six.moves.range`/`zip`/`map`/`filter`/`input` → the " +
    "builtin, `six.u(\"s\")` → `\"s\"`, `six.b(\"s\")` → `b\"s\"` (ASCII literals), `six.assertCountEqual(self, ...)` → " +
    "`self.assertCountEqual(...)`, `six.get_method_function(m)` → `m.__func__` (and the other `get_*` helpers), " +
    "`class C(six.with_metaclass(M, B))` → `class C(B, metaclass=M)`, `@six.add_metaclass(M)` right above a class " +
    "without keywords, `__slots__`, `__dict__` or `__weakref__` → `class C(B, metaclass=M)`, the statement " +
    "`six.reraise(tp, value, tb)` → `raise value.with_traceback(tb)` when `value` is the exception an enclosing `except ... " +
    "as value` caught (or `tp(...)`) and `tp` has no effects, and `if six.PY2:` / `if six.PY3:` (with an optional " +
    "`else`) keep the branch Python 3 runs. The same goes for names imported from `django.utils.six`. `from " +
    "django.utils.six.moves import X` imports X from where Python 3 keeps it (`io.StringIO`, `itertools.zip_longest`, " +
    "`http.cookies`..., builtins need no import), `django.utils.six.moves.urllib.parse` becomes `urllib.parse`, and " +
    "`from django.utils.six.moves import urllib` becomes `import urllib.parse` (one line per submodule the file uses). An " +
    "import whose uses are all rewritten is dropped; one with other uses (six.reraise of a value that may be None, six.PY2 in an expression, a " +
    "rebound builtin...) is kept as `import six [as s]` / `from six... import`, and the project then needs the `six` " +
    "package. `import django.utils.six`, whose uses spell the old path, is reported.",
  docs: DOCS,
  needles: ["six"],
  precheck: (text) => text.includes("django.utils"),
  create(ctx) {
    return {
      module() {
        const fromStatements = new Map<number, ImportBinding[]>();
        for (const binding of ctx.facts.imports) {
          const statement = binding.statement;
          if (binding.qualified === OLD && (binding.kind === "from" || binding.alias)) {
            // `from django.utils import six [as s]`, `import django.utils.six as s`.
            const plan = planUses(ctx, binding, moduleMember);
            if (plan.complete) {
              const dropped = dropImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
              if (dropped) {
                ctx.fix("django.utils.six uses written in Python 3; the import goes", [...plan.edits, ...dropped]);
                continue;
              }
            }
            if (plan.deferred) {
              ctx.fix("django.utils.six uses written in Python 3", plan.edits);
              continue;
            }
            const swap = swapModuleImport(ctx, binding);
            if (swap) ctx.fix(SWAP, [...plan.edits, ...swap]);
            else if (plan.edits.length > 0) ctx.fix("django.utils.six uses written in Python 3", plan.edits);
            continue;
          }
          if (binding.kind === "from" && (binding.module === OLD || binding.module.startsWith(`${OLD}.`))) {
            const group = fromStatements.get(statement.id) ?? [];
            group.push(binding);
            fromStatements.set(statement.id, group);
            continue;
          }
          if (binding.kind === "import" && (binding.module === OLD || binding.module.startsWith(`${OLD}.`))) {
            ctx.report(binding.entry, `django.utils.six was removed in Django 3.0: import the six package (or drop six) and update the uses of ${binding.module}; see ${DOCS}`);
          }
        }
        for (const bindings of fromStatements.values()) fromStatement(ctx, bindings);
      },
    };
  },
});

/** The import of the module binding as `import six [as s]`, or undefined when it cannot be rewritten. */
function swapModuleImport(ctx: RuleContext, binding: ImportBinding): Edit[] | undefined {
  const statement = binding.statement;
  if (binding.kind === "import") {
    // `import django.utils.six as six` → `import six`; another alias stays.
    const text = binding.alias === "six" ? "six" : `six as ${binding.alias}`;
    return [{ start: binding.entry.startIndex, end: binding.entry.endIndex, text }];
  }
  const line = binding.alias && binding.alias !== "six" ? `import six as ${binding.alias}` : "import six";
  if (importEntries(statement).length === 1) return [replaceStatement(ctx.source, statement, [line], ctx.newline)];
  const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
  return dropped ? [...dropped, insertAbove(ctx.source, statement, [line], ctx.newline)] : undefined;
}

/** `from django.utils.six[.moves[...]] import a, b`: one statement, all its names together. */
function fromStatement(ctx: RuleContext, bindings: ImportBinding[]): void {
  const statement = bindings[0]!.statement;
  const module = bindings[0]!.module;
  const modulePath = (text: string): Edit => {
    const node = statement.childForFieldName("module_name")!;
    return { start: node.startIndex, end: node.endIndex, text };
  };
  const rest = module.slice(OLD.length); // "", ".moves", ".moves.urllib.parse"...
  const urllib = /^\.moves\.urllib(?:\.(\w+))?$/.exec(rest);
  if (urllib && (urllib[1] === undefined || URLLIB.includes(urllib[1]))) {
    // Python 3's urllib has the same submodules and names.
    ctx.fix(`django.utils.six.moves.urllib → urllib`, [modulePath(`urllib${urllib[1] ? `.${urllib[1]}` : ""}`)]);
    return;
  }
  if (rest === ".moves") {
    const lines: string[] = [];
    let known = true;
    for (const binding of bindings) {
      const imported = binding.imported ?? "";
      if (imported === "urllib") {
        // `six.moves.urllib` is Python 3's urllib package with its submodules loaded: each
        // `urllib.parse` the file uses comes from `import urllib.parse`.
        const submodules = urllibSubmodules(ctx, binding);
        if (submodules === undefined) known = false;
        else lines.push(...submodules.map((sub) => `import urllib.${sub}`));
        continue;
      }
      const target = MOVED_MODULES[imported] ?? MOVED_NAMES[imported];
      if (!target) known = false;
      else if (target.startsWith("builtins.")) {
        // The builtin itself: the import goes, if the name was not bound elsewhere too.
        if (binding.name !== imported || !onlyBinding(ctx, binding)) known = false;
      } else lines.push(importLine(target, binding.name));
    }
    if (known && importEntries(statement).length === bindings.length) {
      const edit = replaceImportStatement(ctx.source, statement, lines, ctx.newline);
      ctx.fix("django.utils.six.moves → where Python 3 keeps these names", edit);
      return;
    }
    ctx.fix(SWAP, [modulePath(`six${rest}`)]);
    return;
  }
  if (rest === "") {
    // `from django.utils.six import text_type, iteritems`: each name's uses, then the names left.
    const changes = new Map<number, null>();
    const edits: Edit[] = [];
    let deferred = false;
    for (const binding of bindings) {
      const plan = planUses(ctx, binding, (ref) => ({ expr: ref, member: binding.imported ?? "" }));
      edits.push(...plan.edits);
      if (plan.complete) changes.set(binding.entry.id, null);
      deferred ||= plan.deferred;
    }
    // One name's use may sit inside another's rewrite (`tt(x)` in the branch of an `if PY3:`
    // guard): the outer edits go now, the inner uses and the import wait for the next pass.
    const outer = outermost(edits);
    if (outer.length < edits.length) {
      ctx.fix("django.utils.six uses written in Python 3", outer);
      return;
    }
    if (changes.size === importEntries(statement).length) {
      ctx.fix("django.utils.six uses written in Python 3; the import goes", [...edits, ...removeImportStatement(ctx.source, statement)]);
      return;
    }
    if (deferred) {
      // Some uses were rewritten and others wait for a later pass: the import stays as it is for now.
      if (edits.length > 0) ctx.fix("django.utils.six uses written in Python 3", edits);
      return;
    }
    const dropped = changes.size > 0 ? rewriteImportEntries(ctx.source, statement, changes) : [];
    if (!dropped) {
      ctx.fix(SWAP, [modulePath("six")]);
      return;
    }
    ctx.fix(SWAP, [...edits, ...dropped, modulePath("six")]);
    return;
  }
  ctx.fix(SWAP, [modulePath(`six${rest}`)]);
}
