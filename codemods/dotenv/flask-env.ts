// dotenv/flask-env: Flask 2.2 deprecated FLASK_ENV and 2.3 ignores it. In the dotenv files Flask
// loads (`.flaskenv`, `.env`) the entry becomes the FLASK_DEBUG it stood for:
//   FLASK_ENV=development   →   FLASK_DEBUG=1
//   FLASK_ENV=production    →   FLASK_DEBUG=0      (any other value: debug was off)
// Old Flask computed debug as FLASK_DEBUG when that was non-empty, else FLASK_ENV == "development";
// python-dotenv lets an earlier file (`.env` before `.flaskenv`) and the real environment win.
// The rewrite keeps that result where the file shows it does:
// - a file that also sets FLASK_DEBUG (non-empty) loses the FLASK_ENV entry, which decided nothing;
// - a `.env` whose `.flaskenv` neighbour sets FLASK_DEBUG is reported: `.env`'s new FLASK_DEBUG
//   would win over it, where its FLASK_ENV did not;
// - the project's own code reading FLASK_ENV (config selection), `app.env` or `config["ENV"]` (which
//   FLASK_ENV set) is reported, not rewritten: the entry still feeds it;
// - a value python-dotenv expands (`${X}`), a bare `FLASK_ENV`, or several entries are reported.
import path from "node:path";
import { parseDotenv, type DotenvEntry } from "../../src/dotenv/parse.js";
import { defineDotenvRule, type DotenvContext } from "../../src/dotenv/rule.js";

const DOCS = "https://flask.palletsprojects.com/en/stable/changes/#version-2-2-0";
/** How Python code reads what FLASK_ENV set: the variable, `app.env`, the `ENV` config key. */
const READERS = ["FLASK_ENV", "app.env", '"ENV"', "'ENV'"];

function say(ctx: DotenvContext, at: DotenvEntry, message: string): void {
  ctx.report(at, `${message}; see ${DOCS}`);
}

export default defineDotenvRule({
  id: "dotenv/flask-env",
  framework: "flask",
  since: "2.2",
  summary: "FLASK_ENV=development in .flaskenv / .env becomes FLASK_DEBUG=1 (another value FLASK_DEBUG=0)",
  description:
    "Flask 2.2 deprecated the `FLASK_ENV` environment variable and Flask 2.3 ignores it; `FLASK_DEBUG` sets the debug " +
    "mode. In the dotenv files Flask's `load_dotenv()` reads (`.flaskenv` and `.env`), `FLASK_ENV=development` becomes " +
    "`FLASK_DEBUG=1` and any other literal value `FLASK_DEBUG=0` (the debug mode that value gave), keeping `export`, " +
    "quotes aside, and a trailing comment. A file that also sets a non-empty `FLASK_DEBUG` only loses its `FLASK_ENV` " +
    "entry, since FLASK_DEBUG already decided. Reported instead: a `FLASK_ENV` that the project's Python code also reads " +
    "(as the variable, `app.env` or `config[\"ENV\"]`, which it set), a `.env` whose neighbouring `.flaskenv` sets `FLASK_DEBUG` (the new " +
    "entry would override it), values python-dotenv expands, and repeated entries. A deployment that overrides the " +
    "file with `FLASK_ENV=production` in the real environment must set `FLASK_DEBUG=0` there too.",
  docs: DOCS,
  needles: ["FLASK_ENV"],
  run(ctx) {
    const envs = ctx.entries.filter((e) => e.key === "FLASK_ENV");
    if (envs.length === 0) return;
    if (envs.length > 1) {
      for (const env of envs) say(ctx, env, "FLASK_ENV is set more than once and Flask 2.3 ignores it: keep one FLASK_DEBUG entry (1 for development, 0 otherwise)");
      return;
    }
    const env = envs[0]!;
    if (env.value === undefined || env.expands) {
      say(ctx, env, "Flask 2.3 ignores FLASK_ENV: set FLASK_DEBUG=1 where this gives development, FLASK_DEBUG=0 otherwise");
      return;
    }
    // FLASK_ENV also set app.env and config["ENV"] (Flask 2.2 still has them): code reading any
    // of them keeps depending on the entry.
    const reader = READERS.map((word) => ctx.codeMentioning(word)).find((hit) => hit !== undefined);
    if (reader) {
      say(ctx, env, `Flask 2.3 ignores FLASK_ENV, but ${reader} reads it too (FLASK_ENV, app.env or config["ENV"]): add FLASK_DEBUG=${env.value === "development" ? 1 : 0} for Flask and keep FLASK_ENV (or a name of your own) for that code`);
      return;
    }
    const debugs = ctx.entries.filter((e) => e.key === "FLASK_DEBUG");
    if (debugs.length > 0) {
      if (debugs.some((d) => !d.value || d.expands)) {
        say(ctx, env, "Flask 2.3 ignores FLASK_ENV: give FLASK_DEBUG a literal value (1 for development, 0 otherwise) and delete FLASK_ENV");
        return;
      }
      // From the start of its line, so that no indentation is left behind.
      const from = Math.max(ctx.source.lastIndexOf("\n", env.start - 1), ctx.source.lastIndexOf("\r", env.start - 1)) + 1;
      ctx.fix("FLASK_ENV dropped: the FLASK_DEBUG entry already sets the debug mode", [{ start: from, end: env.end, text: "" }]);
      return;
    }
    if (path.basename(ctx.filename) === ".env") {
      const flaskenv = ctx.sibling(".flaskenv");
      if (flaskenv !== undefined && parseDotenv(flaskenv).some((e) => e.key === "FLASK_DEBUG")) {
        say(ctx, env, "Flask 2.3 ignores FLASK_ENV, and .flaskenv beside this file sets FLASK_DEBUG, which a FLASK_DEBUG here would override: decide the debug mode in one of the two files");
        return;
      }
    }
    const debug = env.value === "development" ? "1" : "0";
    ctx.fix(`FLASK_ENV=${env.value} → FLASK_DEBUG=${debug}`, [
      { start: env.keyStart, end: env.keyEnd, text: "FLASK_DEBUG" },
      { start: env.valueStart, end: env.valueEnd, text: debug },
    ]);
  },
});
