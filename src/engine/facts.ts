// Module facts: what every imported name stands for, and which identifier occurrences really
// refer to that import. Built lazily: imports are collected with one descendantsOfType call,
// and a name's occurrences are found by searching the text for the word, so a rule that asks
// about `force_text` costs time proportional to the places `force_text` is written.
import type { Node } from "./parser.js";
import type { StarNames } from "./project.js";
import { djangoStarNames } from "./star-exports.js";
import {
  bindingScope,
  classifyIdentifier,
  enclosingScope,
  isScopeNode,
  parentScope,
  runsImmediately,
  scopeKind,
  type OccurrenceKind,
} from "./scope.js";

export interface ImportBinding {
  /** The local name the statement binds. */
  name: string;
  /** Fully qualified name of what the local name stands for (`django.utils.encoding.force_text`). */
  qualified: string;
  /** `from` imports: the module (`django.utils.encoding`); plain imports: the dotted module. */
  module: string;
  /** `from` imports: the imported name; plain imports: null. */
  imported: string | null;
  alias: string | null;
  kind: "from" | "import";
  /** The import statement. */
  statement: Node;
  /** The `dotted_name` or `aliased_import` entry inside the statement. */
  entry: Node;
  /** The identifier node that binds `name`. */
  local: Node;
  scope: Node;
}

export interface Occurrence {
  node: Node;
  kind: OccurrenceKind;
  /** Scope whose namespace the occurrence reads or binds. */
  scope: Node;
  /** A `from m import *` statement, which may bind any name. */
  star?: boolean;
  /** For a star import: the dotted name it stands for when it binds the name at all, when known. */
  starQualified?: string;
  /** For a star import: true when it is known to bind the name (false: it may). */
  starBinds?: boolean;
}

/** A `from m import *` statement and the scope it pours names into. */
interface StarImport {
  scope: Node;
  start: number;
  statement: Node;
  /** The module as written: `.choices`, `django.conf.urls`. */
  spec: string;
}

/** Answers what a star import binds; without one every star import may bind anything. */
export type StarResolver = (spec: string) => StarNames;

export interface Resolution {
  /** The scope the name resolves in, or null when nothing in the file binds it. */
  scope: Node | null;
  bindings: Occurrence[];
  /** True when Python's order of execution makes the target uncertain (use before binding). */
  uncertain: boolean;
  /** True when the use runs in order with the statements of the resolved scope (not deferred in a function). */
  immediate: boolean;
}

export interface References {
  /** Uses (identifier nodes) that refer to the binding. */
  refs: Node[];
  /** False when some occurrence makes it unsafe to rename the binding and its uses. */
  clean: boolean;
  reason?: string;
}

interface NameTable {
  occurrences: Occurrence[];
  bindings: Map<number, Occurrence[]>;
  declarations: Map<number, "global" | "nonlocal">;
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_]/u;

export class Facts {
  private importList?: ImportBinding[];
  private starScopes?: StarImport[];
  private starCache = new Map<string, StarNames>();
  private tables = new Map<string, NameTable>();
  private importsByLocal = new Map<number, ImportBinding>();
  private exports?: { names: Set<string>; opaque: boolean; declared: boolean };

  constructor(
    readonly source: string,
    readonly root: Node,
    private readonly starResolver?: StarResolver,
    /** Where another project module imports a name from this one (see ProjectLookup.importedFrom). */
    private readonly importedElsewhere?: (name: string, hasAll: boolean) => string | undefined,
  ) {}

  /** Every name bound by an import statement, anywhere in the file, in source order. */
  get imports(): ImportBinding[] {
    if (!this.importList) this.collectImports();
    return this.importList!;
  }

  /** `from m import *` statements with the scope they pour names into. */
  private get stars(): StarImport[] {
    if (!this.starScopes) this.collectImports();
    return this.starScopes!;
  }

