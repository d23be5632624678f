import type { ChartSpec } from "../../spec/spec";
import type { Lang } from "../../i18n/format";
import type { LinkConfig } from "./links";

/** What ChartActions.astro embeds for the browser actions (JSON in `script[data-actions-config]`). */
export interface ActionsConfig extends LinkConfig {
  lang: Lang;
  title: string;
  subtitle: string;
  release: string;
  /** The pre-rendered view and its table (exactly as shown), for CSV without the query engine. */
  prerendered: { spec: ChartSpec; columns: string[]; raw: (string | number | null)[][] };
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

export function readConfig(fig: Element): ActionsConfig | null {
  const el = fig.querySelector("script[data-actions-config]");
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as ActionsConfig;
  } catch {
    return null;
  }
}
