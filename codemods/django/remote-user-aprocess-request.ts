// django/remote-user-aprocess-request: Django 5.2 made RemoteUserMiddleware async-capable with an
// aprocess_request() of its own. A subclass that customises only process_request() is skipped for
// async requests, so 5.2 deprecated that shape and 6.1 dropped support for it. What the async
// version must do is the subclass's own logic: pointed at.
import { findingRule } from "../../src/engine/helpers/findings.js";

export default findingRule({
  id: "django/remote-user-aprocess-request",
  framework: "django",
  since: "5.2",
  summary: "warns about RemoteUserMiddleware subclasses overriding process_request() without aprocess_request()",
  description:
    "Django 5.2 gave `RemoteUserMiddleware` an `aprocess_request()` used for async requests, and deprecated subclasses " +
    "that override `process_request()` without overriding `aprocess_request()`: their code is skipped under ASGI. Django " +
    "6.1 removes support for them. Such `process_request` overrides (of `RemoteUserMiddleware` or " +
    "`PersistentRemoteUserMiddleware`, directly or through a class of the same file) are reported.",
  docs: "https://docs.djangoproject.com/en/stable/releases/5.2/#features-deprecated-in-5-2",
  needles: ["process_request"],
  // The base is named in the file (a subclass of a same-file class still spells it there).
  precheck: (text) => text.includes("RemoteUserMiddleware"),
  patterns: [
    {
      kind: "method-def",
      names: ["process_request"],
      bases: ["django.contrib.auth.middleware.RemoteUserMiddleware", "django.contrib.auth.middleware.PersistentRemoteUserMiddleware"],
      unless: ["aprocess_request"],
      message:
        "this RemoteUserMiddleware subclass overrides process_request() but not aprocess_request(), which async requests use since Django 5.2 (unsupported from 6.1): override aprocess_request() with the same logic",
    },
  ],
});
