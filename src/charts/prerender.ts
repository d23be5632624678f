/**
 * Build-time rendering of a chart: the same SQL as the browser (DuckDB in Node), drawn with Plot on a server
 * DOM (linkedom), plus its summary, table and sources. Never shipped to browsers.
 */
import { parseHTML } from "linkedom";
import { nodeDb } from "../db/node";
import { loadMeta } from "../db/queries/meta";
import { runChartQuery } from "../db/queries";
import type { Row } from "../db/tables";
import type { Lang } from "../i18n/format";
import { buildContext, pickContext, type ChartContext } from "./context";
import type { ChartDef } from "./catalog";
import type { ChartSpec } from "./spec";
import type { SpecBounds } from "../state/url";
import { assertNoCollisions, drawChart } from "./render";
import { eventsInView, type ShownEvent } from "./events";
import { summarize } from "./summary";
import { viewTitle } from "./title";
import { sourcesOf, tableModel, type TableModel } from "./table";

type Meta = Awaited<ReturnType<typeof loadMeta>>;
let meta: Promise<Meta> | null = null;
export const buildDb = nodeDb();

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
  /** series → dimension → category codes present in the data (to offer only real choices). */
  available: Record<string, Record<string, string[]>>;
  title: string;
}

export interface Prerendered {
  spec: ChartSpec;
  rows: Row[];
  /** The widest variant (downloads, static images). */
  svg: string;
  /** Title and subtitle of the view shown (the catalog's, or derived from the view where readers pick series). */
  title: string;
  subtitle: string;
  /** The chart laid out for each width it may be shown at, narrowest first (see variantWidths). */
  variants: { width: number; svg: string }[];
  summary: string;
  table: TableModel;
  events: ShownEvent[];
  sourceIds: string[];
  ctx: ChartContext;
  payload: FigurePayload;
}

/** Default width of pre-rendered SVGs (the widest variant). */
export const PRERENDER_WIDTH = 880;

/**
 * Container widths at which a pre-rendered chart switches layout (px). Each variant is drawn for the narrowest
 * container it is shown in and only ever scaled up (global.css picks it with container queries), so its text is
 * never smaller on screen than drawn: a phone gets a chart laid out for a phone, with no JavaScript.
 * global.css has one rule pair per width here (a unit test keeps them in step).
 */
export const VARIANT_BREAKPOINTS = [320, 560] as const;

/** The widths a chart is pre-rendered at: every breakpoint below its own width, then its width. */
export function variantWidths(width: number): number[] {
  return [...VARIANT_BREAKPOINTS.filter((w) => w < width - 40), width];
}

const AVAILABLE_SQL = `SELECT series_id, dimension, string_agg(DISTINCT category, ',' ORDER BY category) AS cats FROM observations
  WHERE subdimension IS NULL AND list_contains(string_split($1, ','), series_id) GROUP BY ALL ORDER BY ALL`;
const SOURCES_OF_SQL = `SELECT DISTINCT source_id FROM observations WHERE list_contains(string_split($1, ','), series_id) ORDER BY 1`;

export async function prerender(
  def: ChartDef,
  lang: Lang,
  opts: { spec?: Partial<ChartSpec>; bounds?: Partial<SpecBounds>; width?: number; height?: number; domId: string },
): Promise<Prerendered> {
  const defaults: ChartSpec = { ...def.defaults, lang, ...opts.spec };
  const bounds: SpecBounds = { ...def.bounds, ...opts.bounds };
  if (!bounds.series.length) bounds.series = defaults.series;
  const spec = defaults;
  const rows = await runChartQuery(buildDb, spec);
  const all = await fullContext(lang);
  const boundSeries = [...new Set([...bounds.series, ...spec.series])];
  const srcRows = await buildDb.query(SOURCES_OF_SQL, [boundSeries.join(",")]);
  const ctx = pickContext(
    all,
    boundSeries,
    srcRows.map((r) => String(r.source_id)),
  );
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  // A chart whose series the reader picks is titled by what it shows, not by the catalog's generic title.
  const follows = bounds.fields.includes("series");
  const named = follows ? viewTitle(spec, rows, ctx) : { title: def.title[lang], subtitle: def.subtitle[lang] };
  const title = named.title;
  const widths =
    spec.mark === "sparkline" ? [opts.width ?? PRERENDER_WIDTH] : variantWidths(opts.width ?? PRERENDER_WIDTH);
  const variants = widths.map((width) => {
    // Overlapping annotation labels stop the build: a data change must not make a chart unreadable silently.
    const { el } = assertNoCollisions(
      `${def.id} (${lang}, ${width} px)`,
      drawChart(
        spec,
        rows,
        ctx,
        { width, height: opts.height, label: title, describedBy: `${opts.domId}-summary` },
        document as unknown as Document,
      ),
    );
    return { width, svg: el.outerHTML };
  });
  const available: FigurePayload["available"] = {};
  if (bounds.fields.length) {
    for (const r of await buildDb.query(AVAILABLE_SQL, [boundSeries.join(",")])) {
      const sid = String(r.series_id);
      available[sid] ??= {};
      available[sid][String(r.dimension)] = String(r.cats ?? "")
        .split(",")
        .filter(Boolean);
    }
  }
  return {
    spec,
    rows,
    svg: variants[variants.length - 1]!.svg,
    title,
    subtitle: named.subtitle,
    variants,
    summary: summarize(spec, rows, ctx),
    table: tableModel(spec, rows, ctx),
    events: eventsInView(spec, rows, ctx),
    sourceIds: sourcesOf(rows),
    ctx,
    payload: { spec, defaults, bounds, available, title },
  };
}
