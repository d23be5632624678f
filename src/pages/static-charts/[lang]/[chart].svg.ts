/**
 * Static images with stable URLs: /static-charts/{lang}/{chart}.svg, the default view of every catalog chart,
 * composed exactly like the browser's SVG download (title, subtitle, chart, sources, data release, date, link).
 * SVG only: a PNG would need a browser at build time.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { CATALOG } from "../../../spec/catalog";
import { prerender } from "../../../charts/prerender";
import { composeSvg, svgSize } from "../../../charts/actions/compose";
import { LANGS, formatDate, t, type Lang } from "../../../i18n";
import { pageUrl } from "../../../i18n/routes";
import { RELEASE } from "../../../data/release";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => Object.keys(CATALOG).map((chart) => ({ params: { lang, chart } })));

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const def = CATALOG[params.chart!]!;
  const pr = await prerender(def, lang, { domId: `static-${def.id}`, embed: true });
  const { width, height } = svgSize(pr.svg);
  const publishers = [
    ...new Set(pr.sourceIds.map((id) => pr.ctx.sources[id]?.publisher[lang]).filter((x): x is string => !!x)),
  ];
  const origin = (site?.origin ?? "").replace(/\/$/, "");
  const svg = composeSvg({
    chartSvg: pr.svg,
    width,
    height,
    title: t(lang, def.title),
    subtitle: def.subtitle ? t(lang, def.subtitle) : "",
    footer: [
      `${t(lang, publishers.length > 1 ? "chart.sources" : "chart.source")}: ${publishers.join("; ")}`,
      t(lang, "share.imageFooter", { release: RELEASE, date: formatDate(new Date().toISOString().slice(0, 10), lang) }),
      `${origin}${pageUrl(lang, `embed/${def.id}`)}`,
    ],
  });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
