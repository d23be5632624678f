// The Content-Security-Policy shared by the <meta> tag (src/state/csp.ts re-exports it) and host headers.
// frame-ancestors only works as a header, so hosts add it per route (see site-headers.mjs).
export const CSP_BASE = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // DuckDB-WASM's worker is a same-origin file under /_astro/; no blob: workers are made.
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");
