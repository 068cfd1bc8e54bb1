// django/settings-storages: Django 4.2 folded the DEFAULT_FILE_STORAGE and STATICFILES_STORAGE
// settings into one STORAGES dict (the old settings went in Django 5.1). String assignments in a
// settings file are replaced by STORAGES assignments, one per block that assigns them, all at once
// or not at all. A block writes the full dict (Django's old default for a key it does not set)
// when nothing before it may have set storage settings, and `{**STORAGES, ...}` when STORAGES
// surely exists by then (an enclosing block's rewrite, or a star-imported base settings module
// that defines it or will after this run).
import type { Edit } from "../../src/engine/edits.js";
import { isStringLiteral, readElsewhere } from "../../src/engine/helpers/settings.js";
import { lineStart } from "../../src/engine/text.js";
import { ownsItsLines, removeStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { parse } from "../../src/engine/parser.js";
import type { ProjectModule } from "../../src/engine/project.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { Facts } from "../../src/engine/facts.js";

/** Old setting → STORAGES key and Django's default backend for it. */
const SETTINGS = [
  { name: "DEFAULT_FILE_STORAGE", key: "default", backend: "django.core.files.storage.FileSystemStorage" },
  { name: "STATICFILES_STORAGE", key: "staticfiles", backend: "django.contrib.staticfiles.storage.StaticFilesStorage" },
] as const;

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2";

/** One storage setting assignment that can move into STORAGES. */
interface Assignment {
  key: string;
  name: string;
  statement: Node;
  value: Node;
  /** End of the statement with its trailing comment. */
  end: number;
  comment: string;
}

/** A block's assignments and how its STORAGES is written. */
interface Group {
  block: Node;
  items: Assignment[];
  spread: boolean;
}

type Plan = { groups: Group[] } | { refuse: string; at: Node };

/** What a star-imported settings module leaves behind after this run: STORAGES, nothing, or unknown. */
type Provides = "storages" | "none" | { unknown: string };

const LOOPS = new Set(["for_statement", "while_statement", "function_definition", "class_definition", "lambda"]);

/** The assignments of a settings file and how each block would write STORAGES; why not, otherwise. */
function planFor(source: string, root: Node, facts: Facts, base: (spec: string, at: Node) => Provides): Plan | undefined {
  const items: Assignment[] = [];
  let first: Node | undefined;
  for (const setting of SETTINGS) {
    for (const id of facts.identifiers(setting.name)) {
      first = !first || id.startIndex < first.startIndex ? id : first;
      const assignment = plainAssignment(id);
      if (!assignment) return { refuse: `${setting.name} is used or assigned other than by a plain assignment at module level`, at: id };
      if (!isStringLiteral()(assignment.value)) return { refuse: `${setting.name} is not a plain string`, at: assignment.value };
      if (!ownsItsLines(source, assignment.statement)) return { refuse: `${setting.name} shares its line with other code`, at: id };
      let value = assignment.value;
      while (value.type === "parenthesized_expression") value = value.namedChild(0)!;
      // A comment after the assignment moves along with its value.
      const trailing = /^[ \t\f]*(#[^\r\n]*)/.exec(source.slice(assignment.statement.endIndex));
      items.push({
        key: setting.key, name: setting.name, statement: assignment.statement, value,
        end: assignment.statement.endIndex + (trailing ? trailing[0].length : 0), comment: trailing ? `  ${trailing[1]}` : "",
      });
    }
  }
  if (!first || items.length === 0) return undefined;
  const storages = facts.identifiers("STORAGES")[0];
  if (storages) return { refuse: "STORAGES is already mentioned in this file", at: storages };
  // Star imports: a settings base module may provide (or, after this run, define) STORAGES.
  let inherited = false;
  for (const star of starImports(root)) {
    const spec = star.childForFieldName("module_name")!.text.replace(/\s+/g, "");
    if (star.startIndex > first.startIndex) return { refuse: `\`from ${spec} import *\` comes after the storage settings and may override them`, at: star };
    const provides = base(spec, star);
    if (typeof provides === "object") return { refuse: provides.unknown, at: star };
    if (provides === "storages") inherited = true;
  }
  items.sort((a, b) => a.statement.startIndex - b.statement.startIndex);
  const groups: Group[] = [];
  for (const item of items) {
    const block = item.statement.parent!;
    let group = groups.find((g) => g.block.id === block.id);
    if (!group) groups.push((group = { block, items: [], spread: false }));
    if (group.items.some((i) => i.key === item.key)) return { refuse: `${item.name} is assigned twice in one block`, at: item.statement };
    group.items.push(item);
  }
  for (const [index, group] of groups.entries()) {
    const at = group.items[0]!.statement;
    const earlier = groups.slice(0, index).filter((e) => !exclusive(e.block, group.block));
    const surely = earlier.some((e) => encloses(e.block, group.block));
    if (inherited || surely) {
      group.spread = true;
      continue;
    }
    // A full dict resets the keys this block does not set: only right when nothing set them before.
    const keys = new Set(group.items.map((i) => i.key));
    const clash = earlier.find((e) => e.items.some((i) => !keys.has(i.key)));
    if (clash) return { refuse: "storage settings are assigned in blocks that may both run, in an order a STORAGES dict cannot follow", at };
  }
  return { groups };
}

/** The assignment around `id` when `id` is its only target, at module scope outside loops, defs and classes. */
function plainAssignment(id: Node): { statement: Node; value: Node } | undefined {
  const assignment = id.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== id.id) return undefined;
  const value = assignment.childForFieldName("right");
  const statement = assignment.parent;
  if (!value || value.type === "assignment" || statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return undefined;
  if (assignment.childForFieldName("type")) return undefined;
  for (let node = statement.parent; node; node = node.parent) if (LOOPS.has(node.type)) return undefined;
  return statement.parent && enclosingScope(statement).type === "module" ? { statement, value } : undefined;
}

function encloses(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** True when two blocks sit in different branches of one if/elif/else (never both run). */
function exclusive(a: Node, b: Node): boolean {
  for (let node = a.parent; node; node = node.parent) {
    if (node.type !== "if_statement" || !encloses(node, b)) continue;
    const branch = (x: Node) => node!.namedChildren.find((c) => c && c.type !== "comment" && encloses(c, x))?.id;
    const ba = branch(a);
    const bb = branch(b);
    // The condition is no branch; the consequence block and each elif/else clause are.
    return ba !== undefined && bb !== undefined && ba !== bb;
  }
  return false;
}

/** `from m import *` statements at module scope. */
function starImports(root: Node): Node[] {
  return root.descendantsOfType("import_from_statement").filter(
    (s): s is Node => !!s && s.namedChildren.some((c) => c?.type === "wildcard_import") && enclosingScope(s).type === "module",
  );
}

const provided = new WeakMap<ProjectModule, Provides>();

/** What a star-imported module leaves behind after this run (following its own star imports). */
function providedBy(ctx: RuleContext, module: ProjectModule | undefined, spec: string, seen: Set<string>): Provides {
  if (!module) return { unknown: `\`from ${spec} import *\` may already provide storage settings, and it is not a module of this project` };
  const known = provided.get(module);
  if (known) return known;
  if (seen.has(module.filename)) return "none";
  seen.add(module.filename);
  const tree = parse(module.source);
  let answer: Provides;
  try {
    const root = tree.rootNode;
    const facts = new Facts(module.source, root);
    const top = facts.identifiers("STORAGES").some((id) => plainAssignment(id)?.statement.parent?.type === "module");
    const plan = planFor(module.source, root, facts, (inner) => providedBy(ctx, ctx.project?.module(inner, module.filename), inner, seen));
    if (top) answer = "storages";
    else if (facts.identifiers("STORAGES").length > 0) answer = { unknown: `${module.filename} sets STORAGES in a way this rule cannot follow` };
    else if (plan === undefined) {
      answer = "none";
      for (const star of starImports(root)) {
        const inner = star.childForFieldName("module_name")!.text.replace(/\s+/g, "");
        const next = providedBy(ctx, ctx.project?.module(inner, module.filename), inner, seen);
        if (next !== "none") answer = next;
      }
    } else if ("refuse" in plan) answer = { unknown: `the storage settings of ${module.filename} are left alone (${plan.refuse})` };
    else if (plan.groups.some((g) => g.block.type === "module")) answer = "storages";
    else answer = { unknown: `${module.filename} sets storage settings only in some branches` };
  } finally {
    tree.delete();
  }
  provided.set(module, answer);
  return answer;
}

export default defineRule({
  id: "django/settings-storages",
  aliases: ["settings_storages"],
  framework: "django",
  since: "4.2",
  summary: "DEFAULT_FILE_STORAGE / STATICFILES_STORAGE become STORAGES",
  description:
    "Django 4.2 deprecated the `DEFAULT_FILE_STORAGE` and `STATICFILES_STORAGE` settings in favour of the `STORAGES` " +
    "dict; Django 5.1 removed them. In settings files, plain string assignments of either setting become one " +
    "`STORAGES = {...}` assignment per block that assigns them (the module, or an `if`/`else`/`try` block), where " +
    "the first of them stood. A block writes the full dict, with Django's old default backend for a setting it does " +
    "not assign, when nothing before it may have set storage settings; it writes `STORAGES = {**STORAGES, ...}` with " +
    "only its own entries when `STORAGES` surely exists by then: written by an enclosing block, or provided by a " +
    "star-imported base settings module of the project that defines it or whose storage settings this same run " +
    "rewrites. Nothing is changed (a finding says why) when a value is not a plain string, a setting is read or " +
    "assigned in a loop, function or class, twice in one block, `STORAGES` is already mentioned, blocks that may both " +
    "run assign the settings in an order one dict cannot follow, or a star import may provide storage settings that " +
    "cannot be known (a module outside the project, a base whose storage settings are left alone).",
  docs: DOCS,
  needles: SETTINGS.map((s) => s.name),
  files: "settings",
  create(ctx) {
    return {
      module() {
        const plan = planFor(ctx.source, ctx.root, ctx.facts, (spec) => providedBy(ctx, ctx.project?.module(spec), spec, new Set()));
        if (!plan) return;
        if ("refuse" in plan) {
          ctx.report(plan.at, `DEFAULT_FILE_STORAGE / STATICFILES_STORAGE were removed in Django 5.1 but were left alone: ${plan.refuse}; write STORAGES by hand (${DOCS})`);
          return;
        }
        // App code reading the old setting (`settings.DEFAULT_FILE_STORAGE`) would fail once it is gone.
        const reader = readElsewhere(ctx, [...new Set(plan.groups.flatMap((g) => g.items.map((i) => i.name)))]);
        if (reader) {
          const at = plan.groups[0]!.items.find((i) => i.name === reader.name)!.statement;
          ctx.report(at, `DEFAULT_FILE_STORAGE / STATICFILES_STORAGE were removed in Django 5.1 but were left alone: ${reader.where} reads ${reader.name}, which fails once it is gone; change that use (to settings.STORAGES or django.core.files.storage.storages), then write STORAGES (${DOCS})`);
          return;
        }
        const nl = ctx.newline;
        const edits: Edit[] = [];
        for (const group of plan.groups) {
          const [head, ...rest] = group.items;
          const indent = ctx.source.slice(lineStart(ctx.source, head!.statement.startIndex), head!.statement.startIndex);
          const entries = SETTINGS.flatMap((s) => {
            const given = group.items.find((f) => f.key === s.key);
            if (!given && group.spread) return [];
            const value = given?.value.text ?? `"${s.backend}"`;
            return [`${indent}    "${s.key}": {${nl}${indent}        "BACKEND": ${value},${given?.comment ?? ""}${nl}${indent}    },${nl}`];
          });
          const spread = group.spread ? `${indent}    **STORAGES,${nl}` : "";
          edits.push({ start: head!.statement.startIndex, end: head!.end, text: `STORAGES = {${nl}${spread}${entries.join("")}${indent}}` });
          for (const other of rest) edits.push(...removeStatement(ctx.source, other.statement));
        }
        const names = [...new Set(plan.groups.flatMap((g) => g.items.map((i) => i.name)))];
        ctx.fix(`${names.join(" and ")} → STORAGES`, edits);
      },
    };
  },
});
