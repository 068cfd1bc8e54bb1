// Standard input as a template: `--stdin-filename app/templates/page.html -` upgrades the text as a
// Django template when the name is one discovery would take as a template (and the target is a
// Django one); any other name keeps the Python path.
import { DecodeError } from "../engine/text.js";
import type { TransformResult } from "../engine/transform.js";
import { selectTemplateRules } from "../rules.js";
import type { Targets } from "../target.js";
import { isTemplatePath } from "./discover.js";
import { decodeTemplate } from "./process.js";
import { transformTemplate } from "./transform.js";

export function templateOnStdin(
  bytes: Uint8Array,
  filename: string,
  targets: Targets,
  selection: { select?: readonly string[]; ignore?: readonly string[] },
): { decoded: { text: string; encoding: string; bom: boolean }; result: TransformResult } | undefined {
  if (targets.django === undefined || !isTemplatePath(filename)) return undefined;
  const decoded = decodeTemplate(bytes);
  if (!decoded) throw new DecodeError("is not UTF-8 text (Django reads templates as UTF-8)");
  const rules = selectTemplateRules({ targets, select: selection.select, ignore: selection.ignore });
  return { decoded: { ...decoded, encoding: "utf-8" }, result: transformTemplate(decoded.text, { rules, targets, filename }) };
}
