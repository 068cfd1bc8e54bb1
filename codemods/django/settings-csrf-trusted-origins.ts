// django/settings-csrf-trusted-origins: from Django 4.0, CSRF_TRUSTED_ORIGINS entries are origins
// with a scheme (`https://example.com`, `https://*.example.com`), and the Origin header is checked
// against them. Before 4.0 the entries were bare hosts (`.example.com` for subdomains) and only
// checked for HTTPS requests, so `https://` keeps what the project meant.
import {
  literalItems, plainString, replaceStringContent, settingAssignments,
} from "../../src/engine/helpers/settings-literals.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#csrf-trusted-origins-changes";
/** A host, optionally `.`-prefixed (subdomains) and with a port: what Django before 4.0 accepted. */
const BARE_HOST = /^\.?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?$/;

export default defineRule({
  id: "django/settings-csrf-trusted-origins",
  framework: "django",
  since: "4.0",
  summary: 'CSRF_TRUSTED_ORIGINS entries without a scheme get "https://" ("*." for a leading dot)',
  description:
    "Django 4.0 changed `CSRF_TRUSTED_ORIGINS` from hosts to origins: each entry needs its scheme, and a subdomain " +
    "wildcard is written `https://*.example.com` instead of `.example.com`. Before 4.0 the setting was only consulted for " +
    "HTTPS requests, so `https://` reproduces it. In settings files, the plain string entries of a literal list or tuple " +
    "assigned to `CSRF_TRUSTED_ORIGINS` that are bare hosts (letters, digits, dots, dashes, an optional port) get the " +
    "scheme; other entries are reported, and computed values are left alone.",
  docs: DOCS,
  needles: ["CSRF_TRUSTED_ORIGINS"],
  files: "settings",
  create(ctx) {
    return {
      module() {
        for (const setting of settingAssignments(ctx, "CSRF_TRUSTED_ORIGINS")) {
          for (const item of literalItems(setting.value)?.items ?? []) {
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
