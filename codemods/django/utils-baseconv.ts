// django/utils-baseconv: Django 4.0 deprecated django.utils.baseconv (removed in 5.0), with no
// drop-in replacement in Django; base62 has signing.b62_encode/b62_decode, the rest is to be copied.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/utils-baseconv",
  framework: "django",
  since: "4.0",
  summary: "warns about django.utils.baseconv (removed in Django 5.0)",
  description:
    "Django 4.0 deprecated `django.utils.baseconv` and Django 5.0 removed it. Imports of the module or of its names are " +
    "reported: use `django.core.signing.b62_encode()` / `b62_decode()` for base62, or copy the converter you need.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0",
  needles: ["baseconv"],
  patterns: [
    {
      kind: "name",
      qualified: ["django.utils.baseconv"],
      message: "django.utils.baseconv was removed in Django 5.0: use django.core.signing.b62_encode/b62_decode for base62, or copy the converter into the project",
    },
  ],
});
