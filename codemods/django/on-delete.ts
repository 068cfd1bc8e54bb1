// django/on-delete: Django 1.9 deprecated calling ForeignKey / OneToOneField without `on_delete`
// and Django 2.0 made it required. CASCADE was the implicit default, so writing it out keeps the
// behaviour. The module form reuses the module's own name (`models.CASCADE`); a directly imported
// field gets `CASCADE`, imported beside the field when no import of it is in effect yet.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callsTo, importedAt, insertArgument, insertItem } from "../../src/engine/helpers/calls.js";
import { importEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { mayUsePackage, someCallArguments } from "../../src/engine/text-scan.js";

/** Modules that export the model fields and CASCADE (GeoDjango re-exports django.db.models). */
const MODEL_MODULES = ["django.db.models", "django.contrib.gis.db.models"];
const MODEL_MODULE_SET: ReadonlySet<string> = new Set(MODEL_MODULES);
const FIELD_MODULES = [...MODEL_MODULES, "django.db.models.fields.related"];
const FIELDS = FIELD_MODULES.flatMap((m) => [`${m}.ForeignKey`, `${m}.OneToOneField`]);
const CASCADES: ReadonlySet<string> = new Set([...MODEL_MODULES.map((m) => `${m}.CASCADE`), "django.db.models.deletion.CASCADE"]);
const PLAIN_DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** A call's top-level argument text (see text-scan.ts) that might need on_delete= or be reported. */
function mayLackOnDelete(args: string): boolean {
  if (/(?<![\w])on_delete[\s\\]*=(?!=)/.test(args)) return false;
  // Splats are reported; a lambda's commas are not argument separators.
  if (args.includes("*") || /\blambda\b/.test(args)) return true;
  // Strings and bracketed arguments come blanked out: a blank piece is an argument, except the
  // last one, which may be what follows a trailing comma.
  const pieces = args.split(",");
  const positional = pieces.filter((a, i) => (i < pieces.length - 1 || a.trim() !== "") && !/^[\s\\]*[\p{L}_][\p{L}\p{N}_]*[\s\\]*=(?!=)/u.test(a));
  return positional.length < 2;
}

export default defineRule({
  id: "django/on-delete",
  aliases: ["on_delete"],
  framework: "django",
  since: "1.9",
  summary: "ForeignKey / OneToOneField without on_delete get on_delete=CASCADE, the old implicit default",
  description:
    "Django 1.9 deprecated relation fields without an `on_delete` argument and Django 2.0 requires it. " +
    "Until then deleting the target row cascaded, so `on_delete=CASCADE` spells out the behaviour the code already has. " +
    "For `models.ForeignKey(...)` the argument is written through the same module name (`models.CASCADE`); " +
    "for a directly imported `ForeignKey` it is `CASCADE` when that is imported already, `models.CASCADE` when the module is, " +
    "and otherwise `CASCADE` added to the import that brings in the field, only where the name `CASCADE` is free. The argument goes after the first " +
    "positional argument (first when there is none), on its own line in calls written one argument per line. " +
    "Calls with two positional arguments (on_delete given positionally), `*args` or `**kwargs` are left alone; " +
    "the last two are reported. Migration files are rewritten too: Django 2.0 cannot load them otherwise.",
  docs: "https://docs.djangoproject.com/en/stable/releases/1.9/#foreignkey-and-onetoonefield-on-delete-argument",
  needles: ["ForeignKey", "OneToOneField"],
  // Projects past Django 2.0 pass on_delete everywhere: don't parse their models for nothing.
  // SQLAlchemy's ForeignKey("table.id") never has one: the fields must come from Django. A call
  // passing on_delete positionally (two positional arguments) is left alone too.
  precheck: (text) => mayUsePackage(text, "django") && someCallArguments(text, ["ForeignKey", "OneToOneField"], mayLackOnDelete),
  create(ctx) {
    return {
      module() {
        for (const { call, callee } of callsTo(ctx.facts, FIELDS)) {
          const args = callArgs(call);
          if (!args || args.args.length === 0) continue;
          if (args.keywords.has("on_delete") || args.positional.length >= 2) continue;
          const field = callee.type === "attribute" ? callee.childForFieldName("attribute")!.text : callee.text;
          if (args.listSplat || args.dictSplat) {
            ctx.report(call, `${field}() without on_delete= left alone: *args/**kwargs may already carry it; add on_delete= by hand if not (required since Django 2.0)`);
            continue;
          }
          const cascade = cascadeFor(ctx, call, callee);
          if (!cascade) continue;
          const insert = insertArgument(ctx.source, args, args.positional.length, `on_delete=${cascade.text}`, ctx.newline);
          ctx.fix(`on_delete=${cascade.text} added to ${field}()`, [...insert, ...cascade.edits]);
        }
      },
    };
  },
});

/** How CASCADE is written at the call, and the import edits that make it available. */
function cascadeFor(ctx: RuleContext, call: Node, callee: Node): { text: string; edits: Edit[] } | undefined {
  const { facts } = ctx;
  if (callee.type === "attribute") {
    const object = callee.childForFieldName("object")!;
    const module = facts.qualifiedName(object);
    if (module !== undefined && MODEL_MODULES.includes(module) && PLAIN_DOTTED.test(object.text)) {
      return { text: `${object.text}.CASCADE`, edits: [] };
    }
  }
  // An import of CASCADE (under any name) already in effect at the call.
  for (const binding of facts.imports) {
    if (CASCADES.has(binding.qualified) && importedAt(facts, binding.name, call, CASCADES)) return { text: binding.name, edits: [] };
  }
  // Or the models module under a name that is in effect there: `models.CASCADE`, no import needed.
  for (const binding of facts.imports) {
    if (MODEL_MODULE_SET.has(binding.qualified) && importedAt(facts, binding.name, call, MODEL_MODULE_SET)) {
      return { text: `${binding.name}.CASCADE`, edits: [] };
    }
  }
  // Otherwise CASCADE is imported: beside the field when it comes from the models module, or
  // into another `from django.db.models import ...` in effect there, or on a new line.
  let root: Node = callee;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const origin = facts.importOf(root);
  if (!origin) return undefined;
  const fromModels = (b: ImportBinding) => b.kind === "from" && MODEL_MODULES.includes(b.module);
  const host = fromModels(origin)
    ? origin
    : facts.imports.find((b) => fromModels(b) && b.scope.id === origin.scope.id && importedAt(facts, b.name, call, new Set([b.qualified])));
  const anchor = host ?? origin;
  const module = host ? host.module : "django.db.models";
  if (!facts.nameIsFree("CASCADE", anchor.scope, [call], `${module}.CASCADE`, anchor.statement.startIndex)) {
    ctx.report(call, "on_delete= is required since Django 2.0 but was not added: the name CASCADE already means something else here");
    return undefined;
  }
  if (host) return { text: "CASCADE", edits: addToImport(ctx, host) };
  return { text: "CASCADE", edits: [insertAbove(ctx.source, origin.statement, [`from ${module} import CASCADE`], ctx.newline)] };
}

/** `from django.db.models import ForeignKey` → `from django.db.models import CASCADE, ForeignKey`. */
function addToImport(ctx: RuleContext, origin: ImportBinding): Edit[] {
  const statement = origin.statement;
  const entries = importEntries(statement);
  const open = statement.children.find((c) => c?.type === "(") ?? statement.children.find((c) => c?.type === "import");
  const close = statement.children.find((c) => c?.type === ")") ?? null;
  // isort order: constants first, alphabetically.
  const nameOf = (entry: Node) => (entry.type === "aliased_import" ? entry.childForFieldName("name")!.text : entry.text);
  let index = entries.findIndex((e) => !(CONSTANT.test(nameOf(e)) && nameOf(e) < "CASCADE"));
  if (index < 0) index = entries.length;
  return insertItem(ctx.source, { open: open!, close, items: entries }, index, "CASCADE", ctx.newline);
}
