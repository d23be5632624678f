/**
 * Where a chart's shareable files live, one place for the pages, the embed dialog, the oEmbed files and the
 * tests: /static-charts/{lang}/{id}.svg (default view, composed), .png (the same at 2×), .card.svg/.card.png
 * (1200 × 630 link-preview card) and .oembed.json. The PNGs are rasterised after `astro build` by
 * scripts/render-png.mjs from the SVGs Astro writes, so they always show exactly what the pre-renderer drew.
 */
import type { Lang } from "../../i18n/format";
import { CATALOG } from "../../spec/catalog";

/** Open Graph's recommended size (Facebook, KakaoTalk, X's summary_large_image all crop well from it). */
export const CARD = { width: 1200, height: 630 } as const;

/** The default-view PNG is the composed SVG at this scale (sharp on 2× screens). */
export const PNG_SCALE = 2;

/** Id of the card shown for pages that have no chart of their own (sources, explore). */
export const SITE_CARD = "site";

const base = () => import.meta.env.BASE_URL.replace(/\/?$/, "/");

export function staticFiles(lang: Lang, id: string) {
  const dir = `${base()}static-charts/${lang}/${id}`;
  return {
    svg: `${dir}.svg`,
    png: `${dir}.png`,
    cardSvg: `${dir}.card.svg`,
    card: `${dir}.card.png`,
    oembed: `${dir}.oembed.json`,
  };
}

/**
 * The chart that stands for a page in link previews: its main chart (whose view is in the page URL) where it has
 * one, else its first chart (from the catalog entries' page and role). Pages without charts show the site card.
 */
export function pageChart(slug: string): { id: string; primary: boolean } | null {
  const on = Object.values(CATALOG).filter((c) => c.page === slug && c.defaults.mark !== "sparkline");
  const main = on.find((c) => c.role === "primary");
  if (main) return { id: main.id, primary: true };
  return on[0] ? { id: on[0].id, primary: false } : null;
}
