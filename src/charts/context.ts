import { formatCountry, type Lang } from "../i18n/format";
import { inEveryLang } from "../i18n/columns";
import type { Row } from "../db/tables";

/** A label in every language. */
export type Bilingual = Record<Lang, string>;

/**
 * What renderers, summaries and tables need beyond the rows: labels, units and events. Built once at build
 * time from the metadata tables and embedded in the page as JSON, so the browser redraws without extra queries.
 */
export interface ChartContext {
  lang: Lang;
  /** `${dimension}:${category}` → label. */
  categories: Record<string, Bilingual>;
  /** series_id → title, unit and body. */
  series: Record<
    string,
    {
      title: Bilingual;
      unit: Bilingual;
      body: Bilingual;
      unitCode: string;
      /** ISO country code, e.g. KR. */ country?: string;
    }
  >;
  /** Annotation events (ISO dates); `series` empty = applies to every Korean series. */
  events: { id: string; date: string; title: Bilingual; series: string[]; kind: string }[];
  /** source_id → what a source line needs. */
  sources: Record<string, { publisher: Bilingual; title: string; url: string; grade: string; published: string }>;
}

const s = (v: Row[string] | undefined) => (v == null ? "" : String(v));

export function buildContext(
  meta: { categories: Row[]; series: Row[]; events: Row[]; sources: Row[] },
  lang: Lang,
): ChartContext {
  const ctx: ChartContext = { lang, categories: {}, series: {}, events: [], sources: {} };
  for (const r of meta.sources)
    ctx.sources[s(r.source_id)] = {
      publisher: inEveryLang(r, "publisher"),
      title: s(r.title),
      url: s(r.url),
      grade: s(r.grade),
      published: s(r.published),
    };
  for (const c of meta.categories) ctx.categories[`${s(c.dimension)}:${s(c.category)}`] = inEveryLang(c, "label");
  for (const r of meta.series)
    ctx.series[s(r.series_id)] = {
      title: inEveryLang(r, "title"),
      unit: inEveryLang(r, "unit"),
      body: inEveryLang(r, "body"),
      unitCode: s(r.unit),
      country: s(r.country),
    };
  for (const e of meta.events)
    ctx.events.push({
      id: s(e.event_id),
      date: s(e.date),
      title: inEveryLang(e, "title"),
      series: s(e.series_ids).split(/\s+/).filter(Boolean),
      kind: s(e.kind),
    });
  return ctx;
}

/** Only the parts of a context a set of series and sources needs (keeps embedded JSON small). */
export function pickContext(
  ctx: ChartContext,
  seriesIds: readonly string[],
  sourceIds: readonly string[],
): ChartContext {
  const series: ChartContext["series"] = {};
  for (const id of seriesIds) if (ctx.series[id]) series[id] = ctx.series[id];
  const sources: ChartContext["sources"] = {};
  for (const id of sourceIds) if (ctx.sources[id]) sources[id] = ctx.sources[id];
  const events = ctx.events.filter((e) => e.series.length === 0 || e.series.some((id) => seriesIds.includes(id)));
  return { ...ctx, series, events, sources };
}

export function categoryLabel(ctx: ChartContext, dimension: string, category: string): string {
  if (dimension === "total" && category === "all") return "";
  return ctx.categories[`${dimension}:${category}`]?.[ctx.lang] ?? category;
}

export function seriesTitle(ctx: ChartContext, id: string): string {
  return ctx.series[id]?.title[ctx.lang] ?? id;
}

/**
 * The shortest name that tells a series apart from the others shown with it: its country where no other of them is
 * from the same country ("Japan"), else its title.
 */
export function seriesName(ctx: ChartContext, id: string, shown: readonly string[]): string {
  const c = ctx.series[id]?.country;
  const alone = c && shown.filter((x) => ctx.series[x]?.country === c).length === 1;
  return alone ? formatCountry(c, ctx.lang) : seriesTitle(ctx, id);
}

export function unitOf(ctx: ChartContext, id: string): Bilingual {
  return ctx.series[id]?.unit ?? { ko: "", en: "" };
}

/** Label of one plotted line or bar: series title when several series are shown, else the category. */
export function keyLabel(ctx: ChartContext, dimension: string, row: Row, manySeries: boolean): string {
  const cat = categoryLabel(ctx, dimension, String(row.category ?? ""));
  if (!manySeries) return cat || seriesTitle(ctx, String(row.series_id));
  const title = seriesTitle(ctx, String(row.series_id));
  return cat ? `${title} — ${cat}` : title;
}