  /**
   * Import statements at any depth, in source order. Every one spells the keyword `import`, so
   * searching the text for the word and asking the tree what stands there is far cheaper than
   * walking the whole tree (which the profile showed as a tenth of all rule time).
   */
  private importStatements(): Node[] {
    const found: Node[] = [];
    for (const keyword of this.wordNodes("import")) {
      const statement = keyword.parent;
      if (keyword.type === "import" && (statement?.type === "import_statement" || statement?.type === "import_from_statement")) {
        found.push(statement);
      }
    }
    return found;
  }

  private collectImports(): void {
    const list: ImportBinding[] = [];
    const stars: StarImport[] = [];
    for (const statement of this.importStatements()) {
      const scope = enclosingScope(statement);
      if (statement.type === "import_statement") {
        for (const entry of statement.childrenForFieldName("name")) {
          if (!entry) continue;
          if (entry.type === "aliased_import") {
            const dotted = entry.childForFieldName("name")!;
            const alias = entry.childForFieldName("alias")!;
            list.push({
              name: alias.text, qualified: dotted.text, module: dotted.text, imported: null,
              alias: alias.text, kind: "import", statement, entry, local: alias, scope,
            });
          } else {
            const first = entry.namedChild(0)!;
            // `import a.b.c` binds `a`, which stands for the package `a`.
            list.push({
              name: first.text, qualified: first.text, module: entry.text, imported: null,
              alias: null, kind: "import", statement, entry, local: first, scope,
            });
          }
        }
        continue;
      }
      const moduleNode = statement.childForFieldName("module_name");
      if (!moduleNode) continue;
      if (statement.namedChildren.some((c) => c?.type === "wildcard_import")) {
        stars.push({ scope, start: statement.startIndex, statement, spec: moduleNode.text.replace(/\s+/g, "") });
        continue;
      }
      // Relative imports name the project's own modules: never treated as framework names.
      if (moduleNode.type !== "dotted_name") continue;
      const module = moduleNode.text.replace(/\s+/g, "");
      for (const entry of statement.childrenForFieldName("name")) {
        if (!entry) continue;
        const aliased = entry.type === "aliased_import";
        const nameNode = aliased ? entry.childForFieldName("name")! : entry;
        const local = aliased ? entry.childForFieldName("alias")! : entry.namedChild(0)!;
        list.push({
          name: local.text, qualified: `${module}.${nameNode.text}`, module, imported: nameNode.text,
          alias: aliased ? local.text : null, kind: "from", statement, entry, local, scope,
        });
      }
    }
    this.importList = list;
    this.starScopes = stars;
    for (const b of list) this.importsByLocal.set(b.local.id, b);
  }

  /**
   * True when other modules may import `name` from this one, so renaming or dropping a module-level
   * binding of it would break them (see exportedWhy).
   */
  isExported(name: string): boolean {
    return this.exportedWhy(name) !== undefined;
  }

  /**
   * Why other modules may import `name` from this one, or undefined: `__all__` lists it (a string
   * literal in a module-scope statement that mentions `__all__`), `__all__` is computed from other
   * values, or a module of the project imports it from here (by name, by a star import, or as an
   * attribute of this module), when the project is known.
   */
  exportedWhy(name: string): string | undefined {
    const exports = this.allNames();
    if (exports.opaque) return "this module builds __all__ at run time";
    if (exports.names.has(name)) return "it is listed in __all__";
    const importer = this.importedElsewhere?.(name, exports.declared);
    return importer === undefined ? undefined : `${importer} imports it from this module`;
  }

  private allNames(): { names: Set<string>; opaque: boolean; declared: boolean } {
    if (!this.exports) {
      const names = new Set<string>();
      let opaque = false;
      let declared = false;
      for (const id of this.identifiers("__all__")) {
        let statement: Node | null = id.parent;
        while (statement && statement.type !== "expression_statement" && !isScopeNode(statement)) statement = statement.parent;
        // Module scope includes top-level if/try/with blocks.
        if (statement?.type !== "expression_statement" || enclosingScope(statement).type !== "module") continue;
        declared = true;
        for (const string of statement.descendantsOfType("string")) {
          if (!string || string.children.some((c) => c?.type === "interpolation")) continue;
          names.add(string.children.filter((c) => c?.type === "string_content").map((c) => c!.text).join(""));
        }
        for (const other of statement.descendantsOfType("identifier")) {
          if (!other || other.text === "__all__") continue;
          const isMethod = other.parent?.type === "attribute" && ["extend", "append"].includes(other.text);
          if (!isMethod) opaque = true;
        }
      }
      this.exports = { names, opaque, declared };
    }
    return this.exports;
  }

