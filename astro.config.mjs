// @ts-check
import { defineConfig } from "astro/config";
import tailwindcss from "@tailwindcss/vite";
import { siteOrigin } from "./scripts/lib/site-origin.mjs";

const origin = siteOrigin(process.env);
// Loud only where it matters: a build (not dev or astro check).
if (origin.warning && process.argv.includes("build")) console.warn(origin.warning);

export default defineConfig({
  // The public origin, for absolute links (hreflang, canonical, embeds, citations, og:image, oEmbed): DSC_SITE (docs/deploy.md).
  site: origin.site,
  output: "static",
  // DSC_OUT lets a second build (e.g. a benchmark or a parallel check) write elsewhere than dist/.
  outDir: process.env.DSC_OUT ?? "./dist",
  trailingSlash: "always",
  build: {
    format: "directory",
    // External files only: the Content-Security-Policy allows scripts and styles from 'self', not inline.
    inlineStylesheets: "never",
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
    optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
    ssr: { external: ["@duckdb/node-api"] },
  },
});
