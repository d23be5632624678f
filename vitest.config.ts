import { defineConfig } from "vitest/config";

// Unit and SQL tests run in Node; browser tests (tests/browser) have their own runner.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
