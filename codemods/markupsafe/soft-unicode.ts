import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "markupsafe/soft-unicode",
  framework: "markupsafe",
  since: "2.0",
  summary: "markupsafe.soft_unicode becomes soft_str",
  description: "MarkupSafe 2.0 renamed `soft_unicode` to `soft_str` and 2.1 removed the old name; imports, uses and `markupsafe.soft_unicode(...)` are renamed.",
  docs: "https://markupsafe.palletsprojects.com/en/stable/changes/#version-2-1-0",
  moves: [{ from: "markupsafe.soft_unicode", to: "markupsafe.soft_str" }],
});
