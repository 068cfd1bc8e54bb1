// django/is-safe-url-host: Django 1.11 deprecated the `host` argument of
// django.utils.http.is_safe_url (removed in 2.1) in favour of `allowed_hosts`, a set; the 1.11 code
// added `host` to that set. `host=h` becomes `allowed_hosts={h}`, so the utils-http rename to
// url_has_allowed_host_and_scheme (3.0) can follow.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callsTo, removeArgument } from "../../src/engine/helpers/calls.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import { defineRule } from "../../src/engine/rule.js";
import { callArgumentsText } from "../../src/engine/text-scan.js";

/** Whether some `name(...)` call in the text passes more than one argument (a comma at its top level). */
function someCallHasSecondArgument(text: string, name: string): boolean {
  const call = new RegExp(`(?<![\\w])${name}\\s*\\(`, "g");
  for (let m = call.exec(text); m !== null; m = call.exec(text)) {
    const args = callArgumentsText(text, m.index + m[0].length - 1);
    if (args === undefined || topLevelComma(args)) return true;
  }
  return false;
}

function topLevelComma(args: string): boolean {
  let depth = 0;
  for (const c of args) {
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) return true;
  }
  return false;
}

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";

export default defineRule({
  id: "django/is-safe-url-host",
  framework: "django",
  since: "1.11",
  summary: "is_safe_url(url, host=h) becomes is_safe_url(url, allowed_hosts={h})",
  description:
    "Django 1.11 deprecated the `host` argument of `django.utils.http.is_safe_url()` (removed in 2.1); `allowed_hosts` takes " +
    "a set of hosts. `host=h`, or `h` as the second positional argument, becomes `allowed_hosts={h}`; `host=None` is simply " +
    "dropped (it allowed no host). Calls that also pass `allowed_hosts`, or use `*args`/`**kwargs`, are reported.",
  docs: DOCS,
  needles: ["is_safe_url"],
  // `host=`, or a second positional argument (is_safe_url(url, h)), possibly through an alias.
  precheck: (text) => text.includes("host") || /\bis_safe_url\s+as\b/.test(text) || someCallHasSecondArgument(text, "is_safe_url"),
  create(ctx) {
    return {
      module() {
        const callables = ["django.utils.http.is_safe_url", "django.utils.http.url_has_allowed_host_and_scheme"];
        for (const { call } of callsTo(ctx.facts, callables)) {
          const args = callArgs(call);
          if (!args) continue;
          const keyword = args.keywords.get("host");
          const positional = args.positional.length >= 2 && !args.listSplat ? args.positional[1] : undefined;
          const host = keyword ?? positional;
          if (!host) continue;
          if (args.listSplat || args.dictSplat || args.keywords.has("allowed_hosts") || args.positional.length > 2) {
            ctx.report(host, `the host argument of is_safe_url was removed in Django 2.1: add the host to allowed_hosts by hand (${DOCS})`);
            continue;
          }
          const value = keyword ? keyword.childForFieldName("value")! : host;
          let edits: Edit[] | undefined;
          if (unparenthesize(value).type === "none") edits = removeArgument(ctx.source, args, host);
          else edits = [{ start: host.startIndex, end: host.endIndex, text: `allowed_hosts={${ctx.source.slice(value.startIndex, value.endIndex)}}` }];
          if (!edits) continue;
          ctx.fix("is_safe_url host → allowed_hosts", edits);
        }
      },
    };
  },
});
