// Questions about class definitions: does a class derive from one of some framework classes
// (resolved through the imports, and through classes of the same file that do), and which methods
// does its body define.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";

/** The class_definition a `def` is written directly in (decorated or not), or undefined. */
export function enclosingClass(fn: Node): Node | undefined {
  const statement = fn.parent?.type === "decorated_definition" ? fn.parent : fn;
  const block = statement.parent;
  return block?.type === "block" && block.parent?.type === "class_definition" ? block.parent : undefined;
}

/** The top-level class of this file that `name` means at `site`, when exactly one binds it. */
function localClass(facts: Facts, name: Node): Node | undefined {
  const resolution = facts.resolveName(name.text, name);
  if (resolution.scope?.type !== "module" || resolution.uncertain || resolution.bindings.length !== 1) return undefined;
  const binding = resolution.bindings[0]!;
  if (binding.star) return undefined;
  const cls = binding.node.parent;
  if (cls?.type !== "class_definition" || cls.childForFieldName("name")?.id !== binding.node.id) return undefined;
  return cls.parent?.type === "module" ? cls : undefined;
}

/**
 * True when the class has a base that resolves to one of `qualified` (`django.contrib.admin.TabularInline`),
 * directly or through classes defined at the top level of the same file. `matches` may widen the
 * test (e.g. every `django.db.models.*Field`).
 */
export function derivesFrom(facts: Facts, cls: Node, matches: (qualified: string) => boolean, depth = 0): boolean {
  if (depth > 8) return false;
  const bases = cls.childForFieldName("superclasses");
  if (!bases) return false;
  for (const base of bases.namedChildren) {
    if (!base || (base.type !== "identifier" && base.type !== "attribute")) continue;
    const qualified = facts.qualifiedName(base);
    if (qualified !== undefined && matches(qualified)) return true;
    if (base.type === "identifier") {
      const local = localClass(facts, base);
      if (local && local.id !== cls.id && derivesFrom(facts, local, matches, depth + 1)) return true;
    }
  }
  return false;
}

/** The methods (`def` statements directly in the class body, decorated or not) by name. */
export function classMethods(cls: Node): Map<string, Node[]> {
  const methods = new Map<string, Node[]>();
  const body = cls.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    const fn = statement?.type === "decorated_definition" ? statement.childForFieldName("definition") : statement;
    if (fn?.type !== "function_definition") continue;
    const name = fn.childForFieldName("name")!.text;
    methods.set(name, [...(methods.get(name) ?? []), fn]);
  }
  return methods;
}

/** Plain parameter names of a function, in order; undefined when any is not a plain name (defaults, *args, annotations...). */
export function plainParameters(fn: Node): Node[] | undefined {
  const params = fn.childForFieldName("parameters");
  if (!params) return undefined;
  const out: Node[] = [];
  for (const p of params.namedChildren) {
    if (!p || p.type === "comment") continue;
    if (p.type !== "identifier") return undefined;
    out.push(p);
  }
  return out;
}

/**
 * True when every base of the class is one of the framework classes `matches` accepts, or a
 * top-level class of this file that does not define `method` and passes the same test: then
 * `super().method(...)` (and `self.method(...)` when the class itself does not define it) reaches
 * the framework's own method, with the framework's signature.
 */
export function reachesFrameworkMethod(facts: Facts, cls: Node, matches: (qualified: string) => boolean, method: string, depth = 0): boolean {
  if (depth > 8) return false;
  const bases = cls.childForFieldName("superclasses");
  const list = (bases?.namedChildren ?? []).filter((b): b is Node => b !== null && b.type !== "comment");
  if (list.length === 0) return false;
  return list.every((base) => {
    if (base.type !== "identifier" && base.type !== "attribute") return false;
    const qualified = facts.qualifiedName(base);
    if (qualified !== undefined) return matches(qualified);
    if (base.type !== "identifier") return false;
    const local = localClass(facts, base);
    return local !== undefined && local.id !== cls.id && !classMethods(local).has(method) && reachesFrameworkMethod(facts, local, matches, method, depth + 1);
  });
}

/**
 * True when the class, or a class of this file it derives from, defines one of `names` itself:
 * then `self.name(...)` may be the project's own method, with its own signature.
 */
export function definesInHierarchy(facts: Facts, cls: Node, names: readonly string[], depth = 0): boolean {
  if (depth > 8) return true;
  const methods = classMethods(cls);
  if (names.some((n) => methods.has(n))) return true;
  const bases = cls.childForFieldName("superclasses");
  for (const base of bases?.namedChildren ?? []) {
    if (base?.type !== "identifier") continue;
    const local = localClass(facts, base);
    if (local) {
      if (local.id !== cls.id && definesInHierarchy(facts, local, names, depth + 1)) return true;
      continue;
    }
    // Bound in this file, but not to an import or a top-level class (a class defined under `if`,
    // in a function...): what it defines is not known, so it may.
    if (facts.qualifiedName(base) === undefined && facts.resolveName(base.text, base).scope !== null) return true;
  }
  return false;
}
