// django/settings-mailers: Django 6.1 deprecated the EMAIL_* connection settings (removed in 7.0)
// in favour of one MAILERS dict of named mailers (the name the released 6.1 settled on; the
// development notes had said EMAIL_PROVIDERS). Defining MAILERS while any of the old settings is
// still set is an error, and a mailer's backend receives only its OPTIONS, with no defaults taken
// from the old settings. So the old settings are folded only where the whole picture is in one
// file: the root settings module, every old setting a literal assigned once at module level, no
// star import, a backend Django ships. Everything else is reported.
import type { Edit } from "../../src/engine/edits.js";
import { stringValue } from "../../src/engine/helpers/findings.js";
import { namedByEntryPoint } from "../../src/engine/helpers/root-settings.js";
import { settingAssignments } from "../../src/engine/helpers/settings-literals.js";
import { readElsewhere } from "../../src/engine/helpers/settings.js";
import { ownsItsLines } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule, type RuleContext } from "../../src/engine/rule.js";
import { lineEndWithNewline, lineStart } from "../../src/engine/text.js";

const DOCS = "https://docs.djangoproject.com/en/6.1/releases/6.1/#features-deprecated-in-6-1";
const BACKENDS = "django.core.mail.backends";
/** The deprecated settings and the SMTP backend OPTIONS key each one became. */
const SMTP_OPTIONS: Record<string, string> = {
  EMAIL_HOST: "host",
  EMAIL_PORT: "port",
  EMAIL_HOST_USER: "username",
  EMAIL_HOST_PASSWORD: "password",
  EMAIL_USE_TLS: "use_tls",
  EMAIL_USE_SSL: "use_ssl",
  EMAIL_TIMEOUT: "timeout",
  EMAIL_SSL_KEYFILE: "ssl_keyfile",
  EMAIL_SSL_CERTFILE: "ssl_certfile",
};
const DEPRECATED = ["EMAIL_BACKEND", "EMAIL_FILE_PATH", ...Object.keys(SMTP_OPTIONS)];

interface Found {
  name: string;
  statement: Node;
  value: Node;
}

/** A literal that means the same wherever it is written: a plain string, a number, True/False/None. */
function isLiteral(node: Node): boolean {
  if (node.type === "string") return stringValue(node) !== undefined;
  return ["integer", "float", "true", "false", "none"].includes(node.type);
}

/** Why this module's EMAIL_* settings cannot be folded, or their assignments. */
function collect(ctx: RuleContext): Found[] | string {
  const found: Found[] = [];
  for (const name of DEPRECATED) {
    const assignments = settingAssignments(ctx, name);
    if (assignments.length === 0) continue;
    if (assignments.length > 1) return `${name} is assigned more than once`;
    const [a] = assignments;
    if (a!.statement.parent?.type !== "module" || a!.chained || a!.statement.type !== "expression_statement") return `${name} is not a plain module-level assignment`;
    if (!ownsItsLines(ctx.source, a!.statement)) return `${name} shares its line with other code`;
    if (!isLiteral(a!.value)) return `${name} is not a literal value`;
    // Read elsewhere in the file (`if EMAIL_HOST:`): deleting it would break that code.
    if (ctx.facts.identifiers(name).length !== 1) return `${name} is read in this module`;
    found.push({ name, statement: a!.statement, value: a!.value });
  }
  return found;
}

/** True when this is the settings module Django loads (see root-settings.ts). */
function isRootSettings(ctx: RuleContext): boolean {
  const atModule = (name: string) => settingAssignments(ctx, name).some((a) => a.statement.parent?.type === "module");
  return (atModule("INSTALLED_APPS") && atModule("ROOT_URLCONF")) || namedByEntryPoint(ctx) === "this";
}

