// django/index-together: Django 4.2 deprecated Meta.index_together (removed in 5.1) in favour of
// Meta.indexes. Only the plain shape is rewritten: a `class Meta:` directly inside a top-level
// class, holding nothing but simple assignments, with one literal `index_together` of strings (or
// of lists/tuples of strings). It becomes `indexes = [models.Index(fields=[...]), ...]`, or its
// Index items are appended to the one literal `indexes` already there. Anything else stays.
import type { Edit } from "../../src/engine/edits.js";
import { insertItem } from "../../src/engine/helpers/calls.js";
import { removeStatement, replaceStatement, startsLine } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { indentAt } from "../../src/engine/text.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.2/#index-together-option-is-deprecated-in-favor-of-indexes";

const OLD = "index_together";
const MODEL_MODULES = new Set(["django.db.models", "django.contrib.gis.db.models"]);
const INDEX_NAMES = new Set([
  "django.db.models.Index",
  "django.db.models.indexes.Index",
  "django.contrib.gis.db.models.Index",
]);

const named = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment");

/** `name = value` written as a statement of its own: the assignment, or undefined. */
function simpleAssignment(statement: Node): Node | undefined {
  if (statement.type !== "expression_statement") return undefined;
  const children = named(statement);
  if (children.length !== 1 || children[0]!.type !== "assignment") return undefined;
  const assignment = children[0]!;
  const left = assignment.childForFieldName("left");
  const right = assignment.childForFieldName("right");
  if (left?.type !== "identifier" || !right || assignment.childForFieldName("type")) return undefined;
  if (right.type === "assignment" || right.type === "augmented_assignment") return undefined;
  return assignment;
}

/** A plain string literal (no f-string, no bytes, no implicit concatenation). */
function isPlainString(node: Node): boolean {
  if (node.type !== "string") return false;
  const start = node.child(0);
  if (start?.type !== "string_start" || /[fFbBtT]/.test(start.text)) return false;
  return !node.namedChildren.some((c) => c?.type === "interpolation");
}

function isSequence(node: Node): boolean {
  return node.type === "list" || node.type === "tuple";
}

/** Source text for a sequence of strings, of the same kind as `like`. */
function sequenceText(like: Node, items: Node[]): string {
  const inner = items.map((i) => i.text).join(", ");
  if (like.type === "list") return `[${inner}]`;
  return items.length === 1 ? `(${inner},)` : `(${inner})`;
}

/** One index an index_together value stands for, with the comments written around its entry. */
interface IndexEntry {
  /** The `fields=` text. */
  fields: string;
  /** Comments on their own lines before the entry. */
  before: string[];
  /** A comment at the end of the entry's last line. */
  trailing?: string;
}

/**
 * The indexes an index_together value stands for, with its comments, or a reason. `after`:
 * comments on their own lines after the last entry.
 */
function indexFields(value: Node): { entries: IndexEntry[]; after: string[] } | string {
  // `(("a", "b"))`: parentheses around one tuple are still that tuple (one index on a and b).
  while (value.type === "parenthesized_expression" && named(value).length === 1) value = named(value)[0]!;
  if (!isSequence(value)) return "its value is not a list or tuple literal";
  const items = named(value);
  if (items.length === 0) return "it is empty";
  if (items.every(isPlainString)) {
    // One index on these fields: with comments among them, the value keeps its own text, comments and all.
    const commented = value.descendantsOfType("comment").length > 0;
    return { entries: [{ fields: commented ? nestedOnce(value, items) : sequenceText(value, items), before: [] }], after: [] };
  }
  const entries: IndexEntry[] = [];
  let pending: string[] = [];
  let lastRow = -1;
  for (const child of value.namedChildren) {
    if (!child) continue;
    if (child.type === "comment") {
      const last = entries[entries.length - 1];
      // A comment's text may end in the \r of a CRLF line.
      const text = child.text.trimEnd();
      if (last && !last.trailing && pending.length === 0 && child.startPosition.row === lastRow) last.trailing = text;
      else pending.push(text);
      continue;
    }
    if (!isSequence(child)) return "its entries are not all strings or all lists/tuples of strings";
    const fields = named(child);
    if (fields.length === 0 || !fields.every(isPlainString)) return "an entry is empty or holds something other than strings";
    if (child.descendantsOfType("comment").length > 0) return "comments inside an entry's field list would be lost";
    entries.push({ fields: sequenceText(child, fields), before: pending });
    pending = [];
    lastRow = child.endPosition.row;
  }
  return { entries, after: pending };
}

/**
 * The text of a multi-line value moved one level deeper (into `indexes = [Index(fields=...)]`):
 * its continuation lines get four more spaces, unless a string in it spans lines (its text would change).
 */
function nestedOnce(value: Node, items: Node[]): string {
  if (items.some((i) => i.startPosition.row !== i.endPosition.row)) return value.text;
  return value.text.split("\n").map((line, i) => (i > 0 && line.trim() !== "" ? `    ${line}` : line)).join("\n");
}

function hasComments(found: { entries: IndexEntry[]; after: string[] }): boolean {
  return found.after.length > 0 || found.entries.some((e) => e.before.length > 0 || e.trailing !== undefined);
}

/** What to call Index by at `site`: `models.Index`, `Index`, or undefined. */
function indexCallee(ctx: RuleContext, site: Node): string | undefined {
  const importedAs = (name: string, wanted: (qualified: string) => boolean): boolean => {
    const resolution = ctx.facts.resolveName(name, site);
    if (resolution.scope === null || resolution.uncertain || resolution.bindings.length === 0) return false;
    return resolution.bindings.every((b) => {
      if (b.star || b.node.startIndex > site.startIndex) return false;
      const imported = ctx.facts.importForLocal(b.node);
      return imported !== undefined && wanted(imported.qualified);
    });
  };
  if (importedAs("models", (q) => MODEL_MODULES.has(q))) return "models.Index";
  if (importedAs("Index", (q) => INDEX_NAMES.has(q))) return "Index";
  return undefined;
}

