// werkzeug/www-authenticate: Werkzeug 2.3 made WWWAuthenticate a plain object instead of a dict
// and deprecated set_basic() / set_digest(), dict methods and the qop / stale properties; 3.0
// removed them. `response.www_authenticate.set_basic(realm)` as a statement, on a response the file
// builds, becomes `response.www_authenticate = WWWAuthenticate("basic", {"realm": realm})`, which
// 2.3 and later serialize to the same header (2.3 added the setter, so the rule applies from 2.3).
// set_digest (many parameters), set_basic elsewhere, and dict methods or qop / stale on an
// `.www_authenticate` are reported: the old dict also held the auth type under "__auth_type__",
// so items(), keys() and the like have no exact counterpart on `.parameters`.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, importedAt } from "../../src/engine/helpers/calls.js";
import { insertAbove } from "../../src/engine/helpers/statements.js";
import { isWerkzeugResponse } from "../../src/engine/helpers/werkzeug-objects.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-3-0";
const CLASS = "WWWAuthenticate";
const QUALIFIED = new Set(["werkzeug.datastructures.WWWAuthenticate", "werkzeug.datastructures.auth.WWWAuthenticate"]);
const DICT_MEMBERS = new Set(["items", "keys", "values", "update", "pop", "setdefault", "clear", "copy", "popitem", "qop", "stale"]);

/** How `WWWAuthenticate` reaches `site`: already imported, to be imported above the first import, or not at all. */
function classAvailability(ctx: RuleContext, site: Node): "present" | Edit | undefined {
  if (importedAt(ctx.facts, CLASS, site, QUALIFIED)) return "present";
  if (!ctx.facts.nameIsFree(CLASS, ctx.root, [site], "werkzeug.datastructures.WWWAuthenticate", 0)) return undefined;
  const first = ctx.facts.imports
    .filter((b) => b.scope.type === "module" && b.statement.parent?.type === "module" && b.module !== "__future__")
    .sort((a, b) => a.statement.startIndex - b.statement.startIndex)[0];
  if (!first) return undefined;
  return insertAbove(ctx.source, first.statement, [`from werkzeug.datastructures import ${CLASS}`], ctx.newline);
}

/** `<response>.www_authenticate.set_basic(realm)` standing alone as a statement: the new statement. */
function setBasic(ctx: RuleContext, call: Node, holder: Node): Edit[] | undefined {
  const statement = call.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  const response = holder.childForFieldName("object")!;
  if (!isWerkzeugResponse(ctx.facts, response)) return undefined;
  const args = callArgs(call);
  if (!args || args.listSplat || args.dictSplat || args.comments.length > 0 || args.args.length > 1) return undefined;
  const keyword = args.keywords.get("realm");
  if (args.keywords.size > (keyword ? 1 : 0)) return undefined;
  const realm = keyword ? keyword.childForFieldName("value")!.text : args.positional[0]?.text ?? '"authentication required"';
  const available = classAvailability(ctx, call);
  if (!available) return undefined;
  const edits: Edit[] = [{ start: call.startIndex, end: call.endIndex, text: `${holder.text} = ${CLASS}("basic", {"realm": ${realm}})` }];
  if (available !== "present") edits.push(available);
  return edits;
}

export default defineRule({
  id: "werkzeug/www-authenticate",
  framework: "werkzeug",
  since: "2.3",
  summary: "response.www_authenticate.set_basic(realm) becomes an assignment of WWWAuthenticate(\"basic\", {\"realm\": realm})",
  description:
    "Werkzeug 2.3 made `WWWAuthenticate` a plain object instead of a dict and deprecated `set_basic()`, `set_digest()`, " +
    "the dict methods and the `qop` / `stale` properties (removed in 3.0). On a response the file builds, " +
    "`response.www_authenticate.set_basic(realm)` as a statement becomes " +
    "`response.www_authenticate = WWWAuthenticate(\"basic\", {\"realm\": realm})` (with the import). `set_digest()`, other " +
    "`set_basic()` calls, and dict methods, `qop` or `stale` on a `.www_authenticate` are reported: use `.parameters` and " +
    "`.type`, and note that the old dict also held the type under `\"__auth_type__\"`.",
  docs: DOCS,
  needles: ["www_authenticate"],
  precheck: (text) => /\bwww_authenticate\.\w/.test(text),
  create(ctx) {
    return {
      module() {
        for (const id of ctx.facts.identifiers("www_authenticate")) {
          const holder = id.parent;
          if (holder?.type !== "attribute" || holder.childForFieldName("attribute")?.id !== id.id) continue;
          const member = holder.parent;
          if (member?.type !== "attribute" || member.childForFieldName("object")?.id !== holder.id) continue;
          const name = member.childForFieldName("attribute")?.text ?? "";
          const call = member.parent?.type === "call" && member.parent.childForFieldName("function")?.id === member.id ? member.parent : undefined;
          if (name === "set_basic" && call) {
            const edits = setBasic(ctx, call, holder);
            if (edits) {
              ctx.fix("www_authenticate.set_basic(realm) → www_authenticate = WWWAuthenticate(\"basic\", {\"realm\": realm})", edits);
              continue;
            }
          }
          if (name === "set_basic" || name === "set_digest") {
            ctx.report(member, `WWWAuthenticate.${name}() was removed in Werkzeug 3.0: assign ${holder.text} = WWWAuthenticate("${name.slice(4)}", {...parameters}); see ${DOCS}`);
          } else if (DICT_MEMBERS.has(name)) {
            ctx.report(member, `WWWAuthenticate is no longer a dict (Werkzeug 2.3, removed in 3.0): use ${holder.text}.parameters (and .type; the old dict held it under "__auth_type__"), and read qop/stale as plain strings; see ${DOCS}`);
          }
        }
      },
    };
  },
});
