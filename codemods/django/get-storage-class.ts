// django/get-storage-class: Django 4.2 deprecated django.core.files.storage.get_storage_class
// (removed in 5.1). With a dotted path it only imported that class, which import_string does.
// Without an argument it read DEFAULT_FILE_STORAGE, which STORAGES replaced: a person decides.
import { callReplacements } from "../../src/engine/helpers/call-replacements.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2";

export default callReplacements({
  id: "django/get-storage-class",
  framework: "django",
  since: "4.2",
  summary: "get_storage_class(path) becomes import_string(path)",
  description:
    "Django 4.2 deprecated `django.core.files.storage.get_storage_class()` (removed in 5.1). Called with a dotted path it " +
    "just imported the class, which `django.utils.module_loading.import_string()` does: such calls are rewritten and the " +
    "import replaced. A call without an argument returned the class named by `DEFAULT_FILE_STORAGE`; it is reported, to be " +
    "replaced by `storages[\"default\"]` (an instance) or by reading the `STORAGES` setting.",
  docs: DOCS,
  advice: `was removed in Django 5.1: use import_string(path) from django.utils.module_loading, or storages["default"] for the default storage`,
  replacements: [
    {
      from: "django.core.files.storage.get_storage_class",
      to: "django.utils.module_loading.import_string",
      rewrite(args, source, name) {
        if (args.positional.length !== 1 || args.args.length !== 1) return "!does not pass exactly one path (without one it read DEFAULT_FILE_STORAGE)";
        const [path] = args.positional;
        return `${name}(${source.slice(path!.startIndex, path!.endIndex)})`;
      },
    },
  ],
});
