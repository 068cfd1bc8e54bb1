// Flask file roles come from content: app factories and config modules live anywhere.
import { describe, expect, it } from "vitest";
import { fileRoles } from "../src/roles.js";

describe("Flask roles from content", () => {
  it("a module defining create_app, or calling Flask(__name__), is an app factory", () => {
    expect(fileRoles("shelf/__init__.py", "from flask import Flask\n\ndef create_app(config=None):\n    app = Flask(__name__)\n")).toContain("flask-app");
    expect(fileRoles("wsgi.py", "import flask\napp = flask.Flask(__name__)\n")).toContain("flask-app");
    expect(fileRoles("main.py", "from flask import Flask\napp = Flask(import_name=__name__)\n")).toContain("flask-app");
  });

  it("a module that only uses Flask is not an app factory", () => {
    expect(fileRoles("views.py", "from flask import request\n\ndef index():\n    return request.path\n")).not.toContain("flask-app");
    expect(fileRoles("notes.py", "# call Flask(__name__) in create_app\n")).not.toContain("flask-app");
  });

  it("config modules are found by Flask keys in a config-like path or a *Config class", () => {
    expect(fileRoles("config.py", "SQLALCHEMY_DATABASE_URI = 'sqlite://'\nDEBUG = False\n")).toContain("flask-config");
    expect(fileRoles("app/settings.py", "JSON_SORT_KEYS = False\n")).toContain("flask-config");
    expect(fileRoles("instance/prod.py", "class ProductionConfig(object):\n    PREFERRED_URL_SCHEME = 'https'\n")).toContain("flask-config");
  });

  it("a Django settings file or a module with no Flask key is not a Flask config module", () => {
    expect(fileRoles("proj/settings.py", "from django.conf import global_settings\nSERVER_NAME = 'x'\nDEBUG = True\n")).not.toContain("flask-config");
    expect(fileRoles("config.py", "DEBUG = True\nSECRET_KEY = 'x'\n")).not.toContain("flask-config");
    expect(fileRoles("models.py", "SQLALCHEMY_DATABASE_URI = 'x'\n")).not.toContain("flask-config");
  });

  it("without the text, roles come from the path alone", () => {
    expect([...fileRoles("config.py")]).toEqual([]);
    expect(fileRoles("app/settings.py")).toContain("settings");
  });
});
