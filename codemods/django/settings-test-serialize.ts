// django/settings-test-serialize: Django 4.0 deprecated the SERIALIZE entry of a database's TEST
// settings (removed in 5.0): whether the test database is serialized now follows the test cases'
// `serialized_rollback`. The entry is dropped from literal DATABASES dicts; other mentions are reported.
import type { Node } from "../../src/engine/parser.js";
import {
  literalPairs, pairNamed, plainString, removeEntry, settingAssignments,
} from "../../src/engine/helpers/settings-literals.js";
import { unparenthesize } from "../../src/engine/helpers/versioned-code.js";
import { defineRule } from "../../src/engine/rule.js";

const DOCS = "https://docs.djangoproject.com/en/stable/releases/4.0/#features-deprecated-in-4-0";

/** String literals whose value is exactly `value`. */
function stringsOf(root: Node, source: string, value: string): Node[] {
  const found: Node[] = [];
  for (let at = source.indexOf(value); at >= 0; at = source.indexOf(value, at + value.length)) {
    let node: Node | null = root.descendantForIndex(at, at + value.length);
    while (node && node.type !== "string" && node.type !== "module") node = node.parent;
    if (node?.type === "string" && plainString(node) === value) found.push(node);
  }
  return found;
}

export default defineRule({
  id: "django/settings-test-serialize",
  framework: "django",
  since: "4.0",
  summary: 'DATABASES[...]["TEST"]["SERIALIZE"] is removed from settings files',
  description:
    "Django 4.0 deprecated the `SERIALIZE` test database setting (removed in 5.0): the test runner serializes a database " +
    "only when a test case sets `serialized_rollback = True`. In settings files, the `\"SERIALIZE\"` entry of a literal " +
    "`\"TEST\"` dict inside a literal `DATABASES = {...}` is deleted with its comma (and the comment on its line). A " +
    "`SERIALIZE` key anywhere else in a settings file (a dict built elsewhere, `**` spreads) is reported, and so is every " +
    "mention when the file reads the entry by subscript or `.get()`.",
  docs: DOCS,
  needles: ["SERIALIZE"],
  files: "settings",
  create(ctx) {
    return {
      module() {
        const handled = new Set<number>();
        const keys = stringsOf(ctx.root, ctx.source, "SERIALIZE");
        // `DATABASES["default"]["TEST"]["SERIALIZE"]` or `.get("SERIALIZE")` elsewhere in the file
        // reads the entry (a KeyError once it is gone): then every mention is reported instead.
        const read = keys.some((k) => ["subscript", "argument_list"].includes(unparenthesize(k).parent?.type ?? ""));
        for (const setting of read ? [] : settingAssignments(ctx, "DATABASES")) {
          for (const database of literalPairs(setting.value) ?? []) {
            const config = literalPairs(database.childForFieldName("value"));
            const test = config && pairNamed(config, "TEST")?.childForFieldName("value");
            const options = literalPairs(test);
            const serialize = options && pairNamed(options, "SERIALIZE");
            if (!test || !serialize) continue;
            const edits = removeEntry(ctx.source, unparenthesize(test), serialize);
            if (!edits) continue;
            handled.add(serialize.childForFieldName("key")!.id);
            ctx.fix(`DATABASES TEST SERIALIZE removed`, edits);
          }
        }
        for (const key of keys) {
          if (handled.has(key.id) || handled.has(unparenthesize(key).id)) continue;
          ctx.report(
            key,
            `the SERIALIZE test database setting was deprecated in Django 4.0 and is ignored from 5.0: delete it, and set ` +
              `serialized_rollback = True on the test cases that need the database serialized (${DOCS})`,
          );
        }
      },
    };
  },
});
