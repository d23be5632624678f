/**
 * Build-time facts about a chart's default view that its static image, social card, oEmbed file and page meta
 * share: the pre-rendered chart, its summary and its source line. Never shipped to browsers.
 */
import { CATALOG, type ChartDef } from "../../spec/catalog";
import { prerender, type Prerendered } from "../prerender";
import { composeSvg, svgSize } from "../actions/compose";
import { CHARS_PER_LINE, formatDate, t, type Lang } from "../../i18n";
import { pageUrl } from "../../i18n/routes";
import { RELEASE } from "../../data/release";

export interface DefaultView {
  def: ChartDef;
  pr: Prerendered;
  /** Size the chart was drawn at. */
  width: number;
  height: number;
  /** "Source: A; B" with the publishers of the figures shown. */
  sourceLine: string;
}

const cache = new Map<string, Promise<DefaultView>>();

/** The chart as drawn with its catalog defaults, once per build and language. */
export function defaultView(id: string, lang: Lang): Promise<DefaultView> {
  const key = `${lang}:${id}`;
  let v = cache.get(key);
  if (!v) {
    const def = CATALOG[id];
    if (!def) throw new Error(`Unknown chart id: ${id}`);
    v = prerender(def, lang, { domId: `static-${id}`, embed: true }).then((pr) => {
      const publishers = [
        ...new Set(pr.sourceIds.map((s) => pr.ctx.sources[s]?.publisher[lang]).filter((x): x is string => !!x)),
      ];
      const label = t(lang, publishers.length > 1 ? "chart.sources" : "chart.source");
      return { def, pr, ...svgSize(pr.svg), sourceLine: publishers.length ? `${label}: ${publishers.join("; ")}` : "" };
    });
    cache.set(key, v);
  }
  return v;
}

/**
 * Height (px) an embed of this view needs at its oEmbed width without the resize script: the chart, title and
 * subtitle, controls, event notes, the summary and source line (wrapped), the closed table and the full-view link.
 * Generous on purpose (a little space below beats a scrollbar); checked against the real content in Chromium
 * (tests/browser/embed-links-theme.test.ts).
 */
export function embedHeight(pr: Prerendered, lang: Lang): number {
  const perLine = CHARS_PER_LINE[lang];
  const lines = (chars: number) => Math.max(1, Math.ceil(chars / perLine));
  // Each source reads "publisher, “title” (date) (quote and grade)".
  const sources = pr.sourceIds.reduce((n, id) => {
    const s = pr.ctx.sources[id];
    return n + (s?.publisher[lang]?.length ?? 0) + (s?.title?.length ?? 0) + 40;
  }, 10);
  // The catalog entry's notes are a list below the chart.
  const notes = pr.notes.reduce((n, x) => n + 20 * lines(x.length) + 6, pr.notes.length ? 24 : 0);
  const fields = pr.payload.bounds.fields.length;
  const h =
    svgSize(pr.svg).height +
    240 +
    (fields ? 90 + 20 * fields : 0) +
    20 * pr.events.length +
    20 * lines(pr.summary.length) +
    20 * lines(sources) +
    notes;
  // 5% to spare for wrapping the estimate cannot see.
  return Math.min(1600, Math.round(h * 1.05));
}

/**
 * The default view as a self-contained image (title, subtitle, chart, sources, release and date, link): the
 * /static-charts/{lang}/{id}.svg file, and at 2× its PNG.
 */
export function staticSvg(v: DefaultView, lang: Lang, origin: string): string {
  return composeSvg({
    chartSvg: v.pr.svg,
    width: v.width,
    height: v.height,
    title: t(lang, v.def.title),
    subtitle: v.def.subtitle ? t(lang, v.def.subtitle) : "",
    footer: [
      v.sourceLine,
      t(lang, "share.imageFooter", { release: RELEASE, date: formatDate(new Date().toISOString().slice(0, 10), lang) }),
      `${origin.replace(/\/$/, "")}${pageUrl(lang, `embed/${v.def.id}`)}`,
    ],
  });
}
