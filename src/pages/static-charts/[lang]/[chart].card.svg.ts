/**
 * Link-preview cards (1200 × 630) as SVG: /static-charts/{lang}/{chart}.card.svg for every catalog chart and
 * /static-charts/{lang}/site.card.svg for pages without a chart. scripts/render-png.mjs turns each into the
 * .card.png that og:image, twitter:image and the oEmbed thumbnail point to.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG } from "../../../spec/catalog";
import { composeCard } from "../../../charts/social/card";
import { defaultView } from "../../../charts/social/build";
import { SITE_CARD } from "../../../charts/social/paths";
import { LANGS, t, type Lang } from "../../../i18n";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => [...Object.keys(CATALOG), SITE_CARD].map((chart) => ({ params: { lang, chart } })));

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const host = site ? new URL(site).host : "";
  const name = t(lang, "site.name");
  const siteLine = host ? `${name} · ${host}` : name;
  let svg: string;
  if (params.chart === SITE_CARD) {
    svg = composeCard({ chartSvg: null, title: name, subtitle: t(lang, "site.tagline"), source: "", site: siteLine });
  } else {
    const v = await defaultView(params.chart!, lang);
    svg = composeCard({
      chartSvg: v.pr.svg,
      title: t(lang, v.def.title),
      subtitle: v.def.subtitle ? t(lang, v.def.subtitle) : "",
      source: v.sourceLine,
      site: siteLine,
    });
  }
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
