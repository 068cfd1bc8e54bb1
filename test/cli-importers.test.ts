// A module-level import that other modules of the project import from here keeps its name: the
// rename leaves an alias, and a removal with no replacement becomes a finding naming the importer.
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, read, removeTrees, runCli } from "./cli-helpers.js";

afterAll(removeTrees);

describe("names other modules import from a rewritten module", () => {
  it("stay importable: an alias for a renamed name, a finding for a removed one, a rename where nobody imports it", async () => {
    const root = makeTree({
      "app/__init__.py": "",
      "app/compat.py": '__all__ = ["x"]\nfrom django.utils.encoding import force_text, python_2_unicode_compatible, smart_text\nx = 1\n',
      "app/models.py": "from app.compat import force_text, python_2_unicode_compatible\n",
      "conf/__init__.py": "",
      "conf/base.py": "from django.utils.encoding import force_text\n\nDEBUG = True\n",
      "conf/dev.py": "from .base import *\n\nx = force_text(1)\n",
      "conf/quiet.py": "from django.utils.encoding import force_text\n",
      "conf/gather.py": "from .quiet import *\n",
    });
    const run = await runCli(root, ["-t", "django-5.0", "."]);
    expect(run.status, run.stderr).toBe(1);
    expect(read(root, "app/compat.py")).toBe(
      '__all__ = ["x"]\nfrom django.utils.encoding import force_str as force_text, python_2_unicode_compatible, smart_str\nx = 1\n',
    );
    expect(run.stderr).toMatch(/app\/compat\.py:2:\d+: warning: python_2_unicode_compatible .*left alone because app\/models\.py:1 imports it from this module/);
    // dev.py reads force_text through its star import of base.
    expect(read(root, "conf/base.py")).toBe("from django.utils.encoding import force_str as force_text\n\nDEBUG = True\n");
    // gather.py star-imports quiet.py but uses none of its names, and nothing imports from gather.
    expect(read(root, "conf/quiet.py")).toBe("from django.utils.encoding import force_str\n");
  });
});
