/**
 * Build-time rendering of a chart: the same SQL as the browser (DuckDB in Node), drawn with Plot on a server
 * DOM (linkedom), plus its summary, table and sources. Never shipped to browsers.
 */
import { parseHTML } from "linkedom";
import { buildDb } from "../db/node";
import { loadMeta, sourcesOfSeries } from "../db/queries/meta";
import { runChartQuery } from "../db/queries";
import type { Row } from "../db/tables";
import { t, type Lang } from "../i18n";
import { buildContext, pickContext, type ChartContext } from "./context";
import type { ChartDef } from "../spec/catalog";
import type { ChartSpec, SpecBounds } from "../spec/spec";
import { renderChart } from "./render";
import { eventsInView, type ShownEvent } from "./events";
import { summarize } from "./summary";
import { sourcesOf, tableModel, type TableModel } from "./table";
import { resolve } from "./resolve";

type Meta = Awaited<ReturnType<typeof loadMeta>>;
let meta: Promise<Meta> | null = null;

export function getMeta(): Promise<Meta> {
  meta ??= loadMeta(buildDb);
  return meta;
}

const contexts = new Map<Lang, Promise<ChartContext>>();

/** Labels, units, sources and events for a language: built once per build, shared by every chart. */
export function fullContext(lang: Lang): Promise<ChartContext> {
  let c = contexts.get(lang);
  if (!c) {
    c = getMeta().then((m) => buildContext(m, lang));
    contexts.set(lang, c);
  }
  return c;
}

/** What the browser needs to take a pre-rendered figure over. */
export interface FigurePayload {
  spec: ChartSpec;
  defaults: ChartSpec;
  bounds: SpecBounds;
  title: string;
}

export interface Prerendered {
  spec: ChartSpec;
  rows: Row[];
  svg: string;
  summary: string;
  table: TableModel;
  events: ShownEvent[];
  sourceIds: string[];
  /** Notes under the chart: the catalog's, then the series' own caveats where the chart asks for them. */
  notes: string[];
  ctx: ChartContext;
  payload: FigurePayload;
}

/** Default width of pre-rendered SVGs; they scale down with CSS (viewBox). */
export const PRERENDER_WIDTH = 880;

/** The series' own caveats, as comparability notes. */
function caveatNotes(m: Meta, series: readonly string[], lang: Lang): string[] {
  return series.flatMap((sid) => {
    const r = m.series.find((s) => s.series_id === sid);
    const v = r ? r[`caveats_${lang}`] : null;
    return v ? [`${t(lang, "intl.comparability")}: ${String(v)}`] : [];
  });
}

export async function prerender(
  def: ChartDef,
  lang: Lang,
  /** `embed`: drawn alone (embed route, static image), so at full width rather than the page's size. */
  opts: { width?: number; height?: number; domId: string; embed?: boolean },
): Promise<Prerendered> {
  const { defaults, bounds } = await resolve(def, lang);
  const spec = defaults;
  const rows = await runChartQuery(buildDb, spec);
  const all = await fullContext(lang);
  const boundSeries = [...new Set([...bounds.series, ...spec.series])];
  const ctx = pickContext(all, boundSeries, await sourcesOfSeries(buildDb, boundSeries));
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const title = t(lang, def.title);
  const size = opts.embed ? undefined : def.size;
  const el = renderChart(
    spec,
    rows,
    ctx,
    {
      width: opts.width ?? size?.width ?? PRERENDER_WIDTH,
      height: opts.height ?? size?.height,
      label: title,
      describedBy: `${opts.domId}-summary`,
    },
    document as unknown as Document,
  );
  const notes = [
    ...(def.notes ?? []).map((k) => t(lang, k)),
    ...(def.caveats ? caveatNotes(await getMeta(), spec.series, lang) : []),
  ];
  return {
    spec,
    rows,
    svg: el.outerHTML,
    summary: summarize(spec, rows, ctx),
    table: tableModel(spec, rows, ctx),
    events: eventsInView(spec, rows, ctx),
    sourceIds: sourcesOf(rows),
    notes,
    ctx,
    payload: { spec, defaults, bounds, title },
  };
}
