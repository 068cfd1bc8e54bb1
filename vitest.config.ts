import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only our own tests: fixtures and generated corpora contain .py files and
    // must never be collected.
    include: ["test/**/*.test.ts"],
    // A limit for hangs, not a speed check: the slowest tests take ~12 s on an idle 2-core machine
    // (the rule-precheck sweep, the cache's worker test), and 30 s left no room for a loaded one.
    testTimeout: 60_000,
  },
});
