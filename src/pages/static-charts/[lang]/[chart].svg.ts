/**
 * Static images with stable URLs: /static-charts/{lang}/{chart}.svg, the default view of every catalog chart,
 * composed exactly like the browser's SVG download (title, subtitle, chart, sources, data release, date, link).
 * scripts/render-png.mjs rasterises each into {chart}.png at 2× after the build (no browser needed).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG } from "../../../charts/catalog";
import { defaultView } from "../../../charts/social/build";
import { composeSvg } from "../../../charts/actions/compose";
import { LANGS, formatDate, t, type Lang } from "../../../i18n";
import { pageUrl } from "../../../i18n/routes";
import { RELEASE } from "../../../data/release";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => Object.keys(CATALOG).map((chart) => ({ params: { lang, chart } })));

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const v = await defaultView(params.chart!, lang);
  const origin = (site?.origin ?? "").replace(/\/$/, "");
  const svg = composeSvg({
    chartSvg: v.pr.svg,
    width: v.width,
    height: v.height,
    title: v.def.title[lang],
    subtitle: v.def.subtitle[lang],
    footer: [
      v.sourceLine,
      t(lang, "share.imageFooter", { release: RELEASE, date: formatDate(new Date().toISOString().slice(0, 10), lang) }),
      `${origin}${pageUrl(lang, `embed/${v.def.id}`)}`,
    ],
  });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
