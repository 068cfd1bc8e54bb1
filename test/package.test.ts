// The package as users get it: `npm pack` ships only what runs, the packed tarball installs into
// a fresh project and rewrites there, and the repository works as a pre-commit hook repository
// under the real pre-commit (which installs it with npm, as it does for any `language: node` hook).
// These are the slow tests (npm installs): few, and each in its own temp folder.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeTree, read, removeTrees, REPO } from "./cli-helpers.js";

// npm installs on a shared machine: minutes in the worst case, seconds normally; removing the
// installed trees afterwards took over the default 10 s hook timeout on a loaded machine.
afterAll(removeTrees, 120_000);
vi.setConfig({ testTimeout: 300_000 });

const LEGACY = "from django.utils.encoding import force_text\n\nx = force_text(1)\n";
const FIXED = "from django.utils.encoding import force_str\n\nx = force_str(1)\n";
const VERSION = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;
/** npm settings for installs in tests: use the local cache first, no audit or funding chatter. */
const NPM_ENV = { ...process.env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = NPM_ENV) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 240_000 });
  if (result.error) throw result.error;
  return result;
}

describe("npm package", () => {
  it("npm pack ships the launcher, the built code and the README, nothing else", () => {
    const [pack] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: REPO, env: NPM_ENV, encoding: "utf8" })) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    for (const needed of ["bin/pycodemod.js", "bin/package.json", "dist/bundle/pycodemod.js", "dist/bundle/launch.js", "dist/bundle/worker.js", "dist/bundle/package.json", "dist/src/index.js", "dist/src/index.d.ts", "dist/rule-examples.json", "README.md", "package.json"]) {
      expect(files).toContain(needed);
    }
    const unwanted = files.filter((f) => /^(src|test|fixtures|bench|examples|codemods|docs|node_modules)\/|\.map$|\.cache$|\.ts$(?<!\.d\.ts)/.test(f));
    expect(unwanted).toEqual([]);
  });

  it("the packed tarball installs into a fresh project: npx pycodemod --version and a real rewrite", () => {
    const root = makeTree({ "proj/package.json": '{ "name": "proj", "version": "1.0.0", "private": true }\n', "proj/requirements.txt": "Django>=3.2\n", "proj/app/views.py": LEGACY });
    const pack = run("npm", ["pack", "--pack-destination", root], REPO);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = path.join(root, pack.stdout.trim().split("\n").pop()!);
    const project = path.join(root, "proj");
    const install = run("npm", ["install", tarball], project);
    expect(install.status, install.stderr).toBe(0);
    const version = run("npx", ["--no-install", "pycodemod", "--version"], project);
    expect(version.stdout.trim()).toBe(VERSION);
    const rewrite = run("npx", ["--no-install", "pycodemod", "app"], project);
    expect(rewrite.status, rewrite.stderr).toBe(1);
    expect(rewrite.stderr).toContain("target for .: django-3.2 (from Django>=3.2 in requirements.txt)");
    expect(read(project, "app/views.py")).toBe(FIXED);
  });
});

const preCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const hasPreCommit = !preCommit.error && preCommit.status === 0;
if (!hasPreCommit) console.warn("SKIPPED: the pre-commit hook test needs pre-commit (Debian package pre-commit; .ci/run installs it)");

describe("pre-commit hook", () => {
  /** A one-commit git repository holding this checkout's files as they are now (tracked or new). */
  function hookRepository(into: string): string {
    const files = execFileSync("git", ["ls-files", "-z", "-co", "--exclude-standard"], { cwd: REPO, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const file of files) {
      if (/^(bench|examples|fixtures|test|docs)\//.test(file)) continue; // not needed to build or run
      mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
      try {
        cpSync(path.join(REPO, file), path.join(into, file));
      } catch {
        // deleted in the work tree but still tracked
      }
    }
    git(into, "init", "-q");
    git(into, "add", "-A");
    git(into, "commit", "-qm", "snapshot");
    return git(into, "rev-parse", "HEAD").trim();
  }
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });

  it.skipIf(!hasPreCommit)(`pycodemod and pycodemod-diff hooks under the real pre-commit${hasPreCommit ? ` (${preCommit.stdout.trim()})` : " [SKIPPED: pre-commit not installed]"}`, () => {
    const root = makeTree();
    const hooks = path.join(root, "hooks");
    const rev = hookRepository(hooks);
    const project = path.join(root, "project");
    mkdirSync(project);
    git(project, "init", "-q");
    writeFileSync(path.join(project, ".pre-commit-config.yaml"), [
      "repos:",
      `  - repo: ${hooks}`,
      `    rev: ${rev}`,
      "    hooks:",
      "      - id: pycodemod-diff",
      "      - id: pycodemod",
      "        args: [--target, django-5.0]",
      "",
    ].join("\n"));
    writeFileSync(path.join(project, "requirements.txt"), "Django>=4.2\n");
    mkdirSync(path.join(project, "app"));
    writeFileSync(path.join(project, "app", "views.py"), LEGACY);
    writeFileSync(path.join(project, "app", "clean.py"), "x = 1\n");
    // Templates are staged files too: the hooks pass them, as a run over the folder would take them.
    mkdirSync(path.join(project, "app", "templates"));
    writeFileSync(path.join(project, "app", "templates", "page.html"), "{% load staticfiles %}\n");
    writeFileSync(path.join(project, "app", "notes.md"), "{% load staticfiles %}\n");
    git(project, "add", "-A");
    const env = { ...NPM_ENV, PRE_COMMIT_HOME: path.join(root, "pre-commit-home"), PRE_COMMIT_COLOR: "never" };
    const first = run("pre-commit", ["run", "--all-files"], project, env);
    expect(first.status, first.stdout + first.stderr).toBe(1);
    // The diff hook (auto target from requirements.txt) shows the change and fails; the rewrite hook fixes it.
    expect(first.stdout).toMatch(/pycodemod \(diff only\)\.+Failed/);
    expect(first.stdout).toContain("+from django.utils.encoding import force_str");
    expect(first.stdout).toMatch(/pycodemod\.+Failed[\s\S]*files were modified by this hook/);
    expect(read(project, "app/views.py")).toBe(FIXED);
    expect(read(project, "app/clean.py")).toBe("x = 1\n");
    expect(read(project, "app/templates/page.html")).toBe("{% load static %}\n");
    expect(read(project, "app/notes.md")).toBe("{% load staticfiles %}\n");
    const second = run("pre-commit", ["run", "--all-files"], project, env);
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/pycodemod \(diff only\)\.+Passed/);
  });
});
