// The project view: which file an import names, and what a star import of it binds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../src/engine/parser.js";
import type { StarNames } from "../src/engine/project.js";
import { ProjectView, projectRoots } from "../src/project-view.js";

let root: string;

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

const names = (star: StarNames) => ("names" in star ? [...star.names.keys()].sort() : star);
const view = (roots: string[] = []) => new ProjectView({ cwd: root, roots });

beforeAll(async () => {
  await loadParser();
  root = mkdtempSync(path.join(os.tmpdir(), "pycodemod-view-"));
  write({
    "site/manage.py": "",
    "site/proj/__init__.py": "",
    "site/proj/settings/__init__.py": "",
    "site/proj/settings/base.py": "DEBUG = False\nSTATICFILES_STORAGE = 'x'\n_private = 1\nfrom django.db import models\n",
    "site/proj/settings/dev.py": "from .base import *\nDEBUG = True\n",
    "site/proj/app/__init__.py": "",
    "site/proj/app/choices.py": "__all__ = ['A', 'B']\nA = 1\nB = 2\nC = 3\n",
    "site/proj/app/computed.py": "__all__ = ['A'] + ['B']\n",
    "site/proj/app/extended.py": "__all__ = ['A']\n__all__ += ['B']\nA = B = 1\n",
    "site/proj/app/cycle_a.py": "from .cycle_b import *\nA_NAME = 1\n",
    "site/proj/app/cycle_b.py": "from .cycle_a import *\nB_NAME = 1\n",
    "site/proj/app/third.py": "from rest_framework.fields import *\nX = 1\n",
    "site/proj/app/blocks.py": "try:\n    import json\nexcept ImportError:\n    json = None\nif True:\n    def f(): pass\nfor i in []:\n    pass\nwith open(p) as fh:\n    pass\nclass K:\n    inner = 1\ndef g():\n    local = 1\n",
    "site/proj/app/broken.py": "def (:\n",
    "site/proj/dj/django_star.py": "from django.utils.encoding import *\nfrom django.shortcuts import *\n",
    "site/proj/dj/django_star_own.py": "from django.utils.encoding import *\nforce_text = str\n",
    "site/proj/dj/django_star_all.py": "from django.utils.encoding import *\n__all__ = ['force_str', 'force_text']\n",
    "site/proj/dj/django_unknown.py": "from django.contrib.gis.db.models import *\n",
    "site/proj/app/models.py": "",
    "src/lib/__init__.py": "",
    "src/lib/util.py": "def helper(): pass\n",
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("project view: resolving modules", () => {
  it("relative imports resolve from the importing file's package", () => {
    const v = view();
    expect(v.module("site/proj/settings/dev.py", ".base")?.filename).toBe("site/proj/settings/base.py");
    expect(v.module("site/proj/settings/dev.py", "..app.choices")?.filename).toBe("site/proj/app/choices.py");
    expect(v.module("site/proj/settings/dev.py", ".")?.filename).toBe("site/proj/settings/__init__.py");
    expect(v.module("site/proj/settings/dev.py", "..")?.filename).toBe("site/proj/__init__.py");
  });

  it("absolute imports resolve against the folder above the package, src/, and manage.py folders", () => {
    expect(view().module("site/proj/settings/dev.py", "proj.app.choices")?.filename).toBe("site/proj/app/choices.py");
    expect(view().module("site/proj/settings/dev.py", "lib.util")?.filename).toBe("src/lib/util.py");
    const roots = projectRoots([{ absolute: path.join(root, "site/manage.py") }]);
    expect(roots).toEqual([path.join(root, "site")]);
    // From a file outside the package, only the manage.py folder finds `proj`.
    expect(view().module("tools/run.py", "proj.app")).toBeUndefined();
    expect(view(roots).module("tools/run.py", "proj.app")?.filename).toBe("site/proj/app/__init__.py");
  });

  it("missing modules and third-party modules are undefined", () => {
    expect(view().module("site/proj/app/models.py", ".nothing")).toBeUndefined();
    expect(view().module("site/proj/app/models.py", "django.db.models")).toBeUndefined();
    expect(names(view().starNames("site/proj/app/models.py", "rest_framework.fields"))).toEqual({ unknown: "rest_framework.fields is not a module of this project" });
  });
});

describe("project view: what a star import binds", () => {
  it("a literal __all__ decides", () => {
    expect(names(view().starNames("site/proj/app/models.py", ".choices"))).toEqual(["A", "B"]);
  });

  it("without __all__: public top-level names, imports included with what they stand for", () => {
    const star = view().starNames("site/proj/settings/dev.py", ".base");
    expect(names(star)).toEqual(["DEBUG", "STATICFILES_STORAGE", "models"]);
    expect("names" in star && star.names.get("models")).toBe("django.db.models");
    expect(names(view().starNames("site/proj/app/models.py", ".blocks"))).toEqual(["K", "f", "fh", "g", "i", "json"]);
  });

  it("a package without __all__ also binds its submodules (imported anywhere, they become attributes)", () => {
    expect(names(view().starNames("site/proj/settings/dev.py", "..app"))).toEqual([
      "blocks", "broken", "choices", "computed", "cycle_a", "cycle_b", "extended", "models", "third",
    ]);
  });

  it("follows star imports of the module", () => {
    expect(names(view().starNames("site/proj/app/models.py", "proj.settings.dev"))).toEqual(["DEBUG", "STATICFILES_STORAGE", "models"]);
  });

  it("is cycle-safe and keeps both modules' names", () => {
    expect(names(view().starNames("site/proj/app/models.py", ".cycle_a"))).toEqual(["A_NAME", "B_NAME"]);
    expect(names(view().starNames("site/proj/app/models.py", ".cycle_b"))).toEqual(["A_NAME", "B_NAME"]);
  });

  it("a computed __all__, a third-party star import inside, or a file that does not parse: unknown, saying why", () => {
    expect(names(view().starNames("site/proj/app/models.py", ".computed"))).toEqual({ unknown: "site/proj/app/computed.py builds __all__ at run time" });
    expect(names(view().starNames("site/proj/app/models.py", ".extended"))).toEqual({ unknown: "site/proj/app/extended.py builds __all__ at run time" });
    expect(names(view().starNames("site/proj/app/models.py", ".third"))).toEqual({
      unknown: "site/proj/app/third.py has `from rest_framework.fields import *`, which is not a module of this project",
    });
    expect(names(view().starNames("site/proj/app/models.py", ".broken"))).toEqual({ unknown: "site/proj/app/broken.py does not parse" });
  });

  it("a star import of a Django module follows the generated table: agreed names bound as that module's, disputed ones maybe", () => {
    const star = view().starNames("site/proj/dj/x.py", ".django_star");
    if (!("names" in star)) throw new Error(`unknown: ${star.unknown}`);
    expect(star.names.get("force_str")).toBe("django.utils.encoding.force_str");
    expect(star.names.get("render")).toBe("django.shortcuts.render");
    // Django 3.2 exported force_text, later releases do not: never guessed either way.
    expect(star.names.has("force_text")).toBe(false);
    expect(star.maybe?.has("force_text")).toBe(true);
    expect(star.names.has("urlquote") || star.maybe?.has("urlquote")).toBe(false);
  });

  it("a disputed name the module binds itself is bound; one its __all__ lists stays maybe", () => {
    const own = view().starNames("site/proj/dj/x.py", ".django_star_own");
    expect("names" in own && own.names.has("force_text") && !own.maybe?.has("force_text")).toBe(true);
    const listed = view().starNames("site/proj/dj/x.py", ".django_star_all");
    if (!("names" in listed)) throw new Error(`unknown: ${listed.unknown}`);
    expect([...listed.names.keys()]).toEqual(["force_str"]);
    expect([...(listed.maybe ?? [])]).toEqual(["force_text"]);
  });

  it("a Django module the table left out (it could not be imported) stays unknown", () => {
    expect(names(view().starNames("site/proj/dj/x.py", ".django_unknown"))).toEqual({
      unknown: "site/proj/dj/django_unknown.py has `from django.contrib.gis.db.models import *`, which is not a module of this project",
    });
  });

  it("reads each module once per view", () => {
    const v = view();
    const first = v.module("site/proj/settings/dev.py", ".base");
    expect(v.module("site/proj/app/models.py", "proj.settings.base")).toBe(first);
  });
});

describe("who imports what from a project module (ProjectView.importedFrom)", () => {
  let tree: string;
  const at = (rel: string) => path.join(tree, rel);
  beforeAll(() => {
    tree = mkdtempSync(path.join(os.tmpdir(), "pycodemod-importers-"));
    const files: Record<string, string> = {
      "app/__init__.py": "",
      "app/compat.py": "__all__ = ['installed']\nfrom django.utils.encoding import force_text, smart_text\nfrom django.utils import six\n",
      "app/models.py": "from django.utils.encoding import force_text\n",
      "app/loose.py": "from django.utils.encoding import force_text, smart_text\n_hidden = 1\n",
      "app/consumer.py": "from app.pkg import force_text\n",
      "app/helpers.py": "from django.utils.encoding import force_text\n",
      "app/star_user.py": "from app.helpers import *\n\nx = force_text(1)\n",
      "app/users.py": "from app.compat import (  # the old helpers\n    force_text,\n)\n",
      "app/views.py": "from . import compat\nx = compat.six\n",
      "app/pkg/__init__.py": "from ..loose import *\n",
      "app/strings.py": "TEXT = 'from app.models import force_text'\n",
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(at(rel)), { recursive: true });
      writeFileSync(at(rel), text);
    }
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it("finds a name imported by name (parenthesized, with a comment), relative and absolute", () => {
    const v = new ProjectView({ cwd: tree, roots: [] });
    expect(v.importedFrom("app/compat.py", "force_text", true)).toBe("app/users.py:1");
    expect(v.importedFrom("app/compat.py", "smart_text", true)).toBeUndefined();
  });

  it("finds an attribute read on the imported module, and names star imports use or pass on", () => {
    const v = new ProjectView({ cwd: tree, roots: [] });
    expect(v.importedFrom("app/compat.py", "six", true)).toBe("app/views.py:1");
    expect(v.importedFrom("app/helpers.py", "force_text", false)).toBe("app/star_user.py:1");
    // A package's __init__ gathers loose's names: what a module imports from the package counts.
    expect(v.importedFrom("app/loose.py", "force_text", false)).toBe("app/consumer.py:1 (through app/pkg/__init__.py:1)");
    expect(v.importedFrom("app/loose.py", "smart_text", false)).toBeUndefined();
    // A private name does not travel through a star import; with __all__ the caller decides.
    expect(v.importedFrom("app/loose.py", "_hidden", false)).toBeUndefined();
    expect(v.importedFrom("app/helpers.py", "force_text", true)).toBeUndefined();
  });

  it("answers undefined for a module nobody imports; an answer naming an importer depends on that importer", () => {
    const v = new ProjectView({ cwd: tree, roots: [] });
    const consulted = v.track();
    expect(v.importedFrom("app/models.py", "force_text", false)).toBeUndefined();
    expect([...consulted]).toEqual([]);
    expect(v.importedFrom("app/compat.py", "force_text", true)).toBe("app/users.py:1");
    expect([...consulted]).toEqual([path.join(tree, "app/users.py")]);
  });
});
