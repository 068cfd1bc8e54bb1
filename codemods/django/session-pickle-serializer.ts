// django/session-pickle-serializer: Django 4.1 deprecated PickleSerializer (removed in 5.0).
// Switching sessions to JSON drops sessions that hold non-JSON values, so it needs a person.
import { findingRule } from "../../src/engine/helpers/findings.js";

const PICKLE = "django.contrib.sessions.serializers.PickleSerializer";
const MESSAGE =
  "PickleSerializer was removed in Django 5.0: use JSONSerializer (make sure sessions hold only JSON values) or a " +
  "serializer of your own";

export default findingRule({
  id: "django/session-pickle-serializer",
  framework: "django",
  since: "4.1",
  summary: "warns about the sessions PickleSerializer (removed in Django 5.0)",
  description:
    "Django 4.1 deprecated `django.contrib.sessions.serializers.PickleSerializer` (a remote-code-execution risk when the " +
    "secret key leaks); Django 5.0 removed it. The dotted path in a string (SESSION_SERIALIZER) and imports are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.1/#features-deprecated-in-4-1",
  needles: ["PickleSerializer"],
  patterns: [
    { kind: "string", values: [PICKLE], message: MESSAGE },
    { kind: "name", qualified: [PICKLE], message: MESSAGE },
  ],
});
