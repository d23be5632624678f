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

/**
 * Strict-Transport-Security for hosts that serve HTTPS (the nginx snippet, Netlify, Cloudflare Pages): one year,
 * this host only. Not includeSubDomains/preload: a newsroom's copy often lives on a subdomain of a larger site
 * whose other hosts this project cannot vouch for. Browsers ignore it over plain HTTP, and the local preview
 * (scripts/serve.mjs, http on loopback) does not send it.
 */
export const HSTS = "max-age=31536000";

/** The headers of headersFor(), plus HSTS: what the HTTPS host configurations send. */
export function httpsHeadersFor(pathname) {
  return { ...headersFor(pathname), "Strict-Transport-Security": HSTS };
}

export function headersFor(pathname) {
  const embed = isEmbed(pathname);
  const h = {
    "Content-Security-Policy": `${CSP_BASE}; frame-ancestors ${embed ? "*" : "'none'"}`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // browsing-topics replaces the retired interest-cohort (FLoC) token.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
    // Embeds, the host-page resize script and the static chart images are meant to be used by other sites.
    "Cross-Origin-Resource-Policy": embed || isShared(pathname) ? "cross-origin" : "same-origin",
  };
  if (!embed) {
    h["X-Frame-Options"] = "DENY";
    // A page that opens another site (source links) keeps no window reference to it, and back. Embeds are left
    // without it: they live inside other sites' pages.
    h["Cross-Origin-Opener-Policy"] = "same-origin";
  }
  if (/\/_astro\//.test(pathname)) h["Cache-Control"] = "public, max-age=31536000, immutable";
  else h["Cache-Control"] = "public, max-age=300";
  return h;
}
