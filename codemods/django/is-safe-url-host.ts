// django/is-safe-url-host: Django 1.11 deprecated the `host` argument of
// django.utils.http.is_safe_url (removed in 2.1) in favour of `allowed_hosts`, a set; the 1.11 code
// added `host` to that set. `host=h` becomes `allowed_hosts={h}`, so the utils-http rename to
// url_has_allowed_host_and_scheme (3.0) can follow. A second positional argument is left as it is:
// it was `host` up to 2.0 and is `allowed_hosts` from 2.1 on, which also takes a single host
// string, so `is_safe_url(url, h)` means the same on both sides, while code written for 2.1 may
// pass a set there that braces would break.
import type { Edit } from "../../src/engine/edits.js";
import { callArgs, callsTo } from "../../src/engine/helpers/calls.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/1.11/#features-deprecated-in-1-11";

export default defineRule({
  id: "django/is-safe-url-host",
  framework: "django",
  since: "1.11",
  summary: "is_safe_url(url, host=h) becomes is_safe_url(url, allowed_hosts={h})",
  description:
    "Django 1.11 deprecated the `host` argument of `django.utils.http.is_safe_url()` (removed in 2.1); `allowed_hosts` takes " +
    "a set of hosts. `host=h` becomes `allowed_hosts={h}`; `host=None` becomes `allowed_hosts=None` (no host; from 2.1 " +
    "`allowed_hosts` is required, so it is not dropped). A second positional argument is left alone: 2.1 made that place " +
    "`allowed_hosts`, which accepts a single host string too. Calls that also pass `allowed_hosts`, or use " +
    "`*args`/`**kwargs`, are reported.",
  docs: DOCS,
  needles: ["is_safe_url"],
  precheck: (text) => text.includes("host"),
  create(ctx) {
    return {
      module() {
        const callables = ["django.utils.http.is_safe_url", "django.utils.http.url_has_allowed_host_and_scheme"];
        for (const { call } of callsTo(ctx.facts, callables)) {
          const args = callArgs(call);
          if (!args) continue;
          const host = args.keywords.get("host");
          if (!host) continue;
          if (args.listSplat || args.dictSplat || args.keywords.has("allowed_hosts") || args.positional.length > 1) {
            ctx.report(host, `the host argument of is_safe_url was removed in Django 2.1: add the host to allowed_hosts by hand (${DOCS})`);
            continue;
          }
          const value = host.childForFieldName("value")!;
          const hosts = unparenthesize(value).type === "none" ? "None" : `{${ctx.source.slice(value.startIndex, value.endIndex)}}`;
          const edits: Edit[] = [{ start: host.startIndex, end: host.endIndex, text: `allowed_hosts=${hosts}` }];
          ctx.fix("is_safe_url host → allowed_hosts", edits);
        }
      },
    };
  },
});