  importForLocal(node: Node): ImportBinding | undefined {
    if (!this.importList) this.collectImports();
    return this.importsByLocal.get(node.id);
  }

  /** The smallest nodes spanning each place the whole word `word` is written, in source order. */
  private wordNodes(word: string): Node[] {
    const found: Node[] = [];
    const text = this.source;
    let from = 0;
    for (;;) {
      const at = text.indexOf(word, from);
      if (at < 0) break;
      from = at + word.length;
      if (at > 0 && IDENTIFIER_CHAR.test(text[at - 1]!)) continue;
      if (from < text.length && IDENTIFIER_CHAR.test(text[from]!)) continue;
      const node = this.root.descendantForIndex(at, from);
      if (node && node.startIndex === at && node.endIndex === from) found.push(node);
    }
    return found;
  }

  /** Identifier nodes spelled `name`, wherever the word stands in code (not strings or comments). */
  identifiers(name: string): Node[] {
    return this.wordNodes(name).filter((node) => node.type === "identifier");
  }

  /** All occurrences of `name` as a variable, classified and placed in scopes. */
  table(name: string): NameTable {
    let table = this.tables.get(name);
    if (table) return table;
    const occurrences: Occurrence[] = [];
    const declarations = new Map<number, "global" | "nonlocal">();
    for (const node of this.identifiers(name)) {
      const kind = classifyIdentifier(node);
      if (kind === null) continue;
      const scope = kind === "use" ? enclosingScope(node) : bindingScope(node, kind);
      occurrences.push({ node, kind, scope });
      if (kind === "global" || kind === "nonlocal") declarations.set(scope.id, kind);
    }
    const bindings = new Map<number, Occurrence[]>();
    for (const occurrence of occurrences) {
      if (occurrence.kind === "use" || occurrence.kind === "global" || occurrence.kind === "nonlocal") continue;
      let scope = occurrence.scope;
      const declared = declarations.get(scope.id);
      if (declared === "global") scope = this.root;
      else if (declared === "nonlocal") scope = parentScope(scope) ?? this.root;
      const list = bindings.get(scope.id) ?? [];
      list.push({ ...occurrence, scope });
      bindings.set(scope.id, list);
    }
    // A star import binds the names its module exports, at the place it stands; one that cannot
    // be resolved may bind any name.
    for (const star of this.stars) {
      const binds = this.starBinds(star, name);
      if (binds === false) continue;
      const list = bindings.get(star.scope.id) ?? [];
      list.push({
        node: this.root.descendantForIndex(star.start)!, kind: "import", scope: star.scope, star: true,
        starBinds: binds !== "maybe", starQualified: binds === "maybe" ? this.djangoMaybe(star, name) : typeof binds === "string" ? binds : undefined,
      });
      bindings.set(star.scope.id, list);
    }
    for (const list of bindings.values()) list.sort((a, b) => a.node.startIndex - b.node.startIndex);
    table = { occurrences, bindings, declarations };
    this.tables.set(name, table);
    return table;
  }

  /** What the star import's module exports, resolved once per module spec. */
  private starNames(spec: string): StarNames {
    let names = this.starCache.get(spec);
    if (!names) {
      names = djangoStarNames(spec) ?? this.starResolver?.(spec) ?? { unknown: "the project's modules are not known here" };
      this.starCache.set(spec, names);
    }
    return names;
  }

  /**
   * Whether a star import binds `name`: false (it does not), "maybe" (cannot be known), a dotted
   * name (it binds an import of that), or true (it binds something else).
   */
  private starBinds(star: StarImport, name: string): boolean | "maybe" | string {
    const names = this.starNames(star.spec);
    if ("unknown" in names) return "maybe";
    if (names.maybe?.has(name)) return "maybe";
    if (!names.names.has(name)) return false;
    return names.names.get(name) ?? true;
  }

