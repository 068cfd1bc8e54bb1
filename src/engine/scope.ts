// Python scoping facts for single identifier nodes: which scope an occurrence belongs to, and
// whether it binds the name or uses it. See ../shared/reference/python-bindings.md; everything
// here errs on the side of "binding", because an extra binding only makes rules skip.
import type { Node } from "./parser.js";

export type OccurrenceKind =
  | "use"
  | "bind" // assignment, def/class name, parameter, loop/with/except/match target, walrus
  | "import" // bound by an import statement
  | "delete"
  | "global"
  | "nonlocal";

const FUNCTIONS = new Set(["function_definition", "lambda"]);
const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);
/** Nodes that only group targets: climbing through them keeps a target a target. */
const TARGET_GROUPS = new Set([
  "pattern_list",
  "tuple_pattern",
  "list_pattern",
  "list_splat_pattern",
  "dictionary_splat_pattern",
  "tuple",
  "list",
  "parenthesized_expression",
  "as_pattern_target",
]);

export function isField(parent: Node, field: string, child: Node): boolean {
  const node = parent.childForFieldName(field);
  return node !== null && node.id === child.id;
}

export function isScopeNode(node: Node): boolean {
  return (
    node.type === "module" ||
    node.type === "class_definition" ||
    node.type === "type_parameter" ||
    FUNCTIONS.has(node.type) ||
    COMPREHENSIONS.has(node.type)
  );
}

/**
 * A `type_parameter` node (PEP 695 `[T]`) stands for the annotation scope that holds the type
 * parameters: it behaves like a function scope wrapped around the generic def or class.
 */
export function scopeKind(scope: Node): "module" | "class" | "function" | "comprehension" {
  if (scope.type === "module") return "module";
  if (scope.type === "class_definition") return "class";
  if (COMPREHENSIONS.has(scope.type)) return "comprehension";
  return "function";
}

/** True for scopes whose code runs as soon as it is reached (class bodies, comprehensions). */
export function runsImmediately(scope: Node): boolean {
  return scope.type === "class_definition" || COMPREHENSIONS.has(scope.type);
}

/**
 * The scope whose namespace an expression at `node` is evaluated in. Decorators, defaults,
 * annotations, base classes and a comprehension's first iterable belong to the enclosing scope
 * (annotations and base classes of a generic def/class see its type parameters).
 */
export function enclosingScope(node: Node): Node {
  let child = node;
  let parent = node.parent;
  let inDefault = false;
  let inAnnotation = false;
  let inFirstIterable: Node | null = null;
  while (parent) {
    const type = parent.type;
    if (type === "default_parameter" || type === "typed_default_parameter") {
      if (isField(parent, "value", child)) inDefault = true;
      if (isField(parent, "type", child)) inAnnotation = true;
    } else if (type === "typed_parameter") {
      if (isField(parent, "type", child)) inAnnotation = true;
    } else if (type === "function_definition" || type === "lambda") {
      if (isField(parent, "body", child)) return parent;
      const typeParameters = parent.childForFieldName("type_parameters");
      if (typeParameters && typeParameters.id === child.id) return child;
      if (isField(parent, "parameters", child) && !inDefault && !inAnnotation) return parent;
      if (typeParameters && !inDefault && (inAnnotation || isField(parent, "return_type", child))) return typeParameters;
      inDefault = inAnnotation = false; // name, return annotation, defaults: enclosing scope
    } else if (type === "class_definition") {
      if (isField(parent, "body", child)) return parent;
      const typeParameters = parent.childForFieldName("type_parameters");
      if (typeParameters && (typeParameters.id === child.id || isField(parent, "superclasses", child))) return typeParameters;
    } else if (COMPREHENSIONS.has(type)) {
      const firstFor = parent.namedChildren.find((c) => c?.type === "for_in_clause");
      if (!(firstFor && inFirstIterable && firstFor.id === inFirstIterable.id)) return parent;
    }
    inFirstIterable = type === "for_in_clause" && isField(parent, "right", child) ? parent : null;
    child = parent;
    parent = parent.parent;
  }
  return child;
}

