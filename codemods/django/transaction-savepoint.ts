import { nameMoves } from "../../src/engine/helpers/name-moves.js";

export default nameMoves({
  id: "django/transaction-savepoint",
  aliases: ["transaction_savepoint"],
  framework: "django",
  since: "6.1",
  summary: "transaction.savepoint() becomes transaction.savepoint_create()",
  description:
    "Django 6.1 deprecated `django.db.transaction.savepoint()` in favour of `savepoint_create()`, matching " +
    "`savepoint_commit()` and `savepoint_rollback()`. The usual `transaction.savepoint(...)` form, direct imports " +
    "(aliases kept) and their uses are rewritten; `connection.savepoint()` and other methods of that name are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/6.1/#features-deprecated-in-6-1",
  moves: [{ from: "django.db.transaction.savepoint", to: "django.db.transaction.savepoint_create" }],
});