  /**
   * For a Django module the releases disagree on: if its star import binds `name` at all, it is
   * that module's own `name` (what an explicit import of it from there would be).
   */
  private djangoMaybe(star: StarImport, name: string): string | undefined {
    const names = djangoStarNames(star.spec);
    return names && "names" in names && names.maybe?.has(name) ? `${star.spec}.${name}` : undefined;
  }

  /** Why a star import stands in the way of `name`, naming the import. */
  starReason(occurrence: Occurrence, name: string): string {
    const statement = occurrence.node.type === "import_from_statement" ? occurrence.node : occurrence.node.parent;
    const text = (statement?.type === "import_from_statement" ? statement.text : "a star import").replace(/\s+/g, " ");
    const line = this.source.slice(0, occurrence.node.startIndex).split("\n").length;
    return occurrence.starBinds
      ? `\`${text}\` (line ${line}) rebinds \`${name}\``
      : `\`${text}\` (line ${line}) may rebind \`${name}\` (${this.starUnknownReason(statement, name)})`;
  }

  private starUnknownReason(statement: Node | null, name: string): string {
    const spec = statement?.childForFieldName("module_name")?.text.replace(/\s+/g, "");
    const names = spec ? this.starNames(spec) : undefined;
    if (names && "unknown" in names) return names.unknown;
    if (names?.maybe?.has(name)) return `Django releases differ on whether a star import of ${spec} binds \`${name}\``;
    return "its names are not known";
  }

  /** The dotted name a binding occurrence stands for: an import's, or a star import's when known. */
  private qualifiedOf(occurrence: Occurrence): string | undefined {
    if (occurrence.star) return occurrence.starQualified;
    return this.importForLocal(occurrence.node)?.qualified;
  }

  /**
   * For a use that runs in order with the statements of the scope its name resolves in (module
   * level, class bodies): the binding it reads, when the order of execution makes it certain (the
   * last binding before it stands in a block that encloses the use, and no later binding can be
   * reached again by a loop). undefined when uncertain.
   */
  bindingInOrder(use: Node, bindings: readonly Occurrence[]): Occurrence | undefined {
    let last: Occurrence | undefined;
    for (const binding of bindings) {
      // Bound from a function through `global`, or read as well (`x += 1`): no order to rely on.
      if (!binding.star && (enclosingScope(binding.node).id !== binding.scope.id || binding.node.parent?.type === "augmented_assignment")) return undefined;
      const statement = statementOf(binding.node);
      if (statement.startIndex <= use.startIndex && use.endIndex <= statement.endIndex) return undefined; // `x = f(x)`, loops
      if (statement.endIndex <= use.startIndex) last = binding;
      else if (sharesLoop(use, statement)) return undefined;
    }
    if (!last || !CERTAIN_BINDERS.has(statementOf(last.node).type)) return undefined;
    const block = statementOf(last.node).parent;
    if (!block || block.startIndex > use.startIndex || use.endIndex > block.endIndex) return undefined;
    return last;
  }

  /** Where a use of `name` at `at` would resolve, following Python's LEGB rule. */
  resolveName(name: string, at: Node, fromScope: Node = enclosingScope(at)): Resolution {
    const table = this.table(name);
    let scope: Node | undefined = fromScope;
    let first = true;
    // Class bodies and comprehensions run as soon as they are reached, so a use inside them
    // executes in order with the statements of the scope it resolves in.
    let immediate = true;
    while (scope) {
      const kind = scopeKind(scope);
      // Class bodies are visible only to code written directly in them.
      if (kind !== "class" || first) {
        const declared = table.declarations.get(scope.id);
        if (declared === "global") return this.resolutionIn(this.root, table, at, false);
        if (declared !== "nonlocal") {
          const bindings = table.bindings.get(scope.id);
          if (bindings && bindings.length > 0) return this.resolutionIn(scope, table, at, immediate);
        }
      }
      if (!runsImmediately(scope)) immediate = false;
      first = false;
      scope = parentScope(scope);
    }
    return { scope: null, bindings: [], uncertain: false, immediate: false };
  }