/** The scope that contains `scope` (undefined for the module). */
export function parentScope(scope: Node): Node | undefined {
  if (scope.type === "module") return undefined;
  // The annotation scope of a generic def/class sits between it and the enclosing scope.
  if (scope.type === "type_parameter") return enclosingScope(scope.parent!);
  const typeParameters = scope.type === "function_definition" || scope.type === "class_definition" ? scope.childForFieldName("type_parameters") : null;
  return typeParameters ?? enclosingScope(scope);
}

/**
 * How an identifier node occurs, or null when it is not a variable name at all (an attribute
 * name after a dot, a keyword-argument name, a module path inside an import).
 */
export function classifyIdentifier(id: Node): OccurrenceKind | null {
  const parent = id.parent;
  if (!parent) return "use";
  switch (parent.type) {
    case "attribute":
      return isField(parent, "attribute", id) ? null : "use";
    case "keyword_argument":
      return isField(parent, "name", id) ? null : "use";
    case "dotted_name":
      return classifyDottedPart(id, parent);
    case "aliased_import":
      return isField(parent, "alias", id) ? "import" : null;
    case "global_statement":
      return "global";
    case "nonlocal_statement":
      return "nonlocal";
    case "keyword_pattern":
      // `case Point(x=...)`: the first identifier names an attribute.
      return parent.namedChild(0)?.id === id.id ? null : "bind";
    case "splat_pattern":
      return "bind";
    case "function_definition":
    case "class_definition":
      return isField(parent, "name", id) ? "bind" : "use";
    case "type":
      // PEP 695 type parameters bind; ordinary annotations use.
      return parent.parent?.type === "type_parameter" ? "bind" : "use";
  }
  let target: Node = id;
  let holder: Node | null = parent;
  while (holder && TARGET_GROUPS.has(holder.type)) {
    target = holder;
    holder = holder.parent;
  }
  if (!holder) return "use";
  switch (holder.type) {
    case "assignment":
    case "augmented_assignment":
    case "for_statement":
    case "for_in_clause":
      return isField(holder, "left", target) ? "bind" : "use";
    case "named_expression":
      return isField(holder, "name", target) ? "bind" : "use";
    case "as_pattern":
      return target.type === "as_pattern_target" || isField(holder, "alias", target) ? "bind" : "use";
    case "delete_statement":
      return target === id || TARGET_GROUPS.has(target.type) ? "delete" : "use";
    case "parameters":
    case "lambda_parameters":
      return "bind";
    case "default_parameter":
    case "typed_default_parameter":
      return isField(holder, "name", target) ? "bind" : "use";
    case "typed_parameter":
      return isField(holder, "type", target) ? "use" : "bind";
    case "case_pattern":
      return "bind";
  }
  return "use";
}

function classifyDottedPart(id: Node, dotted: Node): OccurrenceKind | null {
  const holder = dotted.parent;
  const first = dotted.namedChild(0)?.id === id.id;
  if (!holder) return first ? "use" : null;
  switch (holder.type) {
    case "import_statement":
      // `import a.b` binds `a`.
      return first ? "import" : null;
    case "import_from_statement":
      // The module path binds nothing; an imported name (`from m import x`) binds x.
      return isField(holder, "module_name", dotted) ? null : "import";
    case "aliased_import":
    case "relative_import":
    case "future_import_statement":
      return null;
    case "class_pattern":
      return first ? "use" : null;
    case "case_pattern":
      // A lone name in a pattern captures; `Color.RED` is a value lookup.
      return dotted.namedChildCount === 1 ? "bind" : first ? "use" : null;
    case "keyword_pattern":
      return dotted.namedChildCount === 1 ? "bind" : first ? "use" : null;
  }
  return first ? "use" : null;
}

/**
 * The scope a binding occurrence binds in. Walrus targets inside comprehensions bind in the first
 * enclosing scope that is not a comprehension.
 */
export function bindingScope(id: Node, kind: OccurrenceKind): Node {
  let scope = enclosingScope(id);
  if (kind === "bind" && id.parent?.type === "named_expression") {
    while (COMPREHENSIONS.has(scope.type)) scope = enclosingScope(scope);
  }
  return scope;
}
