// django/format-html: Django 5.0 deprecated calling format_html() without arguments, and passing it
// an already formatted string defeats its escaping. `format_html("<b>{}</b>".format(x))` becomes
// `format_html("<b>{}</b>", x)`, so the values are escaped.
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const QUALIFIED = ["django.utils.html.format_html"];

/**
 * True when every replacement field of the template is plain (`{}`, `{0}`, `{name}`): format_html
 * escapes each value to a string first, so attribute/index lookups, conversions and format specs
 * (`{0.name}`, `{!r}`, `{:.2f}`) would behave differently after the rewrite.
 */
function plainFields(template: string): boolean {
  const field = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
  for (let m = field.exec(template); m; m = field.exec(template)) {
    if (m[0] === "{{" || m[0] === "}}") continue;
    if (m[1] === undefined || !/^\w*$/.test(m[1])) return false;
  }
  return true;
}

/** A plain string literal (no f-string, bytes, concatenation or escape sequences that hide braces). */
function templateOf(node: Node): string | undefined {
  if (node.type !== "string") return undefined;
  const start = node.children[0];
  if (!start || start.type !== "string_start" || /[fFbBtT]/.test(start.text)) return undefined;
  const inner = node.children.slice(1, -1);
  if (inner.some((c) => !c || (c.type !== "string_content" && c.type !== "escape_sequence"))) return undefined;
  const text = inner.map((c) => c!.text).join("");
  // `\N{...}` and `\x7b` escapes could hide braces: refuse them.
  if (/\\(?:N|x|u|U|[0-7])/.test(text)) return undefined;
  return text;
}

export default defineRule({
  id: "django/format-html",
  aliases: ["format_html"],
  framework: "django",
  since: "5.0",
  summary: "format_html(\"...\".format(a)) becomes format_html(\"...\", a)",
  description:
    "Django 5.0 deprecated calling `format_html()` without arguments. A call whose only argument is " +
    "`\"<template>\".format(...)` formats before escaping, so the values are not escaped at all; the rule moves the " +
    "`.format()` arguments into the `format_html()` call (`format_html(\"<b>{}</b>\".format(title))` becomes " +
    "`format_html(\"<b>{}</b>\", title)`), which escapes them. Only `format_html` imported from `django.utils.html` " +
    "(directly, aliased or through the module) is rewritten, and only when the template is a plain string literal " +
    "whose fields are plain (`{}`, `{0}`, `{name}`): format specs, conversions and attribute or index lookups would " +
    "act on the escaped string instead of the value, so such calls are reported instead.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  needles: ["format_html"],
  precheck: (text) => text.includes(".format("),
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, QUALIFIED)) {
          const args = callArgs(call);
          if (!args || args.args.length !== 1 || args.positional.length !== 1 || args.comments.length > 0) continue;
          const inner = args.positional[0]!;
          if (inner.type !== "call") continue;
          const method = inner.childForFieldName("function");
          if (method?.type !== "attribute" || method.childForFieldName("attribute")?.text !== "format") continue;
          const template = method.childForFieldName("object")!;
          const text = templateOf(template);
          if (text === undefined) continue;
          const formatArgs = callArgs(inner);
          if (!formatArgs || formatArgs.args.length === 0) continue;
          if (!plainFields(text)) {
            ctx.report(call, "format_html() should receive the values to escape, but this template uses format specs, conversions or lookups that would then apply to escaped strings; rewrite it by hand");
            continue;
          }
          const list = formatArgs.list;
          const open = list.child(0)!;
          const close = list.child(list.childCount - 1)!;
          // `.format(\n    a,\n)`: the values keep their lines, the closing parenthesis goes with its line.
          const broken = /^[ \t]*(?:\r\n|\r|\n)/.test(ctx.source.slice(open.endIndex));
          let last: Node = formatArgs.args[formatArgs.args.length - 1]!;
          if (last.nextSibling?.type === ",") last = last.nextSibling;
          if (broken && formatArgs.comments.some((c) => c.startIndex > last.endIndex)) continue;
          ctx.fix("format_html(str.format(...)) → format_html(str, ...)", [
            { start: template.endIndex, end: open.endIndex, text: broken ? "," : ", " },
            { start: broken ? last.endIndex : close.startIndex, end: inner.endIndex, text: "" },
          ]);
        }
      },
    };
  },
});
