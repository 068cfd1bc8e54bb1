// Where an expression stands, for rules that replace it with an expression of another shape: does
// the replacement need parentheses, and is the value only tested for truth.
import type { Node } from "../parser.js";

/**
 * Parents under which any expression can stand without parentheses: statements, argument and
 * collection items, the operands of `and`/`or`/`not` and of a conditional expression. A
 * replacement that is a comparison, a `not`, or a conditional expression is safe there except
 * inside `and`/`or`/`not` for the conditional expression (see `needsParentheses`).
 */
const LOOSE_PARENTS = new Set([
  "expression_statement", "return_statement", "assignment", "augmented_assignment", "argument_list",
  "keyword_argument", "parenthesized_expression", "list", "tuple", "set", "pair", "if_statement", "elif_clause",
  "while_statement", "assert_statement", "subscript", "slice", "expression_list", "yield", "lambda",
]);

/**
 * True when `replacement`, put where `node` stands, must be wrapped in parentheses to keep meaning
 * the same. `kind` is the precedence class of the replacement: a plain primary (a call, a name, an
 * attribute: never), a comparison or `not` expression, or a conditional (`a if c else b`).
 */
export function needsParentheses(node: Node, kind: "primary" | "comparison" | "not" | "conditional"): boolean {
  if (kind === "primary") return false;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "subscript" && parent.childForFieldName("value")?.id === node.id) return true;
  if (LOOSE_PARENTS.has(parent.type)) return false;
  if (parent.type === "boolean_operator" || parent.type === "not_operator") return kind === "conditional";
  if (parent.type === "conditional_expression") return kind === "conditional";
  return true;
}

/**
 * True when only the truth of the expression's value matters: it is the condition of an
 * `if`/`elif`/`while`/`assert` or of a conditional expression, the operand of `not`, or an operand
 * of `and`/`or` that is itself in such a place.
 */
export function isTruthTest(node: Node): boolean {
  let current = node;
  while (current.parent?.type === "parenthesized_expression") current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  switch (parent.type) {
    case "if_statement":
    case "elif_clause":
    case "while_statement":
      return parent.childForFieldName("condition")?.id === current.id;
    case "assert_statement":
      return parent.namedChildren[0]?.id === current.id;
    case "not_operator":
      return true;
    case "conditional_expression":
      // `a if COND else b`: the condition is the second named child.
      return parent.namedChildren[1]?.id === current.id;
    case "boolean_operator":
      return isTruthTest(parent);
    default:
      return false;
  }
}
