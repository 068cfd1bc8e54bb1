// django/utils-six: Django 3.0 removed django.utils.six, its vendored copy of six (Django 2.0 had
// dropped Python 2). The release note says to remove the usages or switch to the six package,
// which has the same API: imports switch to `six`, and the project needs `six` installed.
import type { Edit } from "../../src/engine/edits.js";
import { rewriteImportEntries } from "../../src/engine/helpers/imports.js";
import { insertAbove, replaceStatement } from "../../src/engine/helpers/statements.js";
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis";
const OLD = "django.utils.six";

export default defineRule({
  id: "django/utils-six",
  framework: "django",
  since: "3.0",
  summary: "imports from django.utils.six import the six package instead (add six to the requirements)",
  description:
    "Django 3.0 removed `django.utils.six`, the copy of the `six` library it shipped for Python 2; the release note says to " +
    "drop its uses or switch to `six` itself, which has the same API. `from django.utils import six [as s]` becomes " +
    "`import six [as s]`, and `from django.utils.six[.moves...] import ...` becomes `from six[.moves...] import ...`. The " +
    "project then needs the `six` package (the fix message says so). `import django.utils.six`, whose uses spell the old " +
    "path, is reported. Rewriting six-based code to plain Python 3 is left to a person.",
  docs: DOCS,
  needles: ["six"],
  precheck: (text) => text.includes("django.utils"),
  create(ctx) {
    return {
      module() {
        for (const binding of ctx.facts.imports) {
          const statement = binding.statement;
          if (binding.kind === "from" && binding.qualified === OLD) {
            // `from django.utils import six [as s]`
            const line = binding.alias && binding.alias !== "six" ? `import six as ${binding.alias}` : "import six";
            const entries = statement.childrenForFieldName("name").filter((n): n is Node => n !== null);
            let edits: Edit[] | undefined;
            if (entries.length === 1) edits = [replaceStatement(ctx.source, statement, [line], ctx.newline)];
            else {
              const dropped = rewriteImportEntries(ctx.source, statement, new Map([[binding.entry.id, null]]));
              if (dropped) edits = [...dropped, insertAbove(ctx.source, statement, [line], ctx.newline)];
            }
            if (edits) ctx.fix("django.utils.six → six (add the six package to the requirements)", edits);
            continue;
          }
          if (binding.kind === "from" && (binding.module === OLD || binding.module.startsWith(`${OLD}.`))) {
            // `from django.utils.six.moves import range`: only the module path changes (once per statement).
            const module = statement.childForFieldName("module_name")!;
            if (binding.entry.id !== statement.childrenForFieldName("name").find((n) => n !== null)?.id) continue;
            const parts = module.namedChildren.filter((c): c is Node => c !== null);
            ctx.fix("django.utils.six → six (add the six package to the requirements)", [
              { start: parts[0]!.startIndex, end: parts[2]!.endIndex, text: "six" },
            ]);
            continue;
          }
          if (binding.kind === "import" && (binding.module === OLD || binding.module.startsWith(`${OLD}.`))) {
            if (binding.alias && binding.module === OLD) {
              // `import django.utils.six as six` → `import six`; another alias stays.
              const text = binding.alias === "six" ? "six" : `six as ${binding.alias}`;
              ctx.fix("django.utils.six → six (add the six package to the requirements)", [{ start: binding.entry.startIndex, end: binding.entry.endIndex, text }]);
            } else {
              ctx.report(binding.entry, `django.utils.six was removed in Django 3.0: import the six package (or drop six) and update the uses of ${binding.module}; see ${DOCS}`);
            }
          }
        }
      },
    };
  },
});
