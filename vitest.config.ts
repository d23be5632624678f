import { getViteConfig } from "astro/config";

// Unit and SQL tests run in Node; browser tests (tests/browser) have their own runner. Astro's Vite config lets a
// test render .astro pages (tests/unit/site/pseudo-page.test.ts).
export default getViteConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
