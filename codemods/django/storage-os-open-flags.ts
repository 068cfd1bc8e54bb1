// django/storage-os-open-flags: Django 5.1 deprecated FileSystemStorage.OS_OPEN_FLAGS (removed in
// 6.0), which subclasses changed to overwrite existing files, in favour of the allow_overwrite
// argument. Whether the flags did only that is for a person to say: pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

const STORAGES = [
  "django.core.files.storage.FileSystemStorage",
  "django.core.files.storage.filesystem.FileSystemStorage",
  "django.contrib.staticfiles.storage.StaticFilesStorage",
  "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
];
const MESSAGE =
  "FileSystemStorage.OS_OPEN_FLAGS is deprecated since Django 5.1 (removed in 6.0): to overwrite existing files, pass allow_overwrite=True to FileSystemStorage (or set it in the storage's OPTIONS)";

export default findingRule({
  id: "django/storage-os-open-flags",
  framework: "django",
  since: "5.1",
  summary: "warns about FileSystemStorage.OS_OPEN_FLAGS (deprecated in Django 5.1, removed in 6.0)",
  description:
    "Django 5.1 deprecated `FileSystemStorage.OS_OPEN_FLAGS` (removed in 6.0); storages that changed it to overwrite " +
    "files should pass `allow_overwrite=True` instead. `OS_OPEN_FLAGS = ...` in the body of a `FileSystemStorage` " +
    "subclass, and `.OS_OPEN_FLAGS` anywhere in files that import from Django, are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["OS_OPEN_FLAGS"],
  patterns: [
    { kind: "class-attribute", names: ["OS_OPEN_FLAGS"], bases: STORAGES, message: MESSAGE },
    { kind: "attribute", names: ["OS_OPEN_FLAGS"], message: MESSAGE },
  ],
});
