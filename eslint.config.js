import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";

export default [
  { ignores: ["dist/", ".astro/", "node_modules/", "public/", "bench/results/"] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  // src/ ships to browsers and never imports build scripts (tests/unit/site/layers.test.ts checks the floors).
  {
    files: ["src/**/*.{ts,mjs,astro}"],
    ignores: ["src/explore/csv.ts"], // known exception, removed on the explore branch
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/scripts/**"], message: "src/ never imports scripts/" }] },
      ],
    },
  },
];
