// django/salted-hmac-algorithm: Django 6.1 deprecated relying on the sha1 default of salted_hmac()
// and signing.base64_hmac(); the default becomes sha256 in Django 7.0, which would change every hash
// they produce. Calls without an algorithm get `algorithm="sha1"`, which keeps today's results.
import { callArgs, callsTo, insertArgument } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";
import { quotedAt } from "../../src/engine/helpers/string-quotes.js";

/** Callable → how many positional parameters come before algorithm (base64_hmac's algorithm may be positional). */
const CALLABLES = new Map([
  ["django.utils.crypto.salted_hmac", 3],
  ["django.core.signing.base64_hmac", 3],
]);

export default defineRule({
  id: "django/salted-hmac-algorithm",
  framework: "django",
  since: "6.1",
  summary: 'salted_hmac() / signing.base64_hmac() without algorithm get algorithm="sha1"',
  description:
    "Django 6.1 deprecated calling `django.utils.crypto.salted_hmac()` and `django.core.signing.base64_hmac()` without " +
    "an `algorithm`: the default moves from sha1 to sha256 in Django 7.0, which would change the values they return. " +
    "Calls that pass no algorithm (by keyword or, for base64_hmac, as the fourth positional argument) get " +
    "`algorithm=\"sha1\"`. Calls with `*args` or `**kwargs` are left alone.",
  docs: "https://docs.djangoproject.com/en/dev/releases/6.1/#features-deprecated-in-6-1",
  needles: ["salted_hmac", "base64_hmac"],
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, CALLABLES.keys())) {
          const args = callArgs(found.call);
          if (!args || args.listSplat || args.dictSplat || args.keywords.has("algorithm")) continue;
          if (args.positional.length > CALLABLES.get(found.qualified)!) continue;
          if (args.positional.length + args.keywords.size < 2) continue;
          const sha1 = quotedAt(found.call, "sha1");
          if (!sha1) continue;
          ctx.fix('algorithm="sha1" made explicit', insertArgument(ctx.source, args, args.args.length, `algorithm=${sha1}`, ctx.newline));
        }
      },
    };
  },
});
