// django/crypto-get-random-string: Django 3.1 deprecated calling get_random_string() without a
// length; Django 4.0 requires it. The old default was 12, so `length=12` keeps the behaviour.
import { callArgs, callsTo, insertArgument } from "../../src/engine/helpers/calls.js";
import { defineRule } from "../../src/engine/rule.js";
import { someCallArguments } from "../../src/engine/text-scan.js";

/** A call's top-level argument text (see text-scan.ts) that might pass no length. */
function mayLackLength(args: string): boolean {
  if (/(?<![\w])length[\s\\]*=(?!=)/.test(args)) return false;
  if (args.includes("*")) return true;
  // A first argument that is not a keyword is the length; a blank one may be a blanked string.
  const first = args.split(",")[0]!;
  return first.trim() === "" || /^[\s\\]*[\p{L}_][\p{L}\p{N}_]*[\s\\]*=(?!=)/u.test(first);
}

export default defineRule({
  id: "django/crypto-get-random-string",
  aliases: ["crypto_get_random_string"],
  framework: "django",
  since: "3.1",
  summary: "get_random_string() without a length gets length=12, the old default",
  description:
    "Django 3.1 deprecated calling `django.utils.crypto.get_random_string()` without `length`, and Django 4.0 " +
    "made it required. Calls without a positional argument or `length=` (direct import, alias or " +
    "`crypto.get_random_string`) get `length=12` as their first argument, the default they relied on. " +
    "Calls with `*args` or `**kwargs` are reported instead, since those may carry the length.",
  docs: "https://docs.djangoproject.com/en/stable/releases/3.1/#features-deprecated-in-3-1",
  needles: ["get_random_string"],
  // A call without a positional argument or length= (or with a splat, reported).
  precheck: (text) => someCallArguments(text, ["get_random_string"], mayLackLength),
  create(ctx) {
    return {
      module() {
        for (const { call } of callsTo(ctx.facts, ["django.utils.crypto.get_random_string"])) {
          const args = callArgs(call);
          if (!args || args.positional.length > 0 || args.keywords.has("length")) continue;
          if (args.listSplat || args.dictSplat) {
            ctx.report(call, "get_random_string() needs a length since Django 4.0; *args/**kwargs may carry it, so this call was left alone");
            continue;
          }
          ctx.fix("get_random_string(): length=12 made explicit", insertArgument(ctx.source, args, 0, "length=12", ctx.newline));
        }
      },
    };
  },
});
