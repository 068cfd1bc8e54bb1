// django/comma-separated-integer-field: Django 1.9 deprecated CommaSeparatedIntegerField (removed
// in 2.0 except in historical migrations); its system check says to use
// CharField(validators=[validate_comma_separated_integer_list]), which stores the same column.
import type { Edit } from "../../src/engine/edits.js";
import { argumentItems, callArgs, callsTo, importedAt, insertItem } from "../../src/engine/helpers/calls.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.9/#features-deprecated-in-1-9";
const FIELD = "django.db.models.CommaSeparatedIntegerField";
const VALIDATOR = "validate_comma_separated_integer_list";
const VALIDATOR_QUALIFIED = `django.core.validators.${VALIDATOR}`;

export default defineRule({
  id: "django/comma-separated-integer-field",
  framework: "django",
  since: "1.9",
  summary: "models.CommaSeparatedIntegerField(...) becomes models.CharField(..., validators=[validate_comma_separated_integer_list])",
  description:
    "Django 1.9 deprecated `CommaSeparatedIntegerField` (removed in 2.0; historical migrations may still use it). " +
    "`models.CommaSeparatedIntegerField(...)` (the module form, however `models` was imported) becomes `models.CharField(...)` " +
    "with `validators=[validate_comma_separated_integer_list]` appended, and the validator is imported from " +
    "`django.core.validators` above the `models` import unless it is already there. The column stays a varchar of the same " +
    "length. Calls that already pass `validators=` or `**kwargs`, a directly imported field name, and migrations files are " +
    "left alone; the first two are reported.",
  docs: DOCS,
  needles: ["CommaSeparatedIntegerField"],
  files: (roles) => !roles.has("migrations"),
  create(ctx) {
    return {
      module() {
        const byOrigin = new Map<number, { anchor: Node; scope: Node; edits: Edit[]; sites: Node[] }>();
        for (const { call, callee } of callsTo(ctx.facts, [FIELD])) {
          if (callee.type !== "attribute") {
            ctx.report(callee, `CommaSeparatedIntegerField was removed in Django 2.0: use CharField(validators=[${VALIDATOR}]) instead; left alone because it is imported by name; see ${DOCS}`);
            continue;
          }
          const args = callArgs(call);
          if (!args || args.dictSplat || args.listSplat || args.keywords.has("validators")) {
            ctx.report(call, `CommaSeparatedIntegerField was removed in Django 2.0: use CharField(validators=[${VALIDATOR}]) instead; left alone because the call passes validators= or *args/**kwargs; see ${DOCS}`);
            continue;
          }
          let root: Node = callee.childForFieldName("object")!;
          while (root.type === "attribute") root = root.childForFieldName("object")!;
          const origin = ctx.facts.importOf(root);
          if (!origin) continue;
          const name = callee.childForFieldName("attribute")!;
          const edits: Edit[] = [
            { start: name.startIndex, end: name.endIndex, text: "CharField" },
            ...insertItem(ctx.source, argumentItems(args), args.args.length, `validators=[${VALIDATOR}]`, ctx.newline),
          ];
          const group = byOrigin.get(origin.statement.id) ?? { anchor: origin.statement, scope: origin.scope, edits: [], sites: [] };
          group.edits.push(...edits);
          group.sites.push(call);
          byOrigin.set(origin.statement.id, group);
        }
        for (const { anchor, scope, edits, sites } of byOrigin.values()) {
          const present = sites.every((site) => importedAt(ctx.facts, VALIDATOR, site, new Set([VALIDATOR_QUALIFIED])));
          if (!present) {
            if (!ctx.facts.nameIsFree(VALIDATOR, scope, sites, VALIDATOR_QUALIFIED, anchor.startIndex)) continue;
            edits.push(insertAbove(ctx.source, anchor, [`from django.core.validators import ${VALIDATOR}`], ctx.newline));
          }
          ctx.fix("CommaSeparatedIntegerField → CharField(validators=[validate_comma_separated_integer_list])", edits);
        }
      },
    };
  },
});
