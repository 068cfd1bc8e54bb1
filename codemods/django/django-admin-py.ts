// django/django-admin-py: Django 3.1 deprecated the django-admin.py entry point and 4.0 removed it;
// the command is `django-admin` (or `python -m django`). Shell scripts, Dockerfiles and CI files are
// not pycodemod's inputs, but Python files that run or install the script are: a string literal
// naming django-admin.py (an argv item for subprocess, an os.system command line, a setup.py
// scripts= path) is pointed at. It is not rewritten: the literal may be a path to a file that must
// exist, or a command run through a PATH the file does not show, so what it should become depends
// on where it runs. Docstrings describe rather than run, and are left alone.
import type { Node } from "../../src/engine/parser.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1";
const WORD = "django-admin.py";

/** The string node (or the concatenation holding it) a text offset falls in, if any. */
function stringAt(root: Node, start: number, end: number): Node | undefined {
  let node: Node | null = root.descendantForIndex(start, end);
  while (node && node.type !== "string" && node.type !== "module") node = node.parent;
  return node?.type === "string" ? node : undefined;
}

function isDocstring(string: Node): boolean {
  const outer = string.parent?.type === "concatenated_string" ? string.parent : string;
  const statement = outer.parent;
  if (statement?.type !== "expression_statement" || statement.namedChildCount !== 1) return false;
  const block = statement.parent;
  // The first statement of a module, class or function body.
  return (block?.type === "module" || block?.type === "block") && block.namedChildren.find((c) => c?.type !== "comment")?.id === statement.id;
}

export default defineRule({
  id: "django/django-admin-py",
  framework: "django",
  since: "3.1",
  kind: "finding",
  summary: "warns about string literals naming django-admin.py in Python files (removed in Django 4.0)",
  description:
    "Django 3.1 deprecated the `django-admin.py` entry point and Django 4.0 removed it. String literals in Python files that name " +
    "it (`subprocess.run([\"django-admin.py\", ...])`, `os.system(\"django-admin.py ...\")`, `setup(scripts=[...])`) are " +
    "reported: run `django-admin` (or `python -m django`) instead. Docstrings, comments, shell scripts, Dockerfiles and CI " +
    "files are not covered.",
  docs: DOCS,
  needles: [WORD],
  create(ctx) {
    return {
      module() {
        const seen = new Set<number>();
        for (let at = ctx.source.indexOf(WORD); at >= 0; at = ctx.source.indexOf(WORD, at + WORD.length)) {
          // A word of its own: not my-django-admin.py or django-admin.pyc.
          if (/[\w.-]/.test(ctx.source[at - 1] ?? " ")) continue;
          if (/\w/.test(ctx.source[at + WORD.length] ?? " ")) continue;
          const string = stringAt(ctx.root, at, at + WORD.length);
          if (!string || seen.has(string.id) || isDocstring(string)) continue;
          seen.add(string.id);
          ctx.report(string, `django-admin.py was removed in Django 4.0 (deprecated in 3.1): run django-admin, or python -m django, instead; see ${DOCS}`);
        }
      },
    };
  },
});
