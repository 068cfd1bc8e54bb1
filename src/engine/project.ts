// What the engine may ask about the rest of the project. The engine itself stays one-file and
// I/O-free: the runner hands transform() a ProjectLookup (src/project-view.ts reads files for it),
// and without one every answer is "unknown", which is today's caution.
import type { Node } from "./parser.js";
import { parse } from "./parser.js";
import { bindingScope, classifyIdentifier, enclosingScope } from "./scope.js";

/**
 * What a module binds at its top level: name → the dotted name it stands for when every top-level
 * binding of it imports that same object (`from django.db import models` gives
 * `django.db.models`), or null when it is bound some other way.
 */
export type ModuleNames = ReadonlyMap<string, string | null>;

/**
 * Names a star import binds, or why they cannot be known. `maybe`: names it may or may not bind
 * (Django releases disagree on them); every name outside `names` and `maybe` is not bound.
 */
export type StarNames = { names: ModuleNames; maybe?: ReadonlySet<string> } | { unknown: string };

export interface ProjectModule {
  /** Project-relative path of the module's file. */
  filename: string;
  source: string;
  summary: ModuleSummary;
}

export interface ProjectLookup {
  /** The project module `spec` (`app.models`, `.base`, `..utils`) names when imported from `importer`. */
  module(importer: string, spec: string): ProjectModule | undefined;
  /** What `from spec import *` binds in `importer`, following the module's own star imports. */
  starNames(importer: string, spec: string): StarNames;
  /**
   * Where another module of the project imports `name` from `module` (by name, by a star import
   * when `hasAll` is false, or as `module.name`): "path:line", or undefined when none does.
   */
  importedFrom?(module: string, name: string, hasAll: boolean): string | undefined;
  /**
   * Where another Python file of the project (under `module`'s import root, or found by the run) holds the word `name`
   * other than as a plain assignment target: "path:line", or undefined when none does.
   */
  readElsewhere?(module: string, name: string): string | undefined;
}

export interface ModuleSummary {
  /** Every name bound at module scope (top-level blocks included, not def/class bodies). */
  bound: ModuleNames;
  /** A literal `__all__` list/tuple; "computed" when it is built some other way; undefined when absent. */
  all: readonly string[] | "computed" | undefined;
  /** Modules star-imported at module scope, as written (`.choices`, `app.signals`). */
  stars: readonly string[];
}

/** Parses `source` and summarizes its top level. The caller must have awaited loadParser(). */
export function summarizeModule(source: string): ModuleSummary | undefined {
  const tree = parse(source);
  try {
    // A tree with errors may hide bindings: the module counts as unknown.
    return tree.rootNode.hasError ? undefined : summarizeTree(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/**
 * Every binding at module scope counts, however it is written (assignment, def, class, for, with,
 * except, walrus, match capture, ...): a name missed here would let a star import look harmless.
 */
export function summarizeTree(root: Node): ModuleSummary {
  const bound = new Map<string, string | null>();
  const stars: string[] = [];
  let all: string[] | "computed" | undefined;
  const bind = (name: string, qualified: string | null) => {
    if (!bound.has(name)) bound.set(name, qualified);
    else if (bound.get(name) !== qualified) bound.set(name, null);
  };
  for (const node of root.descendantsOfType(["import_statement", "import_from_statement", "identifier"])) {
    if (!node) continue;
    if (node.type === "identifier") {
      const kind = classifyIdentifier(node);
      if (kind !== "bind" && kind !== "delete") continue;
      if (bindingScope(node, kind).id !== root.id) continue;
      if (node.text === "__all__") {
        let statement: Node | null = node.parent;
        while (statement && statement.type !== "expression_statement") statement = statement.parent;
        all = (statement && statement.parent?.type === "module" && all === undefined && literalAll(statement)) || "computed";
      }
      bind(node.text, null);
      continue;
    }
    if (enclosingScope(node).id !== root.id) continue;
    if (node.type === "import_statement") {
      for (const entry of node.childrenForFieldName("name")) {
        if (!entry) continue;
        if (entry.type === "aliased_import") bind(entry.childForFieldName("alias")!.text, entry.childForFieldName("name")!.text);
        else bind(entry.namedChild(0)!.text, entry.namedChild(0)!.text);
      }
      continue;
    }
    const moduleNode = node.childForFieldName("module_name");
    if (!moduleNode) continue;
    const module = moduleNode.text.replace(/\s+/g, "");
    if (node.namedChildren.some((c) => c?.type === "wildcard_import")) {
      stars.push(module);
      continue;
    }
    for (const entry of node.childrenForFieldName("name")) {
      if (!entry) continue;
      const aliased = entry.type === "aliased_import";
      const nameNode = aliased ? entry.childForFieldName("name")! : entry;
      const local = aliased ? entry.childForFieldName("alias")!.text : entry.namedChild(0)!.text;
      // Relative imports name project modules: what they stand for is not a dotted name we know.
      bind(local, moduleNode.type === "dotted_name" ? `${module}.${nameNode.text}` : null);
    }
  }
  // `__all__ += [...]`, `__all__.extend(...)`: not a literal list any more.
  for (const node of root.descendantsOfType("identifier")) {
    if (node?.text === "__all__" && (node.parent?.type === "augmented_assignment" || node.parent?.type === "attribute")) all = "computed";
  }
  return { bound, all, stars };
}

/** The strings of `__all__ = [...]` / `(...)` when every element is a plain string literal. */
function literalAll(statement: Node): string[] | undefined {
  let value = statement.namedChild(0)?.childForFieldName("right");
  if (!value || statement.namedChild(0)?.type !== "assignment") return undefined;
  while (value.type === "parenthesized_expression" && value.namedChildCount === 1) value = value.namedChild(0)!;
  if (value.type !== "list" && value.type !== "tuple") return undefined;
  const names: string[] = [];
  for (const element of value.namedChildren) {
    if (!element || element.type === "comment") continue;
    if (element.type !== "string" || element.children.some((c) => c?.type === "interpolation")) return undefined;
    names.push(element.children.filter((c) => c?.type === "string_content").map((c) => c!.text).join(""));
  }
  return names;
}

/** Names `from m import *` takes from one module's own summary (before following its star imports). */
export function exportedNames(summary: ModuleSummary): Map<string, string | null> | undefined {
  if (summary.all === "computed") return undefined;
  const out = new Map<string, string | null>();
  if (summary.all) {
    for (const name of summary.all) out.set(name, summary.bound.get(name) ?? null);
    return out;
  }
  for (const [name, qualified] of summary.bound) if (!name.startsWith("_")) out.set(name, qualified);
  return out;
}
