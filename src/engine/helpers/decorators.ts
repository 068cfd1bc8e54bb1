// Deleting a decorator line without losing what the user wrote on it. A comment ending the line
// (`@python_2_unicode_compatible  # keeps the admin readable`) may explain the class below as much
// as the decorator, so it stays, on its own line at the decorator's indentation. Tool directives
// (`# noqa`, `# type: ignore`, `# pylint: ...`) spoke only about the deleted code: they go.
import type { Edit } from "../edits.js";
import type { Node } from "../parser.js";
import { indentAt, lineEndWithNewline, lineStart } from "../text.js";

const TOOL_DIRECTIVE = /^#\s*(?:noqa\b|type:|pylint:|fmt:|mypy:|pyright:|ruff:|isort:|nosec\b|pragma\b|flake8:)/i;

/** The comment text ending the decorator's last line, if it is one worth keeping. */
function keptTrailingComment(source: string, decorator: Node): string | undefined {
  // tree-sitter puts that comment inside the decorator node: look after its expression.
  const expression = decorator.namedChildren.find((c) => c !== null && c.type !== "comment") ?? decorator;
  const end = lineEndWithNewline(source, expression.endIndex);
  const comment = /#[^\r\n]*/.exec(source.slice(expression.endIndex, end))?.[0]?.trimEnd();
  return comment && !TOOL_DIRECTIVE.test(comment) ? comment : undefined;
}

/**
 * Deletes the lines of a decorator that has its lines to itself (callers check `ownsItsLines`);
 * a trailing comment that is not a tool directive stays where the decorator was.
 */
export function removeDecoratorLines(source: string, decorator: Node): Edit {
  const start = lineStart(source, decorator.startIndex);
  const end = lineEndWithNewline(source, decorator.endIndex);
  const comment = keptTrailingComment(source, decorator);
  if (!comment) return { start, end, text: "" };
  const lineEnd = /(?:\r\n|\r|\n)$/.exec(source.slice(start, end))?.[0] ?? "";
  return { start, end, text: indentAt(source, decorator.startIndex) + comment + lineEnd };
}
