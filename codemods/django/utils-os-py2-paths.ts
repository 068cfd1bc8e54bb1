// django/utils-os-py2-paths: django.utils._os.upath and npath returned their argument unchanged on
// Python 3 (they converted paths on Python 2), and abspathu was os.path.abspath itself. Django 2.0
// dropped Python 2 and 3.0 removed the three without a deprecation period. Calls become their
// argument, abspathu becomes os.path.abspath, and the import goes; a use of another shape (the
// function passed around, a keyword argument) keeps the file as it is and is reported.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";
import type { CallArgs } from "../../src/engine/helpers/calls.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis";

/** Expressions that keep their meaning wherever a call stood: no parentheses needed. */
const PRIMARY = new Set(["identifier", "attribute", "call", "subscript", "parenthesized_expression", "list", "dictionary", "set", "tuple", "string", "concatenated_string", "integer", "float", "true", "false", "none", "list_comprehension", "dictionary_comprehension", "set_comprehension"]);

/** Places where any expression but a bare `:=` stands without parentheses. */
const LOOSE = new Set(["argument_list", "keyword_argument", "assignment", "return_statement", "expression_statement", "list", "set", "pair", "parenthesized_expression"]);

/** `upath(p)` → `p`, in parentheses when the place needs them. */
function identity(args: CallArgs, source: string): string {
  if (args.args.length !== 1 || args.positional.length !== 1) return "!does not pass exactly one positional argument";
  const arg = args.positional[0]!;
  const text = source.slice(arg.startIndex, arg.endIndex);
  const parent = args.call.parent;
  if (PRIMARY.has(arg.type)) return text;
  if (parent && LOOSE.has(parent.type) && arg.type !== "named_expression") {
    // `x = upath(p)` is fine bare, `f(upath(p))` too; as an assignment target the call cannot stand.
    if (parent.type !== "assignment" || parent.childForFieldName("right")?.id === args.call.id) return text;
  }
  return `(${text})`;
}

export default callReplacements({
  id: "django/utils-os-py2-paths",
  framework: "django",
  since: "2.0",
  summary: "upath(p) / npath(p) become p, abspathu becomes os.path.abspath (Python 2 helpers of django.utils._os)",
  description:
    "`django.utils._os.upath()` and `npath()` returned their argument as it was on Python 3 (they converted paths only on " +
    "Python 2) and `abspathu` was `os.path.abspath`; Django 3.0 removed them. From a Django 2.0 target on (Python 3 only) " +
    "`upath(p)` and `npath(p)` become `p`, in parentheses where the place needs them, `abspathu` becomes `abspath` " +
    "imported from `os.path`, and the old import goes. An import with a use of another shape (passed as a value, called " +
    "with a keyword) is left as it is and reported.",
  docs: DOCS,
  advice: "was removed in Django 3.0: on Python 3 upath(p) and npath(p) are p itself, abspathu is os.path.abspath",
  replacements: [
    { from: "django.utils._os.upath", to: "", rewrite: identity },
    { from: "django.utils._os.npath", to: "", rewrite: identity },
    { from: "django.utils._os.abspathu", to: "os.path.abspath" },
  ],
});
