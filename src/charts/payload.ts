import type { ChartSpec, SpecBounds } from "../spec/spec";
import type { Lang } from "../i18n/format";
import type { ChartContext } from "./context";

/**
 * The one JSON each pre-rendered figure carries for the browser (`script[data-payload]`, written by
 * ChartFigure.astro): what mount.ts needs to take the chart over, and what the share, embed, download and cite
 * actions need (src/charts/actions reads the same object through actionsConfig).
 */
export interface Payload {
  /** The view drawn at build time. */
  spec: ChartSpec;
  /** The chart's defaults, from its catalog entry: URLs are written relative to them. */
  defaults: ChartSpec;
  bounds: SpecBounds;
  /** Title and subtitle of the view drawn at build time. */
  title: string;
  subtitle: string;
  ctx: ChartContext;
  strings: {
    loading: string;
    ready: string;
    updating: string;
    failed: string;
    invalid: string;
    tipHelp: string;
    drawing: string;
    offer: string;
    notPublished: string;
    modeRate: string;
    modeNoShare: string;
  };
  /** The chart reads its view from the page URL (its page's main chart, or any chart on its embed route). */
  primary: boolean;
  sourcesPage: string;
  /** Drawn on its embed route. */
  embed: boolean;
  /** Absent on embed routes, which have no share/download buttons. */
  actions?: FigureActions;
}

/** What the share, embed, download and cite actions need beyond the chart itself. */
export interface FigureActions {
  lang: Lang;
  release: string;
  /** Path of the chart's page, from its catalog entry (e.g. /en/trends/). */
  pagePath: string;
  /** Path of the chart's embed route (e.g. /en/embed/trends/). */
  embedPath: string;
  /** The pre-rendered view's table (exactly as shown), for CSV without the query engine. */
  table: { columns: string[]; raw: (string | number | null)[][] };
  /** URL of the published observations table (full-series CSV). */
  observationsUrl: string;
  /** Suggested initial iframe height (px). */
  height: number;
  /** The default view's PNG (site-relative URL), its summary (alt text) and its size at 1×. */
  image: { src: string; alt: string; width: number; height: number };
  strings: {
    copied: string;
    copyManual: string;
    preparing: string;
    failed: string;
    footer: string;
    citeCopied: string;
    citeManual: string;
    /** Header of the data table's period column. */
    period: string;
  };
}

export function readPayload(fig: Element): Payload | null {
  const el = fig.querySelector("script[data-payload]");
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as Payload;
  } catch {
    return null;
  }
}
