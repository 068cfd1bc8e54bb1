// Template folders read from settings text: the literal shapes Django projects use, and the ones
// that cannot be known without running the settings (left out rather than guessed).
import { describe, expect, it } from "vitest";
import { templateDirsOf } from "../src/templates/settings-dirs.js";

const FILE = "/proj/site/settings.py";
const dirs = (text: string) => templateDirsOf(text, FILE);

describe("TEMPLATES DIRS from settings text", () => {
  it("resolves os.path, pathlib and chained names", () => {
    const text = [
      "import os",
      "PROJECT_APP_PATH = os.path.dirname(os.path.abspath(__file__))",
      "PROJECT_ROOT = BASE_DIR = os.path.dirname(PROJECT_APP_PATH)",
      "HERE = Path(__file__).resolve().parent",
      "TEMPLATES = [",
      "    {",
      '        "BACKEND": "django.template.backends.django.DjangoTemplates",',
      '        "DIRS": [os.path.join(PROJECT_ROOT, "templates"), BASE_DIR / "theme" / "html",  # the theme',
      '                 str(HERE.parents[0] / "mail"), "/srv/shared/templates", (HERE / "x")],',
      "    },",
      "]",
    ].join("\n");
    expect(dirs(text)).toEqual({
      django: ["/proj/templates", "/proj/theme/html", "/proj/mail", "/srv/shared/templates", "/proj/site/x"],
      jinja: [],
    });
  });

  it("keeps the DIRS of a Jinja2 backend apart, and reads TEMPLATE_DIRS", () => {
    const text = [
      "BASE_DIR = Path(__file__).resolve().parent.parent",
      "TEMPLATES = [{'BACKEND': 'django.template.backends.jinja2.Jinja2', 'DIRS': [BASE_DIR / 'jinja']},",
      "             {'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': []}]",
      "TEMPLATE_DIRS = (os.path.join(BASE_DIR, 'old'),)",
    ].join("\n");
    expect(dirs(text)).toEqual({ django: ["/proj/old"], jinja: ["/proj/jinja"] });
  });

  it("leaves out what only running the settings would tell", () => {
    const text = [
      "BASE_DIR = env('BASE_DIR')",
      "ROOT = compute()",
      "ROOT = other()",
      "TEMPLATES = [{'DIRS': [BASE_DIR / 'a', ROOT, 'relative/templates', f'{BASE_DIR}/b', *extra]}]",
    ].join("\n");
    expect(dirs(text)).toEqual({ django: [], jinja: [] });
  });
});
