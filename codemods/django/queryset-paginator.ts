import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/queryset-paginator",
  aliases: ["queryset_paginator"],
  framework: "django",
  since: "2.2",
  summary: "QuerySetPaginator becomes Paginator",
  description:
    "`django.core.paginator.QuerySetPaginator` has long been a plain alias of `Paginator`; Django 2.2 deprecated it and " +
    "Django 3.1 removed it. Imports (deduplicated when `Paginator` is already imported, aliases kept), uses of the " +
    "imported name and module forms such as `paginator.QuerySetPaginator(...)` are rewritten.",
  docs: "https://docs.djangoproject.com/en/stable/releases/2.2/#features-deprecated-in-2-2",
  moves: [{ from: "django.core.paginator.QuerySetPaginator", to: "django.core.paginator.Paginator" }],
});
