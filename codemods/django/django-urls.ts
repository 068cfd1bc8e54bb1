import { defineRule } from "../../src/engine/rule.js";

// Placeholder until the real rule lands.
export default defineRule({
  id: "django/django-urls",
  aliases: ["django_urls"],
  framework: "django",
  since: "2.0",
  summary: "url() becomes path() or re_path()",
  needles: ["url"],
  create() {
    return {};
  },
});
