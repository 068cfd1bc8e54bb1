// django/field-cache-name: Django 5.1 deprecated FieldCacheMixin.get_cache_name() in favour of the
// cache_name cached property (removed in 6.0). An override has to become a property and its
// callers attribute reads, across classes and modules, so overrides and calls are pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

const RELATED = ["ForeignObject", "ForeignKey", "OneToOneField", "ManyToManyField", "GenericForeignKey"];
const BASES = [
  "django.db.models.fields.mixins.FieldCacheMixin",
  ...["django.db.models", "django.db.models.fields.related"].flatMap((m) => RELATED.slice(0, 4).map((n) => `${m}.${n}`)),
  "django.contrib.contenttypes.fields.GenericForeignKey",
];

export default findingRule({
  id: "django/field-cache-name",
  framework: "django",
  since: "5.1",
  summary: "warns about get_cache_name() overrides and calls (removed in Django 6.0)",
  description:
    "Django 5.1 deprecated `FieldCacheMixin.get_cache_name()` in favour of the `cache_name` cached property; Django 6.0 " +
    "removed it. Overrides in classes deriving from `FieldCacheMixin` or Django's related fields, and " +
    "`.get_cache_name()` calls in files that import from Django, are reported: define `@cached_property def " +
    "cache_name(self)` instead and read `.cache_name`.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["get_cache_name"],
  patterns: [
    {
      kind: "method-def",
      names: ["get_cache_name"],
      bases: BASES,
      message: "get_cache_name() is no longer called since Django 6.0 (deprecated in 5.1): turn this override into @cached_property def cache_name(self)",
    },
    {
      kind: "method-call",
      names: ["get_cache_name"],
      message: "get_cache_name() was removed in Django 6.0 (deprecated in 5.1): read the cache_name property instead",
    },
  ],
});
