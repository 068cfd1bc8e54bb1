// django/utils-timezone: Django 4.1 deprecated the `django.utils.timezone.utc` alias of the
// standard library's `datetime.timezone.utc` (removed in Django 5.0). Uses are written through the
// `datetime` module: an import of it (or of `datetime.timezone`) already in effect is reused,
// otherwise `import datetime` (or `import datetime as dt` when `datetime` names something else,
// such as the class from `from datetime import datetime`) is added at the top of the imports that
// hold the one it replaces.
import type { Edit } from "../../src/engine/edits.js";
import type { ImportBinding } from "../../src/engine/facts.js";
import { importedAt } from "../../src/engine/helpers/calls.js";
import { importEntries, rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, removeStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1";
const UTC = "django.utils.timezone.utc";
const DATETIME: ReadonlySet<string> = new Set(["datetime"]);
const DATETIME_TIMEZONE: ReadonlySet<string> = new Set(["datetime.timezone"]);
/** Names the added import may bind, in order of preference. */
const NEW_NAMES = ["datetime", "dt"];

interface Group {
  scope: Node;
  /** Import statements the sites depend on; the new import goes above the earliest. */
  anchors: Node[];
  sites: Node[];
  /** Direct `utc` imports whose entries go. */
  bindings: ImportBinding[];
}

/** True when the attribute is written to or deleted rather than read. */
function isTarget(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === "assignment" || parent.type === "augmented_assignment") && parent.childForFieldName("left")?.id === node.id) return true;
  return parent.type === "delete_statement";
}

