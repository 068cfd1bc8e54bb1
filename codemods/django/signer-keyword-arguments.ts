// django/signer-keyword-arguments: Django 4.2 deprecated positional arguments to Signer and
// TimestampSigner (keyword-only from 5.1). Positional arguments get the names of the old signature,
// in order: key, sep, salt, algorithm, fallback_keys.
import { callsTo } from "../../src/engine/helpers/calls.js";
import { callArgs } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";

const NAMES = ["key", "sep", "salt", "algorithm", "fallback_keys"];
const SIGNERS = ["django.core.signing.Signer", "django.core.signing.TimestampSigner"];

export default defineRule({
  id: "django/signer-keyword-arguments",
  framework: "django",
  since: "4.2",
  summary: "Signer(key, sep, salt, ...) / TimestampSigner(...) positional arguments become keywords",
  description:
    "Django 4.2 deprecated positional arguments to `django.core.signing.Signer` and `TimestampSigner`; from Django 5.1 " +
    "they are keyword-only. Positional arguments of calls to them (however imported) are named after the old signature: " +
    "`key=`, `sep=`, `salt=`, `algorithm=`, `fallback_keys=`. Calls with `*args`, more than five positional arguments, or " +
    "a keyword that would then repeat are left alone.",
  docs: "https://docs.djangoproject.com/en/stable/releases/4.2/#features-deprecated-in-4-2",
  needles: ["Signer"],
  create(ctx) {
    return {
      module() {
        for (const found of callsTo(ctx.facts, SIGNERS)) {
          const args = callArgs(found.call);
          if (!args || args.positional.length === 0 || args.listSplat || args.positional.length > NAMES.length) continue;
          // Positional arguments come first, so the i-th positional is the i-th argument.
          const names = NAMES.slice(0, args.positional.length);
          if (names.some((n) => args.keywords.has(n))) continue;
          ctx.fix(
            `${found.callee.text}(...) positional arguments → ${names.map((n) => `${n}=`).join(", ")}`,
            args.positional.map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${names[i]}=` })),
          );
        }
      },
    };
  },
});
