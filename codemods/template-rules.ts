// The template rules (codemods/templates/), run on Django templates instead of Python files. Kept
// out of index.ts so the two registries change independently; index.ts re-exports this list.
import type { TemplateRule } from "../src/templates/rule.js";
import doubleDotLookup from "./templates/double-dot-lookup.js";
import ifequal from "./templates/ifequal.js";
import lengthIs from "./templates/length-is.js";
import logoutLink from "./templates/logout-link.js";
import loadFromFuture from "./templates/load-from-future.js";
import loadStaticfiles from "./templates/load-staticfiles.js";
import ssi from "./templates/ssi.js";

export const templateRules: readonly TemplateRule[] = [loadStaticfiles, loadFromFuture, ifequal, lengthIs, ssi, doubleDotLookup, logoutLink];
