// What `from <django module> import *` binds, for the names our rules look at. The list per module
// is the part of that module's exports (its `__all__`, or its public names) that falls inside
// NAMES_WE_KNOW: a star import of a module listed here binds a known name exactly when the module
// lists it, and is treated as unknown for every name outside NAMES_WE_KNOW. A module not listed
// here keeps full caution. Only modules with an `__all__` are listed: a module without one also
// exports whatever it imported, which changes between releases. Exports that changed across releases are included when any supported
// release had them (binding one name too many only makes a rule skip).

const TRANSLATION = [
  "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy",
  "ugettext", "ugettext_lazy", "ugettext_noop", "ungettext", "ungettext_lazy", "string_concat", "activate", "deactivate",
  "get_language", "override",
];
const URLS = ["include", "path", "re_path", "reverse", "reverse_lazy", "resolve", "NoReverseMatch", "Resolver404", "register_converter", "get_resolver"];
const MODEL_FIELDS = [
  "Model", "Manager", "Q", "F", "Index", "CheckConstraint", "UniqueConstraint", "CASCADE", "PROTECT", "SET_NULL", "SET_DEFAULT", "DO_NOTHING",
  "ForeignKey", "OneToOneField", "ManyToManyField", "NullBooleanField", "BooleanField", "CharField", "TextField", "IntegerField",
  "JSONField", "permalink", "signals", "Value", "Prefetch",
];

export const DJANGO_STAR_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  "django.conf.urls": ["include", "url", "patterns", "handler400", "handler403", "handler404", "handler500"],
  "django.urls": URLS,
  "django.db.models": MODEL_FIELDS,
  "django.utils.translation": TRANSLATION,
  "django.contrib.admin": ["site", "register", "ModelAdmin", "StackedInline", "TabularInline", "AdminSite", "display", "action", "autodiscover"],
  "django.test": ["TestCase", "TransactionTestCase", "SimpleTestCase", "LiveServerTestCase", "Client", "RequestFactory", "override_settings", "modify_settings", "skipIfDBFeature", "skipUnlessDBFeature"],
};

/** Names the table speaks for: a star import of a listed module binds one of these only if listed. */
export const NAMES_WE_KNOW: ReadonlySet<string> = new Set([
  ...Object.values(DJANGO_STAR_EXPORTS).flat(),
  "models", "admin", "settings", "timezone", "utc", "FixedOffset", "JSONField", "Signal", "QuerySetPaginator", "Paginator",
  "get_random_string", "transaction", "forms", "mail", "send_mail", "messages",
  // Old names other rules rewrite: none of the modules above exports them.
  "force_text", "smart_text", "force_str", "smart_str", "urlquote", "urlquote_plus", "urlunquote", "urlunquote_plus",
  "is_safe_url", "unescape_entities", "render_to_response", "render", "python_2_unicode_compatible", "six",
]);
