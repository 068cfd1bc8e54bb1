// django/settings-csrf-trusted-origins: from Django 4.0, CSRF_TRUSTED_ORIGINS entries are origins
// with a scheme (`https://example.com`, `https://*.example.com`), and the Origin header is checked
// against them. Before 4.0 the entries were bare hosts (`.example.com` for subdomains) and only
// checked for HTTPS requests, so `https://` keeps what the project meant.
import {
  literalItems, plainString, replaceStringContent, settingAssignments,
} from "../../src/engine/helpers/settings-literals.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import type { Node } from "../../src/engine/parser.js";
import { enclosingScope } from "../../src/engine/scope.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#csrf-trusted-origins-changes";
/** A host, optionally `.`-prefixed (subdomains) and with a port: what Django before 4.0 accepted. */
const BARE_HOST = /^\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?$/;

/**
 * The entries the file gives the setting: the items of literal lists assigned to it, added to it
 * (`CSRF_TRUSTED_ORIGINS += [...]`, `.extend([...])`) and appended (`.append("...")`).
 */
function originEntries(ctx: RuleContext): Node[] {
  const entries = settingAssignments(ctx, "CSRF_TRUSTED_ORIGINS").flatMap((s) => literalItems(s.value)?.items ?? []);
  for (const id of ctx.facts.identifiers("CSRF_TRUSTED_ORIGINS")) {
    // Module-level code only (`if DEBUG:` blocks included), as for the assignments.
    if (enclosingScope(id).type !== "module") continue;
    const parent = id.parent;
    if (parent?.type === "augmented_assignment" && parent.childForFieldName("left")?.id === id.id) {
      if (parent.childForFieldName("operator")?.text === "+=") entries.push(...(literalItems(parent.childForFieldName("right")!)?.items ?? []));
      continue;
    }
    if (parent?.type !== "attribute" || parent.childForFieldName("object")?.id !== id.id) continue;
    const method = parent.childForFieldName("attribute")?.text;
    const call = parent.parent;
    const args = call?.type === "call" ? callArgs(call) : undefined;
    if (!args || args.args.length !== 1 || args.positional.length !== 1) continue;
    if (method === "append") entries.push(args.positional[0]!);
    else if (method === "extend") entries.push(...(literalItems(args.positional[0]!)?.items ?? []));
  }
  return entries;
}

export default defineRule({
  id: "django/settings-csrf-trusted-origins",
  framework: "django",
  since: "4.0",
  summary: 'CSRF_TRUSTED_ORIGINS entries without a scheme get "https://" ("*." for a leading dot)',
  description:
    "Django 4.0 changed `CSRF_TRUSTED_ORIGINS` from hosts to origins: each entry needs its scheme, and a subdomain " +
    "wildcard is written `https://*.example.com` instead of `.example.com`. Before 4.0 the setting was only consulted for " +
    "HTTPS requests, so `https://` reproduces it. In settings files, the plain string entries of a literal list or tuple " +
    "assigned or added to `CSRF_TRUSTED_ORIGINS` (`=`, `+=`, `.extend([...])`, `.append(...)`) that are bare hosts (letters, digits, dots, dashes, an optional port) get the " +
    "scheme; other entries are reported, and computed values are left alone.",
  docs: DOCS,
  needles: ["CSRF_TRUSTED_ORIGINS"],
  files: "settings",
  create(ctx) {
    return {
      module() {
        {
          for (const item of originEntries(ctx)) {
            const value = plainString(item);
            if (value === undefined || value.includes("://")) continue;
            if (!BARE_HOST.test(value)) {
              ctx.report(item, `from Django 4.0 each CSRF_TRUSTED_ORIGINS entry needs a scheme ("https://example.com", "https://*.example.com"); this one could not be converted: write it by hand (${DOCS})`);
              continue;
            }
            const origin = value.startsWith(".") ? `https://*${value}` : `https://${value}`;
            ctx.fix(`CSRF_TRUSTED_ORIGINS ${value} → ${origin}`, [replaceStringContent(item, origin)]);
          }
        }
      },
    };
  },
});
