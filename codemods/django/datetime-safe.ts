// django/datetime-safe: Django 4.0 deprecated django.utils.datetime_safe (removed in 5.0). Its
// date and datetime classes only patched strftime for years before 1000, which Python 3 handles:
// they become the standard library's. Its helpers are rewritten in the shapes whose meaning is
// plain: strftime(d, fmt) is d.strftime(fmt), new_date(d) builds the date from d's fields, and
// new_datetime(x) of a value known to be a datetime (datetime.now(), timezone.now()) is that value.
// Other helper uses are reported.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { callArgs, callOf, importedAt } from "../../src/engine/helpers/calls.js";
import { dropImportEntries } from "../../src/engine/helpers/drop-imports.js";
import { nameMoves } from "../../src/engine/helpers/name-moves.js";
import { importEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext, lineOf } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0";
const MODULE = "django.utils.datetime_safe";
const HELPERS = ["new_date", "new_datetime", "strftime"];
const DATE = new Set(["datetime.date", `${MODULE}.date`]);
/** Calls that return an aware or naive datetime.datetime, whatever their arguments. */
const DATETIME_FACTORIES = new Set([
  ...["datetime.datetime", `${MODULE}.datetime`].flatMap((c) => ["now", "utcnow", "today"].map((m) => `${c}.${m}`)),
  "django.utils.timezone.now",
]);

const moves = nameMoves({
  id: "django/datetime-safe",
  framework: "django",
  since: "4.0",
  summary: "datetime_safe's date and datetime come from datetime; strftime/new_date/new_datetime are rewritten where exact",
  description:
    "Django 4.0 deprecated `django.utils.datetime_safe` (removed in 5.0): Python 3's own `datetime.date` and " +
    "`datetime.datetime` format every year Django supports. `from django.utils.datetime_safe import date, datetime, time` " +
    "imports them from `datetime` instead (aliases kept, uses renamed only where the name is free), and " +
    "`datetime_safe.datetime` uses get the standard class. The helpers imported by name are rewritten where the result " +
    "is the same: `strftime(d, fmt)` → `d.strftime(fmt)`, `new_date(d)` → `date(d.year, d.month, d.day)` (for a name " +
    "or attribute `d`, with `from datetime import date` added when no `date` class is imported), `new_datetime(x)` → " +
    "`x` when `x` is a `datetime.now()`/`utcnow()`/`today()` or `timezone.now()` call (a datetime already). The one " +
    "difference: for years before 1000 `%Y` is no longer zero-padded to four digits by Python 3's strftime on every " +
    "platform. Other helper uses (`new_datetime` of another value, helpers read as `datetime_safe.strftime`) are reported.",
  docs: DOCS,
  needles: ["datetime_safe"],
  precheck: (text) => text.includes("datetime_safe"),
  removedModules: [MODULE],
  moves: [
    { from: `${MODULE}.date`, to: "datetime.date" },
    { from: `${MODULE}.datetime`, to: "datetime.datetime" },
    // datetime_safe.time was a subclass of datetime.time that changed nothing.
    { from: `${MODULE}.time`, to: "datetime.time" },
  ],
});

/** A name or a chain of attributes on one: safe to read three times. */
function isPlainReference(node: Node): boolean {
  if (node.type === "identifier") return true;
  return node.type === "attribute" && isPlainReference(node.childForFieldName("object")!);
}

const PRIMARY = new Set(["identifier", "attribute", "call", "subscript", "parenthesized_expression"]);

interface HelperPlan {
  edits: Edit[];
  /** `from datetime import date` is needed above the helper's import. */
  needsDate: boolean;
}

/** The helper imports of one statement and the rewrites of their uses. */
interface HelperGroup {
  statement: Node;
  scope: Node;
  edits: Edit[];
  dropped: Map<number, null>;
  needsDate: boolean;
  sites: Node[];
}