  private resolutionIn(scope: Node, table: NameTable, at: Node, immediate: boolean): Resolution {
    const bindings = table.bindings.get(scope.id) ?? [];
    // Module and class bodies run top to bottom: a use that runs before the first binding reads
    // something else (an outer name, a builtin, or nothing), so which binding it means is unclear.
    const kind = scopeKind(scope);
    const uncertain =
      immediate && (kind === "module" || kind === "class") && bindings.length > 0 && at.startIndex < bindings[0]!.node.startIndex;
    return { scope, bindings, uncertain, immediate };
  }

  /** The import a use refers to, when exactly one import (or identical ones) binds it there. */
  importOf(node: Node): ImportBinding | undefined {
    if (node.type !== "identifier" || classifyIdentifier(node) !== "use") return undefined;
    const resolution = this.resolveName(node.text, node);
    if (resolution.scope === null || resolution.uncertain) return undefined;
    const imported = this.soleImport(resolution.bindings);
    if (!imported && this.runsInOrder(resolution) && resolution.bindings.length > 1) {
      // Import-time order: module-level code and class bodies read the binding made before them.
      const read = this.bindingInOrder(node, resolution.bindings);
      return read && !read.star ? this.importForLocal(read.node) : undefined;
    }
    // Runs before the import statement does: that use reads something else.
    if (imported && resolution.immediate && node.startIndex < imported.statement.startIndex) return undefined;
    return imported;
  }

  /** True when a use resolved this way runs in order with the module or class body it reads. */
  private runsInOrder(resolution: Resolution): boolean {
    if (!resolution.immediate || !resolution.scope) return false;
    const kind = scopeKind(resolution.scope);
    return kind === "module" || kind === "class";
  }

  private soleImport(bindings: Occurrence[]): ImportBinding | undefined {
    let found: ImportBinding | undefined;
    for (const binding of bindings) {
      if (binding.star && found === undefined) continue;
      if (binding.star) {
        if (binding.starQualified !== found!.qualified) return undefined;
        continue;
      }
      const imported = this.importForLocal(binding.node);
      if (!imported) return undefined;
      if (found && found.qualified !== imported.qualified) return undefined;
      found ??= imported;
    }
    return found;
  }

  /**
   * The dotted name an expression stands for, when it is an imported name or an attribute chain
   * on one: `enc.force_text` after `from django.utils import encoding as enc` gives
   * `django.utils.encoding.force_text`.
   */
  qualifiedName(node: Node): string | undefined {
    if (node.type === "identifier") return this.importOf(node)?.qualified;
    if (node.type === "attribute") {
      const object = node.childForFieldName("object");
      const attribute = node.childForFieldName("attribute");
      if (!object || !attribute) return undefined;
      const base = this.qualifiedName(object);
      return base === undefined ? undefined : `${base}.${attribute.text}`;
    }
    return undefined;
  }

  /** Uses of an import binding, and whether renaming the binding together with them is safe. */
  references(binding: ImportBinding): References {
    const table = this.table(binding.name);
    const group = table.bindings.get(binding.scope.id) ?? [];
    // Other bindings of the name in this scope that may mean something else.
    let other: Occurrence | undefined;
    for (const occurrence of group) {
      // A star import before ours is overridden by ours.
      if (occurrence.star && occurrence.node.startIndex < binding.statement.startIndex) continue;
      if (this.qualifiedOf(occurrence) === binding.qualified) continue;
      other ??= occurrence;
    }
    // Bound from a function (`global`) or read as well (`x += 1`): no import-time order to rely on.
    const unordered = (o: Occurrence) => !o.star && (enclosingScope(o.node).id !== binding.scope.id || o.node.parent?.type === "augmented_assignment");
    if (other && group.some(unordered)) return { refs: [], clean: false, reason: this.conflictReason(other, binding.name) };
    const refs: Node[] = [];
    for (const occurrence of table.occurrences) {
      if (occurrence.kind !== "use") continue;
      const resolution = this.resolveName(binding.name, occurrence.node, occurrence.scope);
      if (resolution.scope?.id !== binding.scope.id) continue;
      if (resolution.uncertain || (resolution.immediate && occurrence.node.startIndex < binding.statement.startIndex)) {
        return { refs: [], clean: false, reason: `\`${binding.name}\` is used before it is imported` };
      }
      if (other) {
        // Import-time order: code at module level or in a class body reads the binding made
        // before it; a function body, run later, may read the other one.
        const read = this.runsInOrder(resolution) ? this.bindingInOrder(occurrence.node, group) : undefined;
        if (!read) return { refs: [], clean: false, reason: this.conflictReason(other, binding.name) };
        if (read.node.id === binding.local.id || (!read.star && this.qualifiedOf(read) === binding.qualified)) {
          refs.push(occurrence.node);
          continue;
        }
        // Reads another binding: left as it is, unless that is a star import that may not bind
        // the name at all (renaming the import would then leave the use dangling).
        if (read.star && !read.starBinds) return { refs: [], clean: false, reason: this.conflictReason(read, binding.name) };
        continue;
      }
      refs.push(occurrence.node);
    }
    return { refs, clean: true };
  }

