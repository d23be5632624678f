import type { Lang } from "../i18n/format";

/** How values are shown. `share` uses shares as published (never computed); `index` is derived: first year = 100. */
export type Mode = "absolute" | "share" | "index";
export const MODES: readonly Mode[] = ["absolute", "share", "index"];

/** Chart kinds; each has one pure renderer in src/charts/renderers. */
export type Mark = "line" | "bar" | "dumbbell" | "sparkline";

/** Which SQL module feeds the chart (src/db/queries/<view>.ts). */
export type View = "series" | "compare";

/**
 * The chart spec: plain, serialisable data shared by the URL, the build-time renderer, the browser renderer,
 * the embed and the downloads. No functions, no DOM.
 */
export interface ChartSpec {
  /** Stable chart id from the catalog (src/spec/catalog); names embeds, static images and permalinks. */
  id: string;
  /** The query that feeds the chart. */
  view: View;
  /** Series ids from data/series.csv; all must share one unit unless mode is `index`. */
  series: string[];
  /** Breakdown dimension: `total`, `sex`, `age`, `harm_type`, … (data/categories.csv). */
  dimension: string;
  /** Category codes to keep; empty keeps all. */
  categories: string[];
  /** Absolute values, published shares or an index. */
  mode: Mode;
  /** First and last year shown (inclusive), by the year the period ends in. */
  from: number;
  to: number;
  /** Years compared by the `compare` view (A → B). */
  a: number;
  b: number;
  /** Chart kind. */
  mark: Mark;
  /** Page language: labels, number formats and summary. */
  lang: Lang;
}

/** The fields a reader can change, and so the ones a URL may carry. */
export const URL_FIELDS = ["series", "dimension", "categories", "mode", "from", "to", "a", "b"] as const;
export type UrlField = (typeof URL_FIELDS)[number];

export const CODE_RE = /^[A-Za-z0-9_]{1,64}$/;

/** series → dimension → category codes present in the data (to offer, and accept, only real choices). */
export type Available = Record<string, Record<string, string[]>>;

/** What a chart lets readers choose; anything outside it (in a URL or a control) is rejected. */
export interface SpecBounds {
  series: readonly string[];
  dimensions: readonly string[];
  /** First and last year a reader may choose (from the data at build time). */
  years: readonly [number, number];
  /** Fields the chart's controls expose; other fields in a URL are ignored. */
  fields: readonly UrlField[];
  /** Categories present per series and breakdown; `categories` must be among those of the chosen breakdown. */
  available?: Available;
  /** Series published only as shares: a view of them is always in share mode. */
  shareOnly?: readonly string[];
  /** Series with no published share: a view of them has no share mode. */
  noShares?: readonly string[];
}