export default defineRule({
  id: "django/utils-timezone",
  aliases: ["utils_timezone"],
  framework: "django",
  since: "4.1",
  summary: "django.utils.timezone.utc becomes datetime.timezone.utc",
  description:
    "Django 4.1 deprecated `django.utils.timezone.utc`, an alias of the standard library's `datetime.timezone.utc`, " +
    "and Django 5.0 removed it. Uses of `utc` imported from `django.utils.timezone` (its import entry is dropped) and " +
    "attribute forms such as `timezone.utc` become `datetime.timezone.utc`; an unused `utc` import is dropped, as it fails " +
    "on Django 5.0. An `import datetime` (any alias) or " +
    "`from datetime import timezone` already in effect is reused; otherwise `import datetime` is added at the top of the " +
    "block of imports holding the one being replaced, or `import datetime as dt` when the name `datetime` is taken (for instance by " +
    "`from datetime import datetime`). When neither name is free, or `utc` is exported through `__all__`, the code is " +
    "left alone and reported. `timezone.utc` where `timezone` has several bindings is rewritten when each of them is " +
    "Django's module, and reported when some may be `datetime.timezone` (whose `utc` is fine) or cannot be known.",
  docs: DOCS,
  needles: ["utc"],
  // `datetime.timezone.utc` is everywhere in modern code; Django's utc has to come from
  // django.utils.timezone or `from django.utils import timezone`.
  precheck: (text) => /utils\.timezone|django\.utils\s+import\s*\(?[\w\s,\\]*\btimezone\b/.test(text),
  create(ctx) {
    return {
      module() {
        const groups = new Map<string, Group>();
        const add = (origin: ImportBinding, site: Node) => {
          const key = `${origin.scope.id}|${origin.statement.parent?.id}`;
          const group = groups.get(key) ?? { scope: origin.scope, anchors: [], sites: [], bindings: [] };
          if (!group.anchors.some((a) => a.id === origin.statement.id)) group.anchors.push(origin.statement);
          group.sites.push(site);
          groups.set(key, group);
          return group;
        };
        for (const binding of ctx.facts.imports) {
          if (binding.kind !== "from" || binding.qualified !== UTC) continue;
          const refs = ctx.facts.references(binding);
          const why = ctx.facts.exportedWhy("utc") ?? (refs.clean ? undefined : refs.reason);
          if (why) {
            ctx.report(binding.entry, `utc is removed in Django 5.0 (use datetime.timezone.utc) but was left alone: ${why}`);
            continue;
          }
          if (refs.refs.length === 0) {
            // Unused, and an ImportError on Django 5.0: the entry goes.
            const edits = rewriteImportEntries(ctx.source, binding.statement, new Map([[binding.entry.id, null]]));
            if (edits) ctx.fix("unused import of utc removed", edits);
            else ctx.report(binding.entry, "utc is removed in Django 5.0 but its unused import was left alone: comments inside this import make the rewrite ambiguous");
            continue;
          }
          let group: Group | undefined;
          for (const ref of refs.refs) group = add(binding, ref);
          group!.bindings.push(binding);
        }
        for (const id of ctx.facts.identifiers("utc")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          if (isTarget(attribute)) continue;
          let root: Node = attribute;
          while (root.type === "attribute") root = root.childForFieldName("object")!;
          if (root.type !== "identifier") continue;
          const qualified = ctx.facts.qualifiedName(attribute);
          if (qualified !== undefined) {
            const origin = qualified === UTC ? ctx.facts.importOf(root) : undefined;
            if (origin) add(origin, attribute);
            continue;
          }
          // The root name has several bindings the facts cannot choose between: what each may
          // make of this attribute decides.
          const meaning = possibleMeanings(ctx, root, attribute);
          if (meaning.kind === "django") add(meaning.origin, attribute);
          else if (meaning.kind === "mixed") {
            ctx.report(
              attribute,
              `${attribute.text} may be django.utils.timezone.utc, removed in Django 5.0: \`${root.text}\` may be django.utils.timezone here, ` +
                `but ${meaning.others}; write datetime.timezone.utc instead; see ${DOCS}`,
            );
          }
        }
        for (const group of groups.values()) rewriteGroup(ctx, group);
      },
    };
  },
});

type Meaning =
  | { kind: "django"; origin: ImportBinding }
  | { kind: "mixed"; others: string }
  | { kind: "other" };

/**
 * What `attribute` (`timezone.utc`, rooted at the identifier `root`) may stand for when its root
 * name has several bindings: Django's utc whichever binding it reads ("django": rewritten, as when
 * there is one), Django's utc or something else ("mixed": the user must look), or never Django's.
 */
function possibleMeanings(ctx: RuleContext, root: Node, attribute: Node): Meaning {
  const resolution = ctx.facts.resolveName(root.text, root);
  if (resolution.scope === null || resolution.bindings.length === 0) return { kind: "other" };
  const suffix = ctx.source.slice(root.endIndex, attribute.endIndex).replace(/\s+/g, "");
  let origin: ImportBinding | undefined;
  const others = new Set<string>();
  for (const binding of resolution.bindings) {
    const imported = binding.star ? undefined : ctx.facts.importForLocal(binding.node);
    const qualified = binding.star ? binding.starQualified : imported?.qualified;
    if (qualified !== undefined && `${qualified}${suffix}` === UTC) {
      origin ??= imported;
      continue;
    }
    others.add(qualified === undefined ? "another binding's value is not known here" : `it may also be ${qualified}`);
    // A star import that may not bind the name leaves an earlier binding (or none) in effect.
    if (binding.star && !binding.starBinds) others.add("a star import may or may not bind it");
  }
  if (resolution.uncertain) others.add("it may be read before it is bound");
  const some = origin !== undefined || resolution.bindings.some((b) => b.star && b.starQualified !== undefined && `${b.starQualified}${suffix}` === UTC);
  if (!some) return { kind: "other" };
  if (others.size === 0 && origin) return { kind: "django", origin };
  return { kind: "mixed", others: [...others].join(", ") };
}

/** The way a site can already spell the standard library's utc, without a new import. */
function existingSpelling(ctx: RuleContext, site: Node): string | undefined {
  for (const binding of ctx.facts.imports) {
    if (binding.qualified === "datetime.timezone" && importedAt(ctx.facts, binding.name, site, DATETIME_TIMEZONE)) return `${binding.name}.utc`;
  }
  for (const binding of ctx.facts.imports) {
    if (binding.kind === "import" && binding.qualified === "datetime" && importedAt(ctx.facts, binding.name, site, DATETIME)) {
      return `${binding.name}.timezone.utc`;
    }
  }
  return undefined;
}

const IMPORTS = new Set(["import_statement", "import_from_statement"]);

/**
 * The first import of the run of import statements (comments between them allowed) that holds
 * `statement`: a standard-library import added there sits with the others, where isort wants it.
 */
function firstOfImportRun(statement: Node): Node {
  let top = statement;
  for (let previous = statement.previousNamedSibling; previous; previous = previous.previousNamedSibling) {
    if (IMPORTS.has(previous.type)) top = previous;
    else if (previous.type !== "comment") break;
  }
  return top;
}

function rewriteGroup(ctx: RuleContext, group: Group): void {
  const anchor = group.anchors.reduce((a, b) => (b.startIndex < a.startIndex ? b : a));
  const top = firstOfImportRun(anchor);
  const spellings = group.sites.map((site) => existingSpelling(ctx, site));
  const needing = group.sites.filter((_, i) => spellings[i] === undefined);
  let name: string | undefined;
  if (needing.length > 0) {
    name = NEW_NAMES.find((n) => ctx.facts.nameIsFree(n, group.scope, needing, "datetime", top.startIndex));
    if (!name) {
      ctx.report(needing[0]!, "utc is removed in Django 5.0 (use datetime.timezone.utc) but was left alone: the names datetime and dt are both taken here");
      return;
    }
  }
  const edits: Edit[] = group.sites.map((site, i) => ({
    start: site.startIndex, end: site.endIndex, text: spellings[i] ?? `${name}.timezone.utc`,
  }));
  // The direct imports lose their `utc` entry.
  const byStatement = new Map<number, { statement: Node; changes: Map<number, string | null> }>();
  for (const binding of group.bindings) {
    const entry = byStatement.get(binding.statement.id) ?? { statement: binding.statement, changes: new Map() };
    entry.changes.set(binding.entry.id, null);
    byStatement.set(binding.statement.id, entry);
  }
  for (const { statement, changes } of byStatement.values()) {
    if (importEntries(statement).every((e) => changes.get(e.id) === null)) {
      edits.push(...removeStatement(ctx.source, statement));
      continue;
    }
    const changed = rewriteImportEntries(ctx.source, statement, changes);
    if (!changed) {
      ctx.report(statement, "utc is removed in Django 5.0 (use datetime.timezone.utc) but was left alone: comments inside this import make the rewrite ambiguous");
      return;
    }
    edits.push(...changed);
  }
  if (name !== undefined) {
    const line = name === "datetime" ? "import datetime" : `import datetime as ${name}`;
    edits.push(insertAbove(ctx.source, top, [line], ctx.newline));
  }
  ctx.fix(`utc → ${spellings.find((s) => s !== undefined) ?? `${name}.timezone.utc`}`, edits);
}
