// The golden fixtures of the built-in rules (fixtures/), read by src/fixture-cases.ts, which
// `pycodemod test-fixtures` also uses for plugins' fixtures.
import path from "node:path";
import { fixtureCases as casesUnder, type FixtureCase } from "../src/fixture-cases.js";

export { parseHeader, type FixtureCase } from "../src/fixture-cases.js";

export const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures");

export function fixtureCases(): FixtureCase[] {
  return casesUnder(FIXTURES);
}
