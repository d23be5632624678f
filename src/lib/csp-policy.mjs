// The Content-Security-Policy shared by the <meta> tag (src/lib/csp.ts) and host headers (scripts/lib/site-headers.mjs).
// frame-ancestors only works as a header, so hosts add it per route. Plain JS so Node scripts can import it as is.
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
