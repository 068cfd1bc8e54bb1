// flask/signals-available: `signals_available` told whether blinker was installed; Flask 2.3
// requires blinker, deprecated the flag (always True) and Flask 3.0 removed it. Gated at 2.3:
// before it the flag can be False, so its guards mean something.
import { alwaysTrueFlagRule } from "../../src/engine/helpers/always-true-flag.js";

export default alwaysTrueFlagRule({
  id: "flask/signals-available",
  framework: "flask",
  since: "2.3",
  summary: "if signals_available: A else: B becomes A, and the import goes",
  description:
    "Flask 2.3 made blinker a requirement, so `flask.signals_available` (also `flask.signals.signals_available`) is " +
    "always True; it was deprecated in 2.3 and removed in 3.0, so importing it fails. A guard whose whole condition " +
    "is the flag is replaced by its body, dedented, and its other branches dropped; `if not signals_available:` keeps " +
    "its `else` body or goes. The import entry is removed when nothing else reads it. Other uses, and a flag bound " +
    "twice (`except ImportError: signals_available = False`), are reported.",
  docs: "https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0",
  qualified: ["flask.signals_available", "flask.signals.signals_available"],
  message: "signals_available was removed in Flask 3.0 and is always true (blinker is required): drop the check and keep the code it guarded",
});
