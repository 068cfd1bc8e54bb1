// Django names that rules need to recognise: the classes user code subclasses (by every public
// path), and receivers that surely are Django objects. Kept in one place so the rules agree.
import type { Facts } from "../facts.js";
import type { Node } from "../parser.js";

const ADMIN_MODULES = ["django.contrib.admin", "django.contrib.admin.options"];
const GIS_ADMIN = ["django.contrib.gis.admin", "django.contrib.gis.admin.options"];
const CONTENTTYPES_ADMIN = ["django.contrib.contenttypes.admin"];

const qualify = (modules: string[], names: string[]) => modules.flatMap((m) => names.map((n) => `${m}.${n}`));

/** InlineModelAdmin and its Django subclasses. */
export const INLINE_ADMINS: ReadonlySet<string> = new Set([
  ...qualify([...ADMIN_MODULES, ...GIS_ADMIN], ["InlineModelAdmin", "TabularInline", "StackedInline"]),
  ...qualify(CONTENTTYPES_ADMIN, ["GenericInlineModelAdmin", "GenericTabularInline", "GenericStackedInline"]),
]);

/** Every admin class with BaseModelAdmin's methods: model admins and inlines. */
export const MODEL_ADMINS: ReadonlySet<string> = new Set([
  ...INLINE_ADMINS,
  ...qualify([...ADMIN_MODULES, ...GIS_ADMIN], ["BaseModelAdmin", "ModelAdmin"]),
  ...qualify(GIS_ADMIN, ["GISModelAdmin", "GeoModelAdmin", "OSMGeoAdmin"]),
  ...qualify(["django.contrib.auth.admin"], ["UserAdmin", "GroupAdmin"]),
  ...qualify(["django.contrib.flatpages.admin"], ["FlatPageAdmin"]),
  ...qualify(["django.contrib.sites.admin"], ["SiteAdmin"]),
  ...qualify(["django.contrib.redirects.admin"], ["RedirectAdmin"]),
]);

/** A model or form field class of Django (`models.CharField`, `django.contrib.postgres.fields.ArrayField`). */
export function isDjangoModelField(qualified: string): boolean {
  const modules = [
    "django.db.models.", "django.db.models.fields.", "django.db.models.fields.related.", "django.db.models.fields.json.",
    "django.db.models.fields.files.", "django.contrib.postgres.fields.", "django.contrib.gis.db.models.",
    "django.contrib.gis.db.models.fields.",
  ];
  const module = modules.find((m) => qualified.startsWith(m) && !qualified.slice(m.length).includes("."));
  return module !== undefined && /^(?:\w*Field|ForeignKey|ForeignObject|OneToOneField|ManyToManyField)$/.test(qualified.slice(module.length));
}

/** True when the file imports anything from Django (evidence that `.latest(...)` is a QuerySet's). */
export function importsDjango(facts: Facts): boolean {
  return facts.imports.some((b) => b.module === "django" || b.module.startsWith("django."));
}

/** `request` or `self.request`: an expression that surely holds the HttpRequest in Django code. */
export function isRequestExpression(node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "identifier") return node.text === "request";
  if (node.type !== "attribute") return false;
  const object = node.childForFieldName("object");
  return node.childForFieldName("attribute")?.text === "request" && object?.type === "identifier" && object.text === "self";
}
