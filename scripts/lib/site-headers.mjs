// The HTTP headers the site needs, in one place: used by scripts/serve.mjs and to write public/_headers and
// docs' nginx snippet. Only embed routes may be framed by other sites.
import { CSP_BASE } from "./csp.mjs";

export function isEmbed(pathname) {
  return /^\/(?:[^/]+\/)*embed\//.test(pathname) || /^\/(ko|en)\/embed\//.test(pathname);
}

/** Files other sites load directly: the optional embed resize script and the static chart images. */
export function isShared(pathname) {
  return /(?:^|\/)embed-resize\.js$/.test(pathname) || /\/static-charts\//.test(pathname);
}

export function headersFor(pathname) {
  const embed = isEmbed(pathname);
  const h = {
    "Content-Security-Policy": `${CSP_BASE}; frame-ancestors ${embed ? "*" : "'none'"}`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    // Embeds, the host-page resize script and the static chart images are meant to be used by other sites.
    "Cross-Origin-Resource-Policy": embed || isShared(pathname) ? "cross-origin" : "same-origin",
  };
  if (!embed) h["X-Frame-Options"] = "DENY";
  if (/\/_astro\//.test(pathname)) h["Cache-Control"] = "public, max-age=31536000, immutable";
  else h["Cache-Control"] = "public, max-age=300";
  return h;
}
