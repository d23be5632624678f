import type * as Plot from "@observablehq/plot";
import { barX, text, ruleX } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { keyLabel } from "../context";
import { t } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { PALETTE, CHART_STYLE, labelRoom } from "../palette";
import type { Row } from "../../db/tables";
import type { RenderOptions } from "./line";

interface BarDatum {
  label: string;
  y: number | null;
  text: string;
  partial: boolean;
}

/**
 * Horizontal bars, one per category (or series) in the latest period of the range: a breakdown at one point in
 * time; for a single series and category, one bar per period (partial periods pale and labelled). Bars are labelled with their value; a missing figure is written "no data", never drawn as zero.
 */
export function barOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Plot.PlotOptions {
  const lang = ctx.lang;
  const many = spec.series.length > 1;
  const lastYear = Math.max(...rows.map((r) => Number(r.year)));
  // One series and one category (e.g. two reporting windows): a bar per period, labelled by its period.
  const perPeriod = barsPerPeriod(rows);
  const data: BarDatum[] = rows
    .filter((r) => perPeriod || Number(r.year) === lastYear)
    .map((r) => {
      const y = r.y == null ? null : Number(r.y);
      const q = String(r.qualifier ?? "");
      const v = y == null ? t(lang, "chart.nodata") : `${q}${formatNumber(y, lang)}${spec.mode === "share" ? "%" : ""}`;
      const partial = r.partial === true;
      const label = perPeriod
        ? `${String(r.period)}${partial ? ` (${t(lang, "chart.partial")})` : ""}`
        : keyLabel(ctx, spec.dimension, r, many);
      return { label, y, text: v, partial };
    });
  const max = Math.max(0, ...data.map((d) => d.y ?? 0));
  const labelWidth = labelRoom(
    data.map((d) => d.label),
    60,
    260,
  );
  return {
    width: opts.width,
    height: opts.height ?? Math.max(120, data.length * 34 + 48),
    marginLeft: labelWidth,
    marginRight: 90,
    marginTop: 8,
    marginBottom: 32,
    style: CHART_STYLE,
    x: {
      label: null,
      grid: true,
      domain: [0, max || 1],
      nice: true,
      tickFormat: (d: number) => (spec.mode === "share" ? `${formatNumber(d, lang)}%` : formatNumber(d, lang)),
    },
    y: { label: null, domain: data.map((d) => d.label), tickSize: 0 },
    marks: [
      barX(
        data.filter((d) => d.y != null),
        { x: "y", y: "label", fill: PALETTE[0], fillOpacity: (d: BarDatum) => (d.partial ? 0.45 : 1) },
      ),
      text(data, { x: (d: BarDatum) => d.y ?? 0, y: "label", text: "text", dx: 6, textAnchor: "start" }),
      ruleX([0], { stroke: "currentColor" }),
    ],
  };
}

/** True when the rows hold one series and one category only: then each period gets its own bar. */
export function barsPerPeriod(rows: Row[]): boolean {
  return rows.length > 1 && new Set(rows.map((r) => `${r.series_id}:${r.category}`)).size === 1;
}
