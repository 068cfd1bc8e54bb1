// django/forms-urlfield-assume-scheme: Django 5.0 deprecated forms.URLField's "http" default for
// scheme-less input; Django 6.0 assumes "https". Form fields built in code get
// `assume_scheme="http"`, which keeps what users' input turns into. A model URLField gets its form
// field from Django (ModelForm, admin), where no argument can be added in place: those are
// reported with what to do. Only for 5.x targets; from 6.0 on https is the established default.
import { callArgs, callsTo, insertArgument } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";
import { quotedAt } from "../../src/engine/helpers/string-quotes.js";

const FORM_FIELDS = ["django.forms.URLField", "django.forms.fields.URLField", "django.contrib.gis.forms.URLField"];
const MODEL_FIELDS = ["django.db.models.URLField", "django.db.models.fields.URLField", "django.contrib.gis.db.models.URLField"];
const DOCS = "https://docs.djangoproject.com/en/stable/releases/5.0/#features-deprecated-in-5-0";

export default defineRule({
  id: "django/forms-urlfield-assume-scheme",
  framework: "django",
  since: "5.0",
  until: "6.0",
  summary: 'forms.URLField() gets assume_scheme="http"; model URLFields are reported',
  description:
    "Django 5.0 deprecated the `http` default that `forms.URLField` adds to input without a scheme; Django 6.0 uses " +
    "`https`. Calls of Django's form `URLField` (however imported) without `assume_scheme` and without `**kwargs` get " +
    "`assume_scheme=\"http\"`, the old behavior (change it to \"https\" when that is what you want). A model " +
    "`URLField` in a models file has its form field built by Django (ModelForm, admin) without `assume_scheme`: it is " +
    "reported, to be handled with `formfield_overrides`, a form field declared on the ModelForm, or " +
    "`FORMS_URLFIELD_ASSUME_HTTPS = True` during 5.x. Only for 5.x targets: from 6.0 on https is the established " +
    "default. Migrations are left alone.",
  docs: DOCS,
  needles: ["URLField"],
  create(ctx) {
    // From 6.0 on https is the established default and code aimed at it may rely on it: the old
    // behavior is only pinned while the target is inside the deprecation window (5.x).
    if (ctx.roles.has("migrations")) return {};
    return {
      module() {
        for (const found of callsTo(ctx.facts, FORM_FIELDS)) {
          const args = callArgs(found.call);
          if (!args || args.dictSplat || args.keywords.has("assume_scheme")) continue;
          const http = quotedAt(found.call, "http");
          if (!http) continue;
          ctx.fix('assume_scheme="http" made explicit', insertArgument(ctx.source, args, args.args.length, `assume_scheme=${http}`, ctx.newline));
        }
        if (!ctx.roles.has("models")) return;
        for (const found of callsTo(ctx.facts, MODEL_FIELDS)) {
          ctx.report(
            found.call,
            "the form field Django builds for this model URLField (ModelForm, admin) assumes https for input without a " +
              "scheme from Django 6.0 and warns on 5.x: pass assume_scheme through formfield_overrides or a form field " +
              `declared on the ModelForm, or set FORMS_URLFIELD_ASSUME_HTTPS = True while on 5.x; see ${DOCS}`,
          );
        }
      },
    };
  },
});
