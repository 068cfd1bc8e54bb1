// The "removed API" kind of finding rule as data: names (or whole modules) a release removed with
// no mechanical replacement. Each import of one, and each attribute chain reaching one
// (`contrib.securecookie.SecureCookie`, `werkzeug.utils.escape(...)`), is reported once with what
// to do and the release note; nothing is changed.
import { targetReaches } from "../../target.js";
import type { Node } from "../parser.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../rule.js";
import { mayReachNames } from "../text-scan.js";

export interface RemovedName {
  /** Qualified name or module: `werkzeug.contrib.securecookie`, `werkzeug.utils.escape`. */
  name: string;
  /** Reported from this version of the rule's framework (default: the rule's `since`). */
  since?: string;
  /** What changed and what to do, one sentence. */
  advice: string;
  /** Release-note link for this entry (default: the rule's `docs`). */
  docs?: string;
}

export interface RemovedNamesRule extends Omit<RuleMeta, "needles" | "kind"> {
  names: RemovedName[];
  needles?: string[];
  /** Extra checks for shapes a table of names cannot express (a string key, a keyword value). */
  extra?: (ctx: RuleContext, say: (at: Node | number, entry: RemovedName) => void) => void;
  /** A text check for what `extra` looks at (default: any file may have it). */
  extraPrecheck?: (text: string) => boolean;
}

function lastPart(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}

/** The entry a qualified name falls under: the name itself or a module above it. */
function entryFor(entries: RemovedName[], qualified: string): RemovedName | undefined {
  return entries.find((e) => qualified === e.name || qualified.startsWith(`${e.name}.`));
}

export function removedNames(spec: RemovedNamesRule): Rule {
  const { names, needles, extra, extraPrecheck, precheck, ...meta } = spec;
  const reaches = mayReachNames(names.map((n) => n.name));
  const extraMaybe = extra ? extraPrecheck ?? (() => true) : () => false;
  return defineRule({
    ...meta,
    kind: "finding",
    needles: needles ?? [...new Set(names.map((n) => lastPart(n.name)))],
    precheck: (text) => (reaches(text) && (precheck?.(text) ?? true)) || extraMaybe(text),
    create(ctx) {
      const active = names.filter((n) => n.since === undefined || targetReaches(ctx.targets, spec.framework, n.since));
      if (active.length === 0) return {};
      const reported = new Set<number>();
      const say = (at: Node | number, entry: RemovedName): void => {
        const index = typeof at === "number" ? at : at.startIndex;
        if (reported.has(index)) return;
        reported.add(index);
        const docs = entry.docs ?? spec.docs;
        ctx.report(at, `${entry.name}: ${entry.advice}${docs ? `; see ${docs}` : ""}`);
      };
      return {
        module() {
          for (const binding of ctx.facts.imports) {
            // `import werkzeug.contrib.securecookie` loads the module it spells out.
            const loaded = binding.kind === "import" ? binding.module : binding.qualified;
            const entry = entryFor(active, loaded);
            if (entry) say(binding.entry, entry);
          }
          // Attribute chains on an imported module: `werkzeug.utils.escape`, `contrib.cache`.
          for (const word of new Set(active.map((e) => lastPart(e.name)))) {
            for (const id of ctx.facts.identifiers(word)) {
              const attribute = id.parent;
              if (attribute?.type !== "attribute" || attribute.childForFieldName("attribute")?.id !== id.id) continue;
              const qualified = ctx.facts.qualifiedName(attribute);
              const entry = qualified === undefined ? undefined : active.find((e) => e.name === qualified);
              if (entry) say(attribute, entry);
            }
          }
          extra?.(ctx, say);
        },
      };
    },
  });
}
