// django/settings-form-renderer-div: Django 4.1 added the transitional DjangoDivFormRenderer and
// Jinja2DivFormRenderer so projects could opt into the <div> form templates early; Django 5.0 made
// those templates the default of DjangoTemplates / Jinja2 and deprecated the Div renderers (removed
// in 6.0). A FORM_RENDERER string naming one of them becomes the renderer it stands for now.
import { plainString, replaceStringContent, settingAssignments } from "../../src/engine/helpers/settings-literals.js";
import { defineRule } from "../../src/engine/rule.js";

const RENAMES: Record<string, string> = {
  "django.forms.renderers.DjangoDivFormRenderer": "django.forms.renderers.DjangoTemplates",
  "django.forms.renderers.Jinja2DivFormRenderer": "django.forms.renderers.Jinja2",
};

export default defineRule({
  id: "django/settings-form-renderer-div",
  framework: "django",
  since: "5.0",
  summary: 'FORM_RENDERER = "…DjangoDivFormRenderer" / "…Jinja2DivFormRenderer" becomes "…DjangoTemplates" / "…Jinja2"',
  description:
    "The `DjangoDivFormRenderer` and `Jinja2DivFormRenderer` form renderers were transitional (Django 4.1): from Django 5.0 " +
    "the `DjangoTemplates` and `Jinja2` renderers render forms with the same `<div>` templates, and the Div classes are " +
    "deprecated (removed in 6.0). In settings files, a module-level `FORM_RENDERER` assigned one of the two paths as a plain " +
    "string literal gets the new path, quotes kept. Other values (custom renderers, computed paths) are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0",
  needles: ["DivFormRenderer"],
  precheck: (text) => text.includes("FORM_RENDERER"),
  files: "settings",
  create(ctx) {
    return {
      module() {
        for (const setting of settingAssignments(ctx, "FORM_RENDERER")) {
          const value = plainString(setting.value);
          const to = value === undefined ? undefined : RENAMES[value];
          if (to) ctx.fix(`FORM_RENDERER ${value} → ${to}`, [replaceStringContent(setting.value, to)]);
        }
      },
    };
  },
});
