// TOML reading for config and dependency files. The parser (smol-toml) is loaded on first use, so
// a run in a project without any TOML file never pays for it; callers await loadToml() once and
// then parse synchronously.
type Parse = (text: string) => Record<string, unknown>;
let parser: Parse | undefined;

export async function loadToml(): Promise<void> {
  parser ??= (await import("smol-toml")).parse as Parse;
}

export class TomlSyntaxError extends Error {}

/** Parses TOML text; loadToml() must have been awaited. */
export function parseToml(text: string, file: string): Record<string, unknown> {
  if (!parser) throw new Error("parseToml called before loadToml");
  try {
    return parser(text);
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    throw new TomlSyntaxError(`${file}: not valid TOML: ${first}`);
  }
}

export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
