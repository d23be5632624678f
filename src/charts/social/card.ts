/**
 * The 1200 × 630 link-preview card of a chart as one SVG document: site name, title, the chart scaled to fit, and
 * the source line. Pure string work (like ./../actions/compose.ts), rasterised at build time without a browser.
 * The font stack names Pretendard first: the build's rasteriser is given that font (Korean and Latin), so Hangul
 * renders the same on any build machine.
 */
import { escapeXml, wrap } from "../actions/compose";
import { CARD } from "./paths";

export interface CardParts {
  /** The chart's own <svg> markup (Plot output), or null for the site card. */
  chartSvg: string | null;
  title: string;
  /** One line under the title (the chart's unit and period, or the site's tagline). */
  subtitle: string;
  /** "Source: …" (left out when empty). */
  source: string;
  /** Site name and address, bottom right. */
  site: string;
}

export const CARD_FONT = "Pretendard, system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', sans-serif";
const PAD = 48;

/** At most `max` wrapped lines; the last one ends in "…" when text was cut. */
function lines(s: string, size: number, width: number, max: number): string[] {
  const all = wrap(s, size, width);
  if (all.length <= max) return all;
  const kept = all.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/[\s,.;:·]+$/, "")}…`;
  return kept;
}

/** The chart markup as a nested <svg> scaled into the box (its viewBox keeps the drawing's proportions). */
function fit(chartSvg: string, x: number, y: number, w: number, h: number): string {
  const tag = /^\s*<svg\b[^>]*>/.exec(chartSvg)?.[0] ?? "<svg>";
  const num = (a: string) => Number(new RegExp(`\\s${a}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);
  const viewBox = /\sviewBox="([^"]*)"/.exec(tag)?.[1] ?? `0 0 ${num("width")} ${num("height")}`;
  const open = tag
    .replace(/\s(?:width|height|viewBox|x|y|aria-describedby|focusable|preserveAspectRatio)="[^"]*"/g, "")
    .replace(
      /^\s*<svg\b/,
      `<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet"`,
    );
  return open + chartSvg.slice(tag.length);
}

export function composeCard(p: CardParts): string {
  const { width, height } = CARD;
  const inner = width - 2 * PAD;
  const out: string[] = [];
  const text = (s: string, x: number, y: number, size: number, weight: number, fill: string, anchor = "start") =>
    out.push(
      `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}"${anchor === "start" ? "" : ` text-anchor="${anchor}"`}>${escapeXml(s)}</text>`,
    );
  let y = p.chartSvg ? PAD + 4 : 200;
  const titleSize = p.chartSvg ? 38 : 56;
  for (const l of lines(p.title, titleSize, inner, 2)) {
    y += Math.round(titleSize * 1.2);
    text(l, PAD, y, titleSize, 700, "#111111");
  }
  if (p.subtitle) {
    const size = p.chartSvg ? 22 : 30;
    for (const l of lines(p.subtitle, size, inner, p.chartSvg ? 1 : 3)) {
      y += Math.round(size * 1.35);
      text(l, PAD, y, size, 400, "#555555");
    }
  }
  const footY = height - PAD + 6;
  if (p.chartSvg) {
    const top = y + 20;
    const bottom = footY - 40;
    out.push(fit(p.chartSvg, PAD, top, inner, Math.max(80, bottom - top)));
  }
  out.push(`<rect x="0" y="${height - 8}" width="${width}" height="8" fill="#005a8c"/>`);
  const siteW = Math.min(inner / 2, p.site.length * 11);
  if (p.source) text(lines(p.source, 20, inner - siteW - 24, 1)[0]!, PAD, footY, 20, 400, "#444444");
  text(p.site, width - PAD, footY, 20, 700, "#005a8c", "end");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="${escapeXml(CARD_FONT)}" style="color:#111111;--chart-bg:#ffffff">`,
    `<title>${escapeXml(p.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...out,
    `</svg>`,
  ].join("");
}
