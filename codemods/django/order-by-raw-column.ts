// django/order-by-raw-column: Django 3.1 deprecated passing raw column references to
// QuerySet.order_by(), strings with a dot such as "auth_user.username" that Django used to paste into
// the SQL as they were; 4.0 removed it (the string is then read as a field lookup and fails). Which
// field, annotation or RawSQL expression the author meant is theirs to say, so it is pointed at.
//
// What Django checked was the dot: "table.column" (optionally with a leading "-" or "+"). Aliases
// from extra(select={...}) and annotations stay valid in order_by() and are not reported.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";
import { callArgs, callOf } from "../../src/engine/helpers/calls.js";
import { importsDjango } from "../../src/engine/helpers/django-names.js";
import { stringValue } from "../../src/engine/helpers/findings.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";
/** Django's own test for a raw column reference (ORDER_PATTERN and the dot). */
const RAW_COLUMN = /^[-+]?\w+(?:\.\w+)+$/;

/** The string literals among a call's positional arguments that are raw column references. */
function rawColumns(call: Node): Node[] {
  const args = callArgs(call);
  return (args?.positional ?? []).filter((arg) => {
    const value = arg.type === "string" ? stringValue(arg) : undefined;
    return value !== undefined && RAW_COLUMN.test(value);
  });
}

const RAW_LITERAL = /^(["'])[-+]?\w+(?:\.\w+)+\1$/;

/**
 * Cheap text test: some `order_by(` call holds a string literal "word.word" somewhere between its
 * parentheses (nested calls included). Quotes, comments and brackets are followed just enough to
 * find the closing parenthesis; anything unexpected answers true ("maybe"), never false.
 */
function mayHaveRawColumn(text: string): boolean {
  for (const match of text.matchAll(/\border_by\s*\(/g)) {
    let depth = 0;
    let i = match.index + match[0].length - 1;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === "#") {
        while (i < text.length && text[i] !== "\n") i++;
      } else if (c === '"' || c === "'") {
        const triple = text.startsWith(c.repeat(3), i);
        const close = triple ? c.repeat(3) : c;
        let j = i + close.length;
        while (j < text.length && !text.startsWith(close, j)) {
          if (text[j] === "\\") j++;
          else if (!triple && text[j] === "\n") return true;
          j++;
        }
        if (j >= text.length) return true;
        if (RAW_LITERAL.test(text.slice(i, j + 1))) return true;
        i = j + close.length - 1;
      } else if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (--depth === 0) break;
      }
    }
    if (i >= text.length) return true;
  }
  return false;
}

export default defineRule({
  id: "django/order-by-raw-column",
  framework: "django",
  since: "3.1",
  kind: "finding",
  summary: "warns about order_by(\"table.column\"): raw column references (deprecated in Django 3.1, removed in 4.0)",
  description:
    "Django 3.1 deprecated passing raw column references, strings with a dot such as `\"auth_user.username\"`, to " +
    "`QuerySet.order_by()`; from Django 4.0 they are read as field lookups and fail. `.order_by(...)` calls in files that " +
    "import from Django are reported when a positional argument is such a string literal: order by the field path " +
    "(`\"user__username\"`), an annotation, or `RawSQL(\"auth_user.username\", ())`. Aliases from `extra(select=...)` and " +
    "annotations remain valid and are not reported.",
  docs: DOCS,
  needles: ["order_by"],
  precheck: mayHaveRawColumn,
  create(ctx) {
    return {
      module() {
        // Evidence that order_by() is a QuerySet's: the file imports from Django.
        if (!importsDjango(ctx.facts)) return;
        for (const id of ctx.facts.identifiers("order_by")) {
          const attribute = id.parent;
          if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
          const call = callOf(attribute);
          if (!call) continue;
          for (const arg of rawColumns(call)) {
            ctx.report(arg, `order_by() with a raw column reference (${arg.text}) is deprecated since Django 3.1 and fails from 4.0: order by the field path ("relation__field"), an annotation, or RawSQL(${arg.text}, ()); see ${DOCS}`);
          }
        }
      },
    };
  },
});
