// @ts-check
import { defineConfig } from "astro/config";
import tailwindcss from "@tailwindcss/vite";

export default defineConfig({
  // The public origin, for absolute links (hreflang, canonical, og:image, oEmbed). Set DSC_SITE when deploying.
  site: process.env.DSC_SITE ?? "http://127.0.0.1:4321",
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
