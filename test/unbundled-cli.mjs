// The CLI run from the unbundled tsc output (dist/src/), for the hostile tests whose --import
// hooks patch modules of dist/ (a bundle would carry its own copies). Mirrors bin/pycodemod.js.
import { main } from "../dist/src/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`pycodemod: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
