// django/timezone-is-dst: Django 4.0 deprecated the is_dst argument (pytz's way to settle ambiguous
// or missing local times), removed in 5.0; zoneinfo settles them with datetime.fold, which changes
// what the code means, so calls passing it are pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

const FUNCTIONS = ["Trunc", "TruncYear", "TruncQuarter", "TruncMonth", "TruncWeek", "TruncDay", "TruncDate", "TruncTime", "TruncHour", "TruncMinute", "TruncSecond"];
const MESSAGE =
  "is_dst was removed in Django 5.0 (zoneinfo resolves ambiguous and missing times with datetime.fold): drop it, and " +
  "set fold on the datetime where the old value mattered";

export default findingRule({
  id: "django/timezone-is-dst",
  framework: "django",
  since: "4.0",
  summary: "warns about is_dst= in make_aware(), Trunc*() and QuerySet.datetimes() (removed in Django 5.0)",
  description:
    "Django 4.0 moved to zoneinfo and deprecated the pytz-only `is_dst` argument of `timezone.make_aware()`, the " +
    "`Trunc*` functions and `QuerySet.datetimes()`; Django 5.0 removed it. Such calls are reported: drop the argument " +
    "and use `datetime.fold` where the choice between two local times matters.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0",
  needles: ["is_dst"],
  patterns: [
    {
      kind: "keyword",
      keywords: ["is_dst"],
      callables: [
        "django.utils.timezone.make_aware",
        ...["django.db.models.functions", "django.db.models.functions.datetime"].flatMap((m) => FUNCTIONS.map((f) => `${m}.${f}`)),
      ],
      message: MESSAGE,
    },
    {
      kind: "method-call",
      names: ["datetimes"],
      when: (call) => /\bis_dst\s*=/.test(call.childForFieldName("arguments")?.text ?? ""),
      message: MESSAGE,
    },
  ],
});