/** The MAILERS text for these settings, or why there is none. */
function mailers(ctx: RuleContext, found: Found[], indent: string): string | string[] {
  const values = new Map(found.map((f) => [f.name, f]));
  const text = (name: string) => ctx.source.slice(values.get(name)!.value.startIndex, values.get(name)!.value.endIndex);
  const backendNode = values.get("EMAIL_BACKEND")?.value;
  const backend = backendNode ? stringValue(backendNode) : `${BACKENDS}.smtp.EmailBackend`;
  if (backend === undefined) return "EMAIL_BACKEND is not a plain string";
  const options: string[] = [];
  if (backend === `${BACKENDS}.smtp.EmailBackend`) {
    // The old settings had defaults the SMTP mailer does not: host is required, and port would
    // follow use_tls/use_ssl (587/465) where the old default was always 25.
    options.push(`"host": ${values.has("EMAIL_HOST") ? text("EMAIL_HOST") : '"localhost"'}`);
    options.push(`"port": ${values.has("EMAIL_PORT") ? text("EMAIL_PORT") : "25"}`);
    for (const [setting, option] of Object.entries(SMTP_OPTIONS)) {
      if (setting === "EMAIL_HOST" || setting === "EMAIL_PORT" || !values.has(setting)) continue;
      options.push(`"${option}": ${text(setting)}`);
    }
  } else if (backend === `${BACKENDS}.filebased.EmailBackend`) {
    if (!values.has("EMAIL_FILE_PATH")) return "the file backend needs EMAIL_FILE_PATH, which this module does not set";
    options.push(`"file_path": ${text("EMAIL_FILE_PATH")}`);
  } else if (![`${BACKENDS}.console.EmailBackend`, `${BACKENDS}.locmem.EmailBackend`, `${BACKENDS}.dummy.EmailBackend`].includes(backend)) {
    return `EMAIL_BACKEND names ${backend}, whose OPTIONS Django does not define`;
  }
  const inner = `${indent}${indent}`;
  const lines = [`MAILERS = {`, `${indent}"default": {`, `${inner}"BACKEND": "${backend}",`];
  if (options.length > 0) {
    lines.push(`${inner}"OPTIONS": {`, ...options.map((o) => `${inner}${indent}${o},`), `${inner}},`);
  }
  lines.push(`${indent}},`, `}`);
  return lines;
}