export default defineRule({
  id: "django/index-together",
  aliases: ["index_together"],
  framework: "django",
  since: "4.2",
  summary: "Meta.index_together becomes Meta.indexes with one models.Index per field group",
  description:
    "Django 4.2 deprecated the `index_together` model option (it is gone in 5.1); `Meta.indexes` with " +
    "`Index(fields=[...])` entries expresses the same indexes. In models files, a `class Meta:` placed directly in a " +
    "top-level class and holding only plain assignments has its single literal `index_together` (a list/tuple of " +
    "field names, or of lists/tuples of field names) turned into `indexes = [models.Index(fields=[...]), ...]`; " +
    "when one literal `indexes` list or tuple is already there, the new entries are appended to it instead. " +
    "String quoting and list/tuple kinds are kept. `Index` is written as `models.Index` when `models` is Django's " +
    "models module there, as `Index` when that is imported directly, and otherwise the option is left alone. " +
    "Other shapes (conditions in Meta, computed values, several assignments) are left unchanged. " +
    "Run makemigrations afterwards: the indexes get new names in a migration.",
  docs: DOCS,
  needles: [OLD],
  files: "models",
  create(ctx) {
    return {
      module() {
        const seen = new Set<number>();
        for (const id of ctx.facts.identifiers(OLD)) {
          const assignment = id.parent;
          if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) continue;
          const statement = assignment.parent;
          const block = statement?.parent;
          const meta = block?.parent;
          if (!statement || block?.type !== "block" || meta?.type !== "class_definition") continue;
          if (meta.childForFieldName("name")?.text !== "Meta" || seen.has(meta.id)) continue;
          seen.add(meta.id);
          const model = meta.parent?.parent;
          if (meta.parent?.type !== "block" || model?.type !== "class_definition" || model.parent?.type !== "module") continue;
          rewriteMeta(ctx, block, id);
        }
      },
    };
  },
});

function rewriteMeta(ctx: RuleContext, block: Node, at: Node): void {
  const leave = (why: string) =>
    ctx.report(at, `index_together is deprecated since Django 4.2 but was left alone: ${why}; move it to Meta.indexes by hand; see ${DOCS}`);
  let together: Node | undefined;
  let indexes: Node | undefined;
  for (const statement of named(block)) {
    const assignment = simpleAssignment(statement);
    if (!assignment) return leave("its Meta holds more than simple assignments");
    const name = assignment.childForFieldName("left")!.text;
    if (name === OLD) {
      if (together) return leave("it is assigned more than once");
      together = assignment;
    } else if (name === "indexes") {
      if (indexes) return leave("indexes is assigned more than once");
      indexes = assignment;
    }
  }
  if (!together) return;
  const found = indexFields(together.childForFieldName("right")!);
  if (typeof found === "string") return leave(found);
  const callee = indexCallee(ctx, together);
  if (!callee) return leave("neither `models` nor `Index` from django.db.models is imported here");
  const entries = found.entries.map((e) => `${callee}(fields=${e.fields})`);
  const commented = hasComments(found);
  const statement = together.parent!;
  if (!indexes) {
    const value = together.childForFieldName("right")!;
    const multiline = (commented || value.startPosition.row !== value.endPosition.row) && startsLine(ctx.source, statement);
    if (commented && !multiline) return leave("comments inside its value need lines of their own, and this Meta is written on one line");
    let list: string;
    if (multiline) {
      // One entry per line; comments stay where they were among the entries.
      const indent = indentAt(ctx.source, statement.startIndex);
      const inner = indent + "    ";
      const line = (text: string) => `${inner}${text}${ctx.newline}`;
      const body = found.entries.map((e, i) => e.before.map(line).join("") + line(`${entries[i]},${e.trailing ? `  ${e.trailing}` : ""}`));
      list = `[${ctx.newline}${body.join("")}${found.after.map(line).join("")}${indent}]`;
    } else list = `[${entries.join(", ")}]`;
    ctx.fix(`index_together → indexes`, [replaceStatement(ctx.source, statement, [`indexes = ${list}`], ctx.newline)]);
    return;
  }
  if (commented) return leave("comments inside its value would be lost in the existing indexes");
  const existing = indexes.childForFieldName("right")!;
  if (!isSequence(existing)) return leave("the existing indexes is not a list or tuple literal");
  const open = existing.child(0)!;
  const close = existing.child(existing.childCount - 1)!;
  if (open.type !== "[" && open.type !== "(") return leave("the existing indexes cannot be read");
  const items = named(existing);
  if (items.some((i) => i.type === "list_splat" || i.type === "parenthesized_list_splat")) {
    return leave("the existing indexes unpacks another sequence");
  }
  const tupleEnd = existing.type === "tuple" && items.length === 0 ? "," : "";
  const last = items[items.length - 1];
  // A list with one item per line gets one new line per entry.
  const perLine = last !== undefined && startsLine(ctx.source, last) && last.endPosition.row !== close.startPosition.row;
  const joiner = perLine ? `,${ctx.newline}${indentAt(ctx.source, last.startIndex)}` : ", ";
  const edits: Edit[] = insertItem(ctx.source, { open, close, items }, items.length, entries.join(joiner) + tupleEnd, ctx.newline);
  const removal = removeStatement(ctx.source, statement);
  ctx.fix(`index_together → appended to indexes`, [...edits, ...removal]);
}
