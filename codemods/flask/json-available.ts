// flask/json-available: `flask.json_available` was a constant True kept for old extensions
// (Flask 1.1.1 deprecated it, Flask 2.0 removed it), so its guards settle to their true branch.
import { alwaysTrueFlagRule } from "../../src/engine/helpers/always-true-flag.js";

export default alwaysTrueFlagRule({
  id: "flask/json-available",
  framework: "flask",
  since: "1.0",
  summary: "if flask.json_available: A else: B becomes A, and the import goes",
  description:
    "`flask.json_available` has been the constant True since Flask 0.10; Flask 1.1.1 deprecated it and Flask 2.0 " +
    "removed it, so importing it fails. A guard whose whole condition is the flag (`if json_available:`, " +
    "`if flask.json_available:`) is replaced by its body, dedented, and its `elif`/`else` branches dropped; " +
    "`if not json_available:` keeps its `else` body or goes. The `from flask import json_available` entry is removed " +
    "when nothing else reads it. Other uses (`x if json_available else y`, `flag and ...`, a fallback binding in " +
    "`except ImportError:`) are reported.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-1-1-1",
  qualified: ["flask.json_available"],
  message: "flask.json_available was removed in Flask 2.0 and was always true: drop the check and keep the code it guarded",
});
