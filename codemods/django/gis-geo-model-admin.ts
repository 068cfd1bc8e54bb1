// django/gis-geo-model-admin: Django 4.0 deprecated the OpenLayers 2 based GeoModelAdmin and
// OSMGeoAdmin (removed in 5.0). GISModelAdmin replaces them with a different widget and options.
import { findingRule } from "../../src/engine/helpers/findings.js";

const MODULES = ["django.contrib.gis.admin", "django.contrib.gis.admin.options"];

export default findingRule({
  id: "django/gis-geo-model-admin",
  framework: "django",
  since: "4.0",
  summary: "warns about GeoModelAdmin / OSMGeoAdmin (removed in Django 5.0)",
  description:
    "Django 4.0 deprecated `django.contrib.gis.admin.GeoModelAdmin` and `OSMGeoAdmin`; Django 5.0 removed them. Uses are " +
    "reported: switch to `GISModelAdmin` (OpenLayers-based widget; map options move to `gis_widget_kwargs`).",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0",
  needles: ["GeoModelAdmin", "OSMGeoAdmin"],
  patterns: [
    {
      kind: "name",
      qualified: MODULES.flatMap((m) => [`${m}.GeoModelAdmin`, `${m}.OSMGeoAdmin`]),
      message: "GeoModelAdmin / OSMGeoAdmin were removed in Django 5.0: use django.contrib.gis.admin.GISModelAdmin and move map options to gis_widget_kwargs",
    },
  ],
});