export default defineRule({
  id: "django/settings-mailers",
  framework: "django",
  since: "6.1",
  summary: "the EMAIL_* connection settings of a root settings module become one MAILERS dict (Django 6.1)",
  description:
    "Django 6.1 deprecated `EMAIL_BACKEND`, `EMAIL_HOST`, `EMAIL_PORT`, `EMAIL_HOST_USER`, `EMAIL_HOST_PASSWORD`, " +
    "`EMAIL_USE_TLS`, `EMAIL_USE_SSL`, `EMAIL_SSL_CERTFILE`, `EMAIL_SSL_KEYFILE`, `EMAIL_TIMEOUT` and `EMAIL_FILE_PATH` " +
    "(removed in 7.0) in favour of `MAILERS = {\"default\": {\"BACKEND\": ..., \"OPTIONS\": {...}}}` (the released 6.1 " +
    "calls it MAILERS; earlier development notes said EMAIL_PROVIDERS). Django refuses to start when MAILERS and any of " +
    "the old settings are both set, and a mailer gets only its OPTIONS, so the settings are folded only in a root settings " +
    "module (one that assigns `INSTALLED_APPS` and `ROOT_URLCONF`, or the one `manage.py`/`wsgi.py` names) without star " +
    "imports, where each old setting is a literal assigned once at module level and read nowhere else in the file. The " +
    "old settings are deleted and MAILERS takes the place of the first one. For the SMTP backend the OPTIONS are `host`, " +
    "`port`, `username`, `password`, `use_tls`, `use_ssl`, `timeout`, `ssl_keyfile`, `ssl_certfile`, with `host` " +
    "(`\"localhost\"`) and `port` (25) always written, because the mailer requires a host and would pick 587/465 for " +
    "TLS/SSL where the old default was 25. The file backend gets `file_path`; console, locmem and dummy get no OPTIONS " +
    "(the SMTP settings were unused by them). Other backends, computed values (`env(...)`), overlay settings modules and " +
    "`override_settings(EMAIL_...)` in tests are reported: move them to MAILERS by hand.",
  docs: DOCS,
  needles: ["EMAIL_"],
  precheck: (text) => /\bEMAIL_(?:BACKEND|HOST|PORT|USE_TLS|USE_SSL|SSL_|TIMEOUT|FILE_PATH)/.test(text),
  files: (roles) => !roles.has("migrations"),
  create(ctx) {
    return {
      module() {
        reportOverrides(ctx);
        if (!ctx.roles.has("settings")) return;
        const assigned = DEPRECATED.flatMap((name) => settingAssignments(ctx, name).map((a) => a.statement));
        if (assigned.length === 0) return;
        const first = assigned.sort((a, b) => a.startIndex - b.startIndex)[0]!;
        const report = (why: string) =>
          ctx.report(first, `the EMAIL_* connection settings are deprecated since Django 6.1 (removed in 7.0): define MAILERS = {"default": {"BACKEND": ..., "OPTIONS": {...}}} instead and delete them (left alone because ${why}); see ${DOCS}`);
        if (ctx.source.includes("MAILERS")) return report("this module mentions MAILERS already");
        if (!isRootSettings(ctx)) return report("this module is not known to be the settings module Django loads");
        if (ctx.facts.imports.some((b) => b.statement.text.includes("*")) || /\bglobals\(\)|\bexec\(|\bsetattr\(/.test(ctx.source)) {
          return report("this module has star imports or sets names through globals()/exec/setattr");
        }
        const found = collect(ctx);
        if (typeof found === "string") return report(found);
        // App code reading one of them (`settings.EMAIL_HOST_USER`) would fail once it is gone.
        const reader = readElsewhere(ctx, found.map((f) => f.name));
        if (reader) return report(`${reader.where} reads ${reader.name}, which fails once the setting is gone`);
        found.sort((a, b) => a.statement.startIndex - b.statement.startIndex);
        const lines = mailers(ctx, found, "    ");
        if (typeof lines === "string") return report(lines);
        const edits: Edit[] = [];
        found.forEach((f, i) => {
          const start = lineStart(ctx.source, f.statement.startIndex);
          const end = lineEndWithNewline(ctx.source, f.statement.endIndex);
          const ending = ctx.source.slice(f.statement.endIndex, end).trim() === "" ? ctx.newline : ctx.source.slice(f.statement.endIndex, end);
          edits.push({ start, end, text: i === 0 ? lines.join(ctx.newline) + ending : "" });
        });
        ctx.fix("EMAIL_* settings folded into MAILERS (Django 6.1)", edits);
      },
    };
  },
});

/** `override_settings(EMAIL_HOST=...)` / `modify_settings`: with MAILERS these no longer configure sending. */
function reportOverrides(ctx: RuleContext): void {
  for (const name of DEPRECATED) {
    for (const id of ctx.facts.identifiers(name)) {
      const keyword = id.parent;
      if (keyword?.type !== "keyword_argument" || keyword.childForFieldName("name")?.id !== id.id) continue;
      const call = keyword.parent?.parent;
      const callee = call?.type === "call" ? call.childForFieldName("function") : undefined;
      const qualified = callee ? ctx.facts.qualifiedName(callee) : undefined;
      if (qualified !== "django.test.override_settings" && qualified !== "django.test.utils.override_settings") continue;
      ctx.report(keyword, `${name} is deprecated since Django 6.1 (removed in 7.0) and has no effect once MAILERS is defined: override MAILERS instead (the test runner already points every mailer at the locmem backend); see ${DOCS}`);
    }
  }
}
