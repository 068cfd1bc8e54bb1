import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/admin-lookup-needs-distinct",
  aliases: ["admin_lookup_needs_distinct"],
  framework: "django",
  since: "4.0",
  summary: "lookup_needs_distinct becomes lookup_spawns_duplicates",
  description:
    "Django 4.0 renamed the admin helper `django.contrib.admin.utils.lookup_needs_distinct()` to " +
    "`lookup_spawns_duplicates()` (same arguments) without keeping the old name or listing the change in its release notes. Imports (aliases kept), uses of the " +
    "imported name and module forms such as `admin_utils.lookup_needs_distinct(...)` are rewritten.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.0/#backwards-incompatible-changes-in-4-0",
  moves: [
    { from: "django.contrib.admin.utils.lookup_needs_distinct", to: "django.contrib.admin.utils.lookup_spawns_duplicates" },
  ],
});
