import { defineConfig } from "vitest/config";

// Browser tests: real Chromium (Debian's, via playwright-core) against the built site served by scripts/serve.mjs.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
