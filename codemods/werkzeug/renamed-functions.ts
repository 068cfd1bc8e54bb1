// werkzeug/renamed-functions: helpers Werkzeug deprecated for a replacement that takes the same
// arguments: cookie_date → http_date and cache_property → cache_control_property (2.0, removed
// 2.1), werkzeug.filesystem.get_filesystem_encoding → sys.getfilesystemencoding (module removed in
// 2.1), parse_authorization_header / parse_www_authenticate_header → Authorization.from_header /
// WWWAuthenticate.from_header (2.3, removed 3.0).
import { nameMoves, type NameMove } from "../../src/engine/helpers/name-moves.js";

const moves: NameMove[] = [
  { from: "werkzeug.http.cookie_date", to: "werkzeug.http.http_date" },
  { from: "werkzeug.datastructures.cache_property", to: "werkzeug.datastructures.cache_control_property" },
  { from: "werkzeug.filesystem.get_filesystem_encoding", to: "sys.getfilesystemencoding", style: "attribute", since: "2.1" },
  { from: "werkzeug.http.parse_authorization_header", to: "werkzeug.datastructures.Authorization", suffix: ".from_header", since: "2.3" },
  { from: "werkzeug.http.parse_www_authenticate_header", to: "werkzeug.datastructures.WWWAuthenticate", suffix: ".from_header", since: "2.3" },
];

export default nameMoves({
  id: "werkzeug/renamed-functions",
  framework: "werkzeug",
  since: "2.0",
  summary: "cookie_date, cache_property, get_filesystem_encoding and the auth header parsers become their replacements",
  description:
    "Werkzeug 2.0 deprecated `werkzeug.http.cookie_date` (it called `http_date`) and " +
    "`werkzeug.datastructures.cache_property` (renamed `cache_control_property`); 2.1 removed both, and removed the " +
    "`werkzeug.filesystem` module (`get_filesystem_encoding()` is `sys.getfilesystemencoding()`). Werkzeug 2.3 " +
    "deprecated `parse_authorization_header(v)` / `parse_www_authenticate_header(v)` for " +
    "`Authorization.from_header(v)` / `WWWAuthenticate.from_header(v)` and 3.0 removed them. Each move applies from the " +
    "Werkzeug version that deprecated it.",
  docs: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-2-0-0",
  moves,
  needles: ["cookie_date", "cache_property", "get_filesystem_encoding", "parse_authorization_header", "parse_www_authenticate_header"],
  precheck: (text) => text.includes("werkzeug"),
  removedModules: ["werkzeug.filesystem"],
});
