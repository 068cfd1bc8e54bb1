// django/available-attrs: django.utils.decorators.available_attrs(fn) returned the attribute names
// functools.wraps should copy; on Python 3 that is always functools.WRAPPER_ASSIGNMENTS. Django
// 2.0 dropped Python 2 and 3.0 removed the helper.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/3.0/#removed-private-python-2-compatibility-apis";

export default callReplacements({
  id: "django/available-attrs",
  framework: "django",
  since: "2.0",
  summary: "available_attrs(fn) becomes functools.WRAPPER_ASSIGNMENTS",
  description:
    "`django.utils.decorators.available_attrs()` was a Python 2 helper: on Python 3 it returns `functools.WRAPPER_ASSIGNMENTS` " +
    "whatever function it gets. Django 3.0 removed it (Django 2.0 already required Python 3). A call with one plain name or " +
    "attribute as argument becomes `WRAPPER_ASSIGNMENTS`, imported from `functools` in place of the old import. Calls with " +
    "an argument that could have side effects are reported.",
  docs: DOCS,
  advice: `was removed in Django 3.0: use functools.WRAPPER_ASSIGNMENTS`,
  replacements: [
    {
      from: "django.utils.decorators.available_attrs",
      to: "functools.WRAPPER_ASSIGNMENTS",
      rewrite(args, _source, name) {
        const [value] = args.positional;
        if (args.args.length !== 1 || !value) return "!does not pass exactly one argument";
        if (value.type !== "identifier" && value.type !== "attribute") return "!passes an expression that would no longer be evaluated";
        return name;
      },
    },
  ],
});
