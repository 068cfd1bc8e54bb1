// End to end for dotenv files (`.flaskenv`, `.env`): discovery (hidden files taken by name, a
// `.env` folder left alone, .gitignore honoured, a file named alone), the modes and exit codes,
// json, the cache, and a second run. Needs a built dist/ (npm test builds first).
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, makeTree, read, removeTrees, runCli, snapshot } from "./cli-helpers.js";

const F30 = ["--target", "flask-3.0"];

function project(): string {
  return makeTree({
    ".flaskenv": "FLASK_APP=app:create_app\nFLASK_ENV=development  # local runs\n",
    "app.py": "from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n",
    ".env/pyvenv.cfg": "home = /usr/bin\n",
    ".env/lib/.flaskenv": "FLASK_ENV=development\n",
    "deploy/.env": "FLASK_ENV=production\n",
    "secret/.env": "FLASK_ENV=development\n",
    "other/.envrc": "FLASK_ENV=development\n",
    ".gitignore": "secret/\n",
  });
}

afterAll(removeTrees);

describe.concurrent("dotenv files on the command line", () => {
  it("rewrites .flaskenv and .env, leaves a .env folder, other hidden files and ignored ones alone", async () => {
    const root = project();
    const before = snapshot(root);
    const result = await runCli(root, [".", ...F30]);
    expect(result.status, result.stderr).toBe(1);
    expect(changedFiles(before, snapshot(root))).toEqual([".flaskenv", "deploy/.env"]);
    expect(read(root, ".flaskenv")).toBe("FLASK_APP=app:create_app\nFLASK_DEBUG=1  # local runs\n");
    expect(read(root, "deploy/.env")).toBe("FLASK_DEBUG=0\n");
    expect(result.stderr).toMatch(/\.flaskenv:2: fixed: FLASK_ENV=development → FLASK_DEBUG=1 \[dotenv\/flask-env\]/);
    // The rewritten files are final: the cache keeps them, so a second run need not read them.
    const cacheFile = readdirSync(path.join(root, ".pycodemod_cache")).find((name) => name.startsWith("results-"))!;
    const entries = JSON.parse(read(root, `.pycodemod_cache/${cacheFile}`)).entries;
    expect(Object.keys(entries)).toEqual(expect.arrayContaining([".flaskenv", "deploy/.env"]));
    const again = await runCli(root, [".", ...F30]);
    expect(again.status, again.stderr).toBe(0);
    expect(changedFiles(before, snapshot(root))).toEqual([".flaskenv", "deploy/.env"]);
  });

  it("--diff and --check write nothing; json names the file kind", async () => {
    const root = project();
    const before = snapshot(root);
    const diff = await runCli(root, [".", "--diff", ...F30]);
    expect(diff.status).toBe(1);
    expect(diff.stdout).toContain("--- a/.flaskenv\n+++ b/.flaskenv\n");
    expect(diff.stdout).toContain("-FLASK_ENV=development  # local runs\n+FLASK_DEBUG=1  # local runs\n");
    const check = await runCli(root, [".", "--check", ...F30]);
    expect(check.stdout.split("\n").filter(Boolean).sort()).toEqual([".flaskenv", "deploy/.env"]);
    const json = JSON.parse((await runCli(root, [".", "--check", "--format", "json", ...F30])).stdout);
    expect(json.files.find((f: { path: string }) => f.path === ".flaskenv")).toMatchObject({ kind: "dotenv", status: "changed" });
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("only runs for a Flask target that reaches 2.2, and --ignore turns the rule off", async () => {
    const root = project();
    const before = snapshot(root);
    for (const args of [["--target", "flask-2.1"], ["--target", "django-4.2"], [...F30, "--ignore", "dotenv/flask-env"]]) {
      const result = await runCli(root, [".", "--check", ...args]);
      expect(result.stdout, args.join(" ")).not.toMatch(/env/);
    }
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("a file named alone is taken; code that reads FLASK_ENV turns the rewrite into a warning", async () => {
    const root = project();
    const named = await runCli(root, ["secret/.env", "--check", ...F30]);
    expect(named.stdout).toBe("secret/.env\n");
    const withReader = makeTree({
      ".flaskenv": "FLASK_ENV=development\n",
      "config.py": 'import os\nCONFIG = os.environ.get("FLASK_ENV", "production")\n',
    });
    const before = snapshot(withReader);
    const result = await runCli(withReader, [".", ...F30]);
    expect(changedFiles(before, snapshot(withReader))).toEqual([]);
    expect(result.stderr).toMatch(/\.flaskenv:1:1: warning: Flask 2\.3 ignores FLASK_ENV, but config\.py reads it too/);
  });

  it("per-path-ignores apply to dotenv files", async () => {
    const root = makeTree({
      "pyproject.toml": '[tool.pycodemod]\ntarget = "flask-3.0"\n\n[tool.pycodemod.per-path-ignores]\n"deploy/**" = ["dotenv/flask-env"]\n',
      ".flaskenv": "FLASK_ENV=development\n",
      "deploy/.flaskenv": "FLASK_ENV=production\n",
      "app.py": "from flask import Flask\napp = Flask(__name__)\n",
    });
    const result = await runCli(root, [".", "--check"]);
    expect(result.stdout, result.stderr).toBe(".flaskenv\n");
  });

  it("--list-rules shows the dotenv rule for a Flask target", async () => {
    const result = await runCli(makeTree(), ["--list-rules", ...F30]);
    expect(result.stdout).toMatch(/^dotenv\/flask-env\tflask-2\.2\tfix\t/m);
  });
});