/** Every use of one helper import rewritten, or why not. */
function planHelper(ctx: RuleContext, binding: ImportBinding): HelperPlan | string {
  const refs = ctx.facts.references(binding);
  if (!refs.clean) return refs.reason ?? "its uses cannot be told apart";
  const plan: HelperPlan = { edits: [], needsDate: false };
  const text = (n: Node) => ctx.source.slice(n.startIndex, n.endIndex);
  for (const ref of refs.refs) {
    const call = callOf(ref);
    const args = call ? callArgs(call) : undefined;
    const line = lineOf(ref);
    if (!call || !args || args.comments.length > 0 || args.args.length !== args.positional.length) return `${line} is not a plain call`;
    const [first, second] = args.positional;
    if (binding.imported === "strftime") {
      if (args.positional.length !== 2) return `the call on ${line} does not pass (date, format)`;
      const value = PRIMARY.has(first!.type) ? text(first!) : `(${text(first!)})`;
      plan.edits.push({ start: call.startIndex, end: call.endIndex, text: `${value}.strftime(${text(second!)})` });
    } else if (binding.imported === "new_date") {
      if (args.positional.length !== 1 || !isPlainReference(first!)) return `the call on ${line} does not pass one name`;
      const v = text(first!);
      const present = importedAt(ctx.facts, "date", call, DATE);
      if (!present) plan.needsDate = true;
      plan.edits.push({ start: call.startIndex, end: call.endIndex, text: `date(${v}.year, ${v}.month, ${v}.day)` });
    } else if (binding.imported === "new_datetime") {
      const inner = args.positional.length === 1 && first!.type === "call" ? first!.childForFieldName("function") : undefined;
      const qualified = inner ? ctx.facts.qualifiedName(inner) : undefined;
      if (!qualified || !DATETIME_FACTORIES.has(qualified)) return `the call on ${line} may pass a date, whose conversion has no one-expression spelling`;
      plan.edits.push({ start: call.startIndex, end: call.endIndex, text: text(first!) });
    }
  }
  return plan;
}

export default defineRule({
  ...moves,
  create(ctx) {
    const visitors = moves.create(ctx);
    return {
      ...visitors,
      module(node) {
        visitors.module?.(node);
        const byStatement = new Map<number, HelperGroup>();
        const plans: { binding: ImportBinding; plan: HelperPlan }[] = [];
        for (const binding of ctx.facts.imports) {
          const name = binding.kind === "from" && binding.module === MODULE ? binding.imported : undefined;
          if (!name || !HELPERS.includes(name)) continue;
          const plan = planHelper(ctx, binding);
          if (typeof plan === "string") {
            ctx.report(binding.entry, `django.utils.datetime_safe.${name} was removed in Django 5.0: use the datetime module (d.strftime(fmt), datetime.combine(d, time())) instead; left alone because ${plan} (${DOCS})`);
            continue;
          }
          plans.push({ binding, plan });
        }
        // A helper call inside another's argument (strftime(new_date(d), f)) waits for the next pass.
        const all = plans.flatMap((p) => p.plan.edits);
        const inside = (e: Edit) => all.some((o) => o !== e && o.start <= e.start && e.end <= o.end);
        for (const { binding, plan } of plans) {
          if (plan.edits.some(inside)) continue;
          const group: HelperGroup = byStatement.get(binding.statement.id) ?? { statement: binding.statement, scope: binding.scope, edits: [], dropped: new Map(), needsDate: false, sites: [] };
          group.edits.push(...plan.edits);
          group.dropped.set(binding.entry.id, null);
          group.needsDate ||= plan.needsDate;
          if (plan.needsDate) group.sites.push(...ctx.facts.references(binding).refs);
          byStatement.set(binding.statement.id, group);
        }
        for (const group of byStatement.values()) {
          const edits = [...group.edits];
          if (group.needsDate) {
            if (!ctx.facts.nameIsFree("date", group.scope, group.sites, "datetime.date", group.statement.startIndex)) {
              ctx.report(group.statement, `django.utils.datetime_safe.new_date was removed in Django 5.0: write date(d.year, d.month, d.day) with datetime.date; left alone because the name date means something else here (${DOCS})`);
              continue;
            }
            // The helpers' statement gives way to the new import, or gets it on the line above.
            if (importEntries(group.statement).every((e) => group.dropped.has(e.id))) {
              ctx.fix("datetime_safe helpers written with the datetime module", [...edits, replaceStatement(ctx.source, group.statement, ["from datetime import date"], ctx.newline)]);
              continue;
            }
            edits.push(insertAbove(ctx.source, group.statement, ["from datetime import date"], ctx.newline));
          }
          const dropped = dropImportEntries(ctx.source, group.statement, group.dropped);
          if (!dropped) continue;
          ctx.fix("datetime_safe helpers written with the datetime module", [...edits, ...dropped]);
        }
      },
    };
  },
});
