import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "jinja/unicode-urlencode",
  framework: "jinja",
  since: "3.0",
  summary: "jinja2.utils.unicode_urlencode becomes jinja2.utils.url_quote",
  description: "Jinja 3.0 renamed `jinja2.utils.unicode_urlencode` to `url_quote` and Jinja 3.1 removed the old name.",
  docs: "https://jinja.palletsprojects.com/en/stable/changes/#version-3-0-0",
  moves: [{ from: "jinja2.utils.unicode_urlencode", to: "jinja2.utils.url_quote" }],
});
