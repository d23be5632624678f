// The public origin the build writes into canonical and hreflang links, embed codes, citations and permalinks
// (astro.config.mjs `site`). It comes from DSC_SITE; without it a build names the local preview server, so
// `astro build` prints a loud warning: such a build is for this machine only.
export const LOCAL_SITE = "http://127.0.0.1:4321";

/**
 * The site origin and, when there is something to say, a warning for the build log.
 * @param {Record<string, string | undefined>} env
 * @returns {{ site: string, warning: string | null }}
 */
export function siteOrigin(env) {
  const raw = env.DSC_SITE?.trim();
  if (!raw) {
    return {
      site: LOCAL_SITE,
      warning: [
        "",
        "!".repeat(100),
        `!! DSC_SITE is not set: canonical links, hreflang, embed codes, citations and permalinks will point at`,
        `!! ${LOCAL_SITE}. Fine for a local preview; for a deployment build with the public address, e.g.`,
        "!!   DSC_SITE=https://stats.example.org npm run build        (see docs/deploy.md)",
        "!".repeat(100),
        "",
      ].join("\n"),
    };
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DSC_SITE="${raw}" is not a URL (expected e.g. https://stats.example.org)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`DSC_SITE="${raw}" must be an http(s) address`);
  const warning =
    url.protocol === "http:" && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)
      ? `DSC_SITE=${raw} is plain http: a public deployment should use https (docs/deploy.md recommends HSTS).`
      : null;
  return { site: raw, warning };
}