  private conflictReason(other: Occurrence, name: string): string {
    return other.star ? this.starReason(other, name) : `\`${name}\` is bound more than once in its scope`;
  }

  /** True when `site` runs in import-time order before `binding`'s statement. */
  private readsBefore(name: string, site: Node, binding: Occurrence): boolean {
    const resolution = this.resolveName(name, site);
    if (resolution.scope !== null && resolution.scope.id !== binding.scope.id) return false;
    const scope = enclosingScope(site);
    const inOrder = resolution.scope ? this.runsInOrder(resolution) : scopeKind(scope) === "module" || scopeKind(scope) === "class";
    return inOrder && site.endIndex <= binding.node.startIndex && !sharesLoop(site, statementOf(binding.node));
  }

  /**
   * Whether `name` may be introduced into `scope` and used at each of `sites` without capturing or
   * shadowing something else: every site must resolve to nothing or to an import of `qualified`.
   */
  nameIsFree(name: string, scope: Node, sites: Node[], qualified: string, insertAt: number): boolean {
    const table = this.table(name);
    const inScope = table.bindings.get(scope.id) ?? [];
    for (const binding of inScope) {
      if (binding.star && binding.node.startIndex < insertAt) continue;
      if (this.qualifiedOf(binding) === qualified) continue;
      // A later star import that may bind the name: fine when every new use runs before it.
      if (binding.star && binding.node.startIndex >= insertAt && sites.every((site) => this.readsBefore(name, site, binding))) continue;
      return false;
    }
    for (const site of sites) {
      const resolution = this.resolveName(name, site);
      if (resolution.scope === null) continue;
      if (resolution.scope.id !== scope.id) return false;
    }
    // Existing uses of the name that currently resolve to nothing would start resolving to the
    // new import: only acceptable if they already meant that very thing (they can't), so refuse.
    for (const occurrence of table.occurrences) {
      if (occurrence.kind !== "use") continue;
      const resolution = this.resolveName(name, occurrence.node, occurrence.scope);
      if (resolution.scope === null) return false;
    }
    return true;
  }
}

const BLOCKS = new Set(["module", "block"]);
/** Statements that always bind the names they bind once they have run (unlike for, with, try, del). */
const CERTAIN_BINDERS = new Set(["expression_statement", "import_statement", "import_from_statement", "function_definition", "class_definition", "decorated_definition"]);

/** The statement a node belongs to: its ancestor that sits directly in a block or the module. */
export function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !BLOCKS.has(current.parent.type)) current = current.parent;
  return current;
}

/** True when a `for`/`while` loop encloses both `use` and `statement` (it may run again after it). */
function sharesLoop(use: Node, statement: Node): boolean {
  for (let node = use.parent; node; node = node.parent) {
    if (isScopeNode(node)) return false;
    if ((node.type === "for_statement" || node.type === "while_statement") && node.startIndex <= statement.startIndex && statement.endIndex <= node.endIndex) return true;
  }
  return false;
}
