import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only our own tests: fixtures and generated corpora contain .py files and
    // must never be collected.
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
