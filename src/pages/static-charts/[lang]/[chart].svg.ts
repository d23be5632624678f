/**
 * Static images with stable URLs: /static-charts/{lang}/{chart}.svg, the default view of every catalog chart,
 * composed exactly like the browser's SVG download (title, subtitle, chart, sources, data release, date, link).
 * scripts/render-png.mjs rasterises each into {chart}.png at 2× after the build (no browser needed).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG } from "../../../spec/catalog";
import { defaultView, staticSvg } from "../../../charts/social/build";
import { LANGS, type Lang } from "../../../i18n";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => Object.keys(CATALOG).map((chart) => ({ params: { lang, chart } })));

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const svg = staticSvg(await defaultView(params.chart!, lang), lang, site?.origin ?? "");
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
