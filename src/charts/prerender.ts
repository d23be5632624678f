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
import type { ChartSpec } from "../spec/spec";
import type { Payload } from "./payload";
import { assertNoCollisions, drawChart } from "./render";
import { eventsInView, type ShownEvent } from "./events";
import { summarize } from "./summary";
import { viewTitle } from "./title";
import { sourcesOf, tableModel, type TableModel } from "./table";
import { resolve } from "./resolve";
import { windowNotes } from "./window-notes";

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
  /** Notes under the chart: the catalog's, then the series' own caveats and window notes where it asks for them. */
  notes: string[];
  ctx: ChartContext;
  /** The part of the figure's payload (src/charts/payload.ts) that comes from drawing it. */
  payload: Pick<Payload, "spec" | "defaults" | "bounds" | "title" | "subtitle">;
}

/** Default width of pre-rendered SVGs (the widest variant). */
export const PRERENDER_WIDTH = 880;

/**
 * Container widths at which a pre-rendered chart switches layout (px). Each variant is drawn for the narrowest
 * container it is shown in and only ever scaled up (global.css picks it with container queries), so its text is
 * never smaller on screen than drawn: a phone gets a chart laid out for a phone, with no JavaScript.
 * global.css has one rule pair per width here and per figure width used (460, 880).
 */
export const VARIANT_BREAKPOINTS = [320, 560] as const;

/** The widths a chart is pre-rendered at: every breakpoint below its own width, then its width. */
export function variantWidths(width: number): number[] {
  return [...VARIANT_BREAKPOINTS.filter((w) => w < width - 40), width];
}

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
  // A chart whose series the reader picks is titled by what it shows, not by the catalog's generic title.
  const named = bounds.fields.includes("series")
    ? viewTitle(spec, rows, ctx)
    : { title: t(lang, def.title), subtitle: def.subtitle ? t(lang, def.subtitle) : "" };
  const title = named.title;
  const size = opts.embed ? undefined : def.size;
  const wide = opts.width ?? size?.width ?? PRERENDER_WIDTH;
  const widths = spec.mark === "sparkline" ? [wide] : variantWidths(wide);
  const variants = widths.map((width) => {
    // Overlapping annotation labels stop the build: a data change must not make a chart unreadable silently.
    const { el } = assertNoCollisions(
      `${def.id} (${lang}, ${width} px)`,
      drawChart(
        spec,
        rows,
        ctx,
        { width, height: opts.height ?? size?.height, label: title, describedBy: `${opts.domId}-summary` },
        document as unknown as Document,
      ),
    );
    return { width, svg: el.outerHTML };
  });
  const notes = [
    ...(def.notes ?? []).map((k) => t(lang, k)),
    ...(def.caveats ? caveatNotes(await getMeta(), spec.series, lang) : []),
    ...(def.windowNotes ? await windowNotes(spec.series[0]!, lang) : []),
  ];
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
    notes,
    ctx,
    payload: { spec, defaults, bounds, title, subtitle: named.subtitle },
  };
}
