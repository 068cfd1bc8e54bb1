// django/ogr-coord-dim-setter: Django 5.1 deprecated setting OGRGeometry.coord_dim (removed in
// 6.0) in favour of set_3d(). Only assignments are reported: reading coord_dim is still fine.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/ogr-coord-dim-setter",
  framework: "django",
  since: "5.1",
  summary: "warns about assignments to OGRGeometry.coord_dim (deprecated in Django 5.1, removed in 6.0)",
  description:
    "Django 5.1 deprecated the `OGRGeometry.coord_dim` setter (removed in 6.0); `set_3d(True)` / `set_3d(False)` " +
    "changes the dimension instead. Assignments to `.coord_dim` in files that import from Django are reported " +
    "(reading it stays valid). Whether the value was 2 or 3 decides the argument, so the line is left to a person.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.1/#features-deprecated-in-5-1",
  needles: ["coord_dim"],
  patterns: [
    {
      kind: "attribute",
      names: ["coord_dim"],
      assigned: true,
      message: "setting OGRGeometry.coord_dim is deprecated since Django 5.1 (removed in 6.0): call geometry.set_3d(True) for 3 dimensions, set_3d(False) for 2",
    },
  ],
});
