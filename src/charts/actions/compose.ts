/**
 * A chart as a self-contained image: header (title, subtitle) + the chart's SVG + footer (sources, data
 * release, date, permalink), as one SVG document. Pure string work, so the build (static images) and the
 * browser (downloads) compose exactly the same picture.
 */

export interface ComposeParts {
  /** The chart's own <svg> element as markup (Plot output). */
  chartSvg: string;
  /** Size the chart was drawn at (its width/height attributes). */
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** Footer lines, e.g. "Source: …" and "dsc-stats · data release 0.1.0 · 26 Nov 2025 · https://…". */
  footer: string[];
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Rough text width in px: CJK and Hangul are about one em wide, Latin about 0.56 em. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return w * size;
}

/** Greedy word wrap to `max` px (long words are kept whole). */
export function wrap(s: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, size) > max) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Make the chart markup a nested <svg> positioned at (x, y); drop attributes that only matter on a page. */
function nest(chartSvg: string, x: number, y: number): string {
  return chartSvg
    .replace(/^\s*<svg\b/, `<svg x="${x}" y="${y}"`)
    .replace(/\s(?:aria-describedby|focusable)="[^"]*"/g, "");
}

const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif";

export function composeSvg(p: ComposeParts): string {
  const pad = 16;
  const width = Math.max(p.width + 2 * pad, 360);
  const inner = width - 2 * pad;
  const out: string[] = [];
  let y = pad;
  const text = (s: string, size: number, weight: number, fill: string) => {
    for (const line of wrap(s, size, inner)) {
      y += Math.round(size * 1.3);
      out.push(
        `<text x="${pad}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(line)}</text>`,
      );
    }
  };
  text(p.title, 18, 700, "#111");
  if (p.subtitle) text(p.subtitle, 13, 400, "#555");
  y += 10;
  const chartY = y;
  y += p.height + 8;
  for (const f of p.footer) text(f, 11, 400, "#555");
  const height = y + pad;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="${escapeXml(FONT)}" style="color:#111;--chart-bg:#fff">`,
    `<title>${escapeXml(p.title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...out,
    nest(p.chartSvg, pad, chartY),
    `</svg>`,
  ].join("");
}

/** Width and height attributes of an <svg> start tag (0 when absent). */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const n = (a: string) => Number(new RegExp(`\\s${a}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);
  return { width: n("width"), height: n("height") };
}
