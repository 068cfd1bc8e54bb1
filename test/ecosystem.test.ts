// End to end through the real CLI: project config, --target auto, machine formats (json, SARIF,
// GitHub annotations), "did you mean", completion, --verbose/--quiet, progress on a terminal,
// --explain examples and plugins (with `pycodemod test-fixtures`).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, changedFiles, makeTree, read, removeTrees, runCli, snapshot } from "./cli-helpers.js";

afterAll(removeTrees);

const LEGACY = "from django.utils.encoding import force_text\n\nx = force_text(1)\n";
const FIXED = "from django.utils.encoding import force_str\n\nx = force_str(1)\n";
/** Rewritten from django-2.0 on (django/url-to-path); left alone below. */
const URLS = "from django.conf.urls import url\n\nurlpatterns = [url(r'^about/$', view)]\n";

describe.concurrent("config: [tool.pycodemod] and pycodemod.toml", () => {
  it("pyproject.toml sets target, ignore and per-path-ignores; a subfolder finds it; CLI flags win", async () => {
    const root = makeTree({
      "pyproject.toml": [
        "[project]", 'name = "x"', "",
        "[tool.pycodemod]", 'target = "django-4.2"', 'exclude = ["legacy_vendor/"]',
        "", "[tool.pycodemod.per-path-ignores]", '"keep/*.py" = ["django/utils-encoding"]', "",
      ].join("\n"),
      "app/views.py": LEGACY,
      "keep/old.py": LEGACY,
      "legacy_vendor/lib.py": LEGACY,
    });
    const run = await runCli(path.join(root, "app"), ["--check", "."]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe("views.py\n");
    const all = await runCli(root, ["--check", "."]);
    expect(all.stdout.trim().split("\n").sort()).toEqual(["app/views.py"]);
    // The config exclude also applies to files named explicitly (pre-commit passes every file).
    const named = await runCli(root, ["--check", "legacy_vendor/lib.py", "keep/old.py"]);
    expect(named.status, named.stderr).toBe(0);
    // Flags override: --ignore replaces the config's choice; a target below 3.0 turns the rule off.
    const flags = await runCli(root, ["--check", "--target", "django-2.2", "app/views.py"]);
    expect(flags.status, flags.stderr).toBe(0);
  });

  it("per-path-ignores apply to templates too, in a folder run and on stdin", async () => {
    const page = "{% load staticfiles %}\n";
    const root = makeTree({
      "pycodemod.toml": 'target = "django-4.2"\n\n[per-path-ignores]\n"legacy/**" = ["templates/load-staticfiles"]\n',
      "app/templates/page.html": page,
      "legacy/templates/page.html": page,
    });
    const run = await runCli(root, ["--check", "."]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe("app/templates/page.html\n");
    const ignored = await runCli(root, ["--diff", "--stdin-filename", "legacy/templates/page.html", "-"], page);
    expect(ignored.status, ignored.stderr).toBe(0);
    const taken = await runCli(root, ["--diff", "--stdin-filename", "app/templates/page.html", "-"], page);
    expect(taken.status, taken.stderr).toBe(1);
  });

  it("pycodemod.toml with a target list and select", async () => {
    const root = makeTree({
      "pycodemod.toml": 'target = ["django-5.0"]\nselect = ["utils_encoding"]\n',
      "a.py": LEGACY + URLS.replace("from django.conf.urls import url\n\n", "from django.conf.urls import url\n"),
    });
    const run = await runCli(root, ["."]);
    expect(run.status, run.stderr).toBe(1);
    const text = read(root, "a.py");
    expect(text).toContain("force_str");
    expect(text).toContain("url(r'^about/$'"); // not selected
  });

  it.each([
    ['targte = "django-4.2"', /pycodemod\.toml: "targte": unknown key \(did you mean target\?\) \(valid keys: target, select/],
    ['target = "django-4.9"', /target: unknown target "django-4\.9".*valid: auto, django-1\.7/],
    ["target = 42", /target: must be a string or a list of strings/],
    ['select = ["utils_encodin"]', /pycodemod\.toml: select: unknown rule "utils_encodin" \(did you mean utils_encoding\?\)/],
    ['[per-path-ignores]\n"tests/*" = ["no/such-rule"]', /per-path-ignores "tests\/\*": unknown rule "no\/such-rule"/],
    ["target = [", /not valid TOML/],
  ])("bad config %s → exit 2 naming file, key and choices", async (config, message) => {
    const root = makeTree({ "pycodemod.toml": `${config}\n`, "a.py": LEGACY });
    const before = snapshot(root);
    const run = await runCli(root, ["."]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

describe.concurrent("--target auto", () => {
  it("is the default: requirements files (following -r/-c), per sub-project, said on stderr", async () => {
    const root = makeTree({
      ".git/HEAD": "ref: refs/heads/main\n",
      "requirements.txt": "-r requirements/base.txt\n-c constraints.txt\n",
      "requirements/base.txt": "Django>=1.11  # LTS\ncelery\n",
      "constraints.txt": "django>=1.11.29,<2.1\n",
      "site/urls.py": URLS,
      "services/new/pyproject.toml": '[project]\nname = "new"\ndependencies = ["django[argon2]~=4.2.1", "requests"]\n',
      "services/new/urls.py": URLS,
      "services/new/views.py": LEGACY,
    });
    const run = await runCli(root, ["--check", "."]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.trim().split("\n").sort()).toEqual(["services/new/urls.py", "services/new/views.py"]);
    expect(run.stderr).toContain("target for .: django-1.11 (from Django>=1.11 in requirements/base.txt, django>=1.11.29,<2.1 in constraints.txt)");
    expect(run.stderr).toContain("target for services/new: django-4.2 (from django[argon2]~=4.2.1 in services/new/pyproject.toml)");
    // An explicit target wins over detection.
    const explicit = await runCli(root, ["--check", "--target", "django-2.0", "site/urls.py"]);
    expect(explicit.status, explicit.stderr).toBe(1);
    expect(explicit.stderr).not.toContain("target for");
  });

  it.each([
    ["Poetry", { "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\nDjango = "^3.2"\n' }, "django-3.2"],
    ["PDM / PEP 621", { "pyproject.toml": '[project]\ndependencies = ["Django>=4.0,<5", "django-extensions"]\n' }, "django-4.0"],
    ["setup.cfg", { "setup.cfg": "[metadata]\nname = x\n\n[options]\ninstall_requires =\n    requests\n    Django >= 3.1, < 4\n" }, "django-3.1"],
    ["setup.py literal", { "setup.py": "from setuptools import setup\nsetup(name='x', install_requires=['Django>=2.2.5', 'six'])\n" }, "django-2.2"],
    ["setup.py named list", { "setup.py": "REQS = [\n    'django>=3.0',\n]\nsetup(install_requires=REQS)\n" }, "django-3.0"],
    ["Pipfile", { Pipfile: '[packages]\ndjango = "==3.2.*"\nflask = {version = ">=2.2"}\n' }, "django-3.2"],
    ["Flask", { "requirements.txt": "Flask>=2.0,<3\n" }, "flask-2.0"],
  ])("reads %s", async (_name, files, expected) => {
    const root = makeTree({ ".git/HEAD": "x\n", ...files, "a.py": "x = 1\n" });
    const run = await runCli(root, ["--check", "."]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`target for .: ${expected} (from `);
  });

  it("nothing declared: exit 2 naming the files searched and asking for --target", async () => {
    const root = makeTree({ ".git/HEAD": "x\n", "requirements.txt": "requests\n", "app/a.py": LEGACY });
    const before = snapshot(root);
    const run = await runCli(root, ["."]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not detect a target for app\/a\.py: no Django or Flask requirement found in pyproject\.toml, requirements\*\.txt/);
    expect(run.stderr).toMatch(/searched app, \.; files read: requirements\.txt\); pass --target/);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it("a requirement without a minimum version cannot decide: exit 2", async () => {
    const root = makeTree({ ".git/HEAD": "x\n", "requirements.txt": "django\n", "a.py": LEGACY });
    const run = await runCli(root, ["."]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Django is required without a minimum version \(django in requirements\.txt\); pass --target/);
  });
});

describe.concurrent("--format", () => {
  const project = () => makeTree({ "app/views.py": LEGACY, "app/bad.py": `${LEGACY}def (:\n`, "app/ok.py": "x = 1\n" });

  it("json: the documented schema", async () => {
    const run = await runCli(project(), ["--check", "--format", "json", "-t", "django-5.0", "."]);
    expect(run.status).toBe(2);
    const data = JSON.parse(run.stdout);
    expect(data).toMatchObject({
      schemaVersion: 1, tool: { name: "pycodemod" }, mode: "check",
      summary: { files: 3, changed: 1, unchanged: 1, errors: 1, fixes: 1, findings: 0 },
      pathErrors: [],
    });
    expect(data.files.find((f: { path: string }) => f.path === "app/views.py")).toMatchObject({
      status: "changed", fixes: [{ rule: "django/utils-encoding", line: 1 }], findings: [], problems: [],
    });
    expect(data.files.find((f: { path: string }) => f.path === "app/bad.py").problems[0].kind).toBe("syntax-error");
  });

  it("sarif: SARIF 2.1.0 with a result per fix, rule metadata and help links", async () => {
    const root = project();
    const before = snapshot(root);
    const run = await runCli(root, ["--diff", "--format", "sarif", "-t", "django-5.0", "."]);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs;
    const rules = sarifRun.tool.driver.rules;
    expect(sarifRun.tool.driver.name).toBe("pycodemod");
    expect(rules.map((r: { id: string }) => r.id)).toEqual(["django/utils-encoding"]);
    expect(rules[0]).toMatchObject({ shortDescription: { text: expect.any(String) }, helpUri: expect.stringMatching(/^https:\/\//) });
    expect(rules[0].help.text).toContain(rules[0].helpUri);
    expect(sarifRun.results).toHaveLength(1);
    const [result] = sarifRun.results;
    // What GitHub code scanning requires of each result.
    expect(result).toMatchObject({
      ruleId: "django/utils-encoding", ruleIndex: 0, level: expect.stringMatching(/^(note|warning|error)$/),
      message: { text: expect.stringContaining("force_text") },
      locations: [{ physicalLocation: { artifactLocation: { uri: "app/views.py", uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } } }],
    });
    for (const r of sarifRun.results) expect(r.ruleIndex).toBeLessThan(rules.length);
    // The unparseable file is an error notification, not a result.
    expect(sarifRun.invocations[0].executionSuccessful).toBe(false);
    expect(sarifRun.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: "error", message: { text: expect.stringContaining("app/bad.py") } });
  });

  it("github: workflow annotations with escaped properties", async () => {
    const root = makeTree({ "app/v,iews.py": LEGACY, "app/bad.py": `${LEGACY}def (:\n` });
    const run = await runCli(root, ["--check", "--format", "github", "-t", "django-5.0", "."]);
    expect(run.status).toBe(2);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^::notice file=app\/v%2Ciews\.py,line=1,title=pycodemod django\/utils-encoding::fix available: /));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=app\/bad\.py,line=4,col=1,title=pycodemod::syntax error/));
  });

  it("works in stdin mode and rejects an unknown format with a suggestion", async () => {
    const root = makeTree();
    const run = await runCli(root, ["-t", "django-5.0", "--format", "json", "-"], LEGACY);
    expect(JSON.parse(run.stdout).files[0].fixes[0].rule).toBe("django/utils-encoding");
    const bad = await runCli(root, ["-t", "django-5.0", "--format", "sarf", "."]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be one of text, json, sarif, github, markdown (markdown with plan), not "sarf" (did you mean sarif?)');
  });
});

describe.concurrent("a CLI people know", () => {
  it("did you mean: flags and rule names", async () => {
    const root = makeTree({ "a.py": LEGACY });
    const flag = await runCli(root, ["--taget", "django-5.0", "."]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option --taget (did you mean --target?)");
    const rule = await runCli(root, ["-t", "django-5.0", "--select", "django/utils-encodng", "."]);
    expect(rule.status).toBe(2);
    expect(rule.stderr).toContain('unknown rule "django/utils-encodng" (did you mean django/utils-encoding?)');
    const explain = await runCli(root, ["--explain", "utils_encodng"]);
    expect(explain.stderr).toContain("did you mean utils_encoding?");
    expect(read(root, "a.py")).toBe(LEGACY);
  });

  it("completion scripts for bash and fish that bash accepts", async () => {
    const root = makeTree();
    const bash = await runCli(root, ["completion", "bash"]);
    expect(bash.status).toBe(0);
    expect(bash.stdout).toContain("complete -o filenames -F _pycodemod pycodemod");
    expect(bash.stdout).toContain("django/utils-encoding");
    const check = spawnSync("bash", ["-c", `${bash.stdout}\nCOMP_WORDS=(pycodemod --sel); COMP_CWORD=1; _pycodemod; echo "\${COMPREPLY[@]}"`], { encoding: "utf8" });
    expect(check.stdout.trim()).toBe("--select");
    const fish = await runCli(root, ["completion", "fish"]);
    expect(fish.stdout).toContain("complete -c pycodemod -l target");
    expect((await runCli(root, ["completion", "tcsh"])).status).toBe(2);
  });

  it("--verbose lists the rules and untouched files; --quiet prints only the payload", async () => {
    const root = makeTree({ "a.py": LEGACY, "b.py": "x = 1\n" });
    const verbose = await runCli(root, ["--check", "-v", "-t", "django-5.0", "."]);
    expect(verbose.stderr).toMatch(/pycodemod: \d+ rules for django-5\.0: .*django\/utils-encoding/);
    expect(verbose.stderr).toContain("b.py: unchanged");
    const quiet = await runCli(root, ["--check", "-q", "-t", "django-5.0", "."]);
    expect(quiet.stdout).toBe("a.py\n");
    expect(quiet.stderr).toBe("");
    const both = await runCli(root, ["-q", "-v", "."]);
    expect(both.status).toBe(2);
  });

  it("progress on a terminal, never in a pipe", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`m${i}.py`] = i % 3 === 0 ? LEGACY : "x = 1\n";
    const root = makeTree(files);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --check -t django-5.0 . >/dev/null`;
    // `script` gives the CLI a terminal on stderr; CI is cleared so the display is allowed.
    const env = { ...process.env, PYCODEMOD_PROGRESS_DELAY_MS: "0", CI: "", TERM: "xterm" };
    delete (env as Record<string, string | undefined>).CI;
    const tty = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: root, env, encoding: "utf8" });
    if (tty.error) throw tty.error;
    expect(tty.stdout).toMatch(/pycodemod: \d+\/30 files, \d+ changed/);
    expect(tty.stdout).toContain("10 files would change");
    const piped = await runCli(root, ["--check", "-t", "django-5.0", "."]);
    expect(piped.stderr).not.toMatch(/\/30 files/);
  });
});

describe.concurrent("--explain and plugins", () => {
  it("--explain shows a before/after example from the rule's fixtures", async () => {
    const run = await runCli(makeTree(), ["--explain", "utils_encoding"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/example \(fixtures\/django\/utils-encoding\/\w+\.py\):\n  before:\n(    .*\n)+  after:\n/);
    expect(run.stdout.split("after:")[0]).toContain("force_text");
    expect(run.stdout.split("after:")[1]).toContain("force_str");
  });

  // A user's rule, written the way the README shows (plain ES module, defineRule shape).
  const PLUGIN = `
export const oldHelper = {
  id: "acme/old-helper",
  framework: "django",
  since: "1.7",
  summary: "old_helper() becomes new_helper()",
  needles: ["old_helper"],
  create(ctx) {
    return {
      call(node) {
        const fn = node.childForFieldName("function");
        if (fn?.type === "identifier" && fn.text === "old_helper") {
          ctx.fix("old_helper() → new_helper()", [{ start: fn.startIndex, end: fn.endIndex, text: "new_helper" }]);
        }
      },
    };
  },
};
`;
  /** A second rule that says which thread ran it, to see that workers load plugins. */
  const PROBE = `
import { threadId } from "node:worker_threads";
export default {
  id: "acme/thread-probe", framework: "django", since: "1.7", summary: "reports its thread", kind: "finding",
  needles: ["old_helper"],
  create(ctx) {
    return { module(root) { ctx.report(root, threadId === 0 ? "main thread" : "worker thread"); } };
  },
};
`;
  /** Enough files that the run is shared with a worker (WORKER_MIN_FILES) and ~1.6 MB to parse; one file in 10 calls the helper. */
  const manyFiles = () => {
    const files: Record<string, string> = { "rules/acme.mjs": PLUGIN, "rules/probe.mjs": PROBE };
    const padding = `# ${"x".repeat(98)}\n`.repeat(400);
    // Every file mentions the helper, so all need a parse and the work is shared with a worker.
    for (let i = 0; i < 40; i++) files[`app/m${i}.py`] = `${i % 10 === 0 ? "" : "# "}x = old_helper(1)\n${padding}`;
    return files;
  };

  it("--plugin rules run like built-in ones, in worker threads too, and are selectable", async () => {
    const root = makeTree(manyFiles());
    const run = await runCli(root, ["--check", "-t", "django-5.0", "--jobs", "2", "--plugin", "rules/acme.mjs", "--select", "acme/old-helper", "."]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.trim().split("\n").sort()).toEqual(["app/m0.py", "app/m10.py", "app/m20.py", "app/m30.py"]);
    const probe = await runCli(root, ["--check", "-t", "django-5.0", "--jobs", "2", "--plugin", "rules/probe.mjs", "--format", "json", "."]);
    const threads = JSON.parse(probe.stdout).files.flatMap((f: { findings: { message: string }[] }) => f.findings.map((x) => x.message));
    expect(threads).toHaveLength(40);
    expect(threads).toContain("worker thread");
    // From the config file, writing.
    writeFileSync(path.join(root, "pycodemod.toml"), 'target = "django-5.0"\nplugins = ["rules/acme.mjs"]\nselect = ["acme/old-helper"]\n');
    const write = await runCli(root, ["app/m10.py"]);
    expect(write.status, write.stderr).toBe(1);
    expect(read(root, "app/m10.py").startsWith("x = new_helper(1)\n")).toBe(true);
    const bad = await runCli(root, ["--plugin", "rules/missing.mjs", "."]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("plugin rules/missing.mjs: no such file");
  });

  it("pycodemod test-fixtures runs a plugin's fixtures with the suite's checks", async () => {
    const root = makeTree({
      "acme.mjs": PLUGIN,
      "fixtures/acme/old-helper/call.py": "x = old_helper(1)\n",
      "fixtures/acme/old-helper/call.expected.py": "x = new_helper(1)\n",
      "fixtures/acme/old-helper/other_name.py": "x = older_helper(1)\n",
    });
    const pass = await runCli(root, ["test-fixtures", "--plugin", "acme.mjs"]);
    expect(pass.status, pass.stdout + pass.stderr).toBe(0);
    expect(pass.stdout).toContain("2 of 2 fixture cases passed");
    writeFileSync(path.join(root, "fixtures/acme/old-helper/call.expected.py"), "x = new_helper(2)\n");
    const fail = await runCli(root, ["test-fixtures", "--plugin", "acme.mjs", "fixtures"]);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/FAIL acme\/old-helper call\n\s+output differs from the expected file/);
  });
});
