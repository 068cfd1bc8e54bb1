// A setting that app code reads is not deleted: the settings rule asks the project view whether
// another Python file holds the name, and a result that rests on that answer is cached only while
// the reader is unchanged.
import { writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTree, read, removeTrees, runCli } from "./cli-helpers.js";

afterAll(removeTrees);

const SETTINGS = 'DEBUG = False\nFILE_CHARSET = "utf-8"\n';
const READER = "from django.conf import settings\n\n\ndef charset():\n    return settings.FILE_CHARSET\n";
const NOT_READER = "from django.conf import settings\n\n\ndef charset():\n    return settings.DEFAULT_CHARSET or 'utf-8'\n";

describe("settings that other files of the project read", () => {
  it("stay with a finding naming the reader, and go once nobody reads them, through the cache both ways", async () => {
    const root = makeTree({
      "manage.py": "",
      "proj/__init__.py": "",
      "proj/settings.py": SETTINGS,
      "app/__init__.py": "",
      "app/views.py": READER,
    });
    const args = ["-t", "django-3.1", "--check", "."];
    const first = await runCli(root, args);
    expect(first.stdout).toBe("");
    expect(first.stderr).toMatch(/proj\/settings\.py:2:1: warning: FILE_CHARSET .*left in place because app\/views\.py:5 reads it/);
    // Served from the cache the second time: the same finding.
    const second = await runCli(root, args);
    expect(second.stdout).toBe("");
    expect(second.stderr).toBe(first.stderr);

    // The reader stops reading it: the cached finding rested on that file, so the setting now goes.
    writeFileSync(path.join(root, "app/views.py"), NOT_READER);
    const freed = await runCli(root, args);
    expect(freed.stdout).toBe("proj/settings.py\n");
    expect(freed.stderr).not.toMatch(/FILE_CHARSET/);

    // A new file starts reading it: the deletion is not served from any cache.
    writeFileSync(path.join(root, "app/forms.py"), 'ENCODING = getattr(__import__("django.conf").conf.settings, "FILE_CHARSET")\n');
    const again = await runCli(root, args);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/left in place because app\/forms\.py:1 reads it/);

    // Written for real once nothing reads it; a second run changes nothing.
    rmSync(path.join(root, "app/forms.py"));
    await runCli(root, ["-t", "django-3.1", "."]);
    expect(read(root, "proj/settings.py")).toBe("DEBUG = False\n");
    const settled = await runCli(root, args);
    expect(settled.stdout).toBe("");
    expect(settled.stderr).not.toMatch(/FILE_CHARSET/);
  });
});

describe("a reader outside the settings module's import root", () => {
  it("counts when the run covers it: app code beside a test project", async () => {
    const root = makeTree({
      "testproject/manage.py": "",
      "testproject/testproject/__init__.py": "",
      "testproject/testproject/settings.py": "USE_I18N = True\nUSE_L10N = True\n",
      "src/wiki/__init__.py": "",
      "src/wiki/formats.py": "from django.conf import settings\n\nLOCALIZED = settings.USE_L10N\n",
    });
    const run = await runCli(root, ["-t", "django-5.0", "."]);
    expect(run.stderr).toMatch(/testproject\/testproject\/settings\.py:2:1: warning: USE_L10N .*left in place because src\/wiki\/formats\.py:3 reads it/);
    expect(read(root, "testproject/testproject/settings.py")).toBe("USE_I18N = True\nUSE_L10N = True\n");
  });
});
