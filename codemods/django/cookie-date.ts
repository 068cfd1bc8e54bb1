import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/cookie-date",
  framework: "django",
  since: "2.1",
  summary: "django.utils.http.cookie_date becomes http_date",
  description:
    "Django 2.1 deprecated `django.utils.http.cookie_date()` (removed in 3.0) in favour of `http_date()`, which formats the " +
    "same instant in the newer RFC format (`Wdy, DD Mon YYYY HH:MM:SS GMT`, without the dashes), which browsers accept in " +
    "cookie expiry dates. Imports and uses are renamed (aliases kept); `http_date` is introduced only where the name is free.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.1/#features-deprecated-in-2-1",
  moves: [{ from: "django.utils.http.cookie_date", to: "django.utils.http.http_date" }],
});
