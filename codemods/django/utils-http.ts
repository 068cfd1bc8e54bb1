import { nameMoves } from "../../src/engine/helpers/name-moves.js";

const H = "django.utils.http";

export default nameMoves({
  id: "django/utils-http",
  aliases: ["utils_http"],
  framework: "django",
  since: "3.0",
  summary: "urlquote & co. become urllib.parse functions; is_safe_url becomes url_has_allowed_host_and_scheme",
  description:
    "Django 3.0 deprecated the `django.utils.http` wrappers around `urllib.parse` and renamed `is_safe_url`; Django 4.0 removed them. " +
    "The `urllib.parse` names are imported on a new line above the old import (aliases kept); uses are renamed when the new name is free.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0",
  moves: [
    { from: `${H}.urlquote`, to: "urllib.parse.quote" },
    { from: `${H}.urlquote_plus`, to: "urllib.parse.quote_plus" },
    { from: `${H}.urlunquote`, to: "urllib.parse.unquote" },
    { from: `${H}.urlunquote_plus`, to: "urllib.parse.unquote_plus" },
    { from: `${H}.is_safe_url`, to: `${H}.url_has_allowed_host_and_scheme` },
  ],
});
