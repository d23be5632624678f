import { barX, ruleX } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { keyLabel } from "../context";
import { t } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { PALETTE, CHART_STYLE } from "../palette";
import type { Row } from "../../db/tables";
import { textWidth } from "../annotate";
import { periodOf, seriesTip } from "../tips";
import { LABEL_FONT, NARROW, type Drawn, type LabelDatum, type RenderOptions } from "./types";

interface BarDatum {
  label: string;
  y: number | null;
  text: string;
  partial: boolean;
  row: Row;
}

/** Category labels beside the bars while they fit in this share of the width; above the bars otherwise. */
const LEFT_LABEL_SHARE = 0.36;

/**
 * Horizontal bars, one per category (or series) in the latest period of the range: a breakdown at one point in
 * time; for a single series and category, one bar per period, labelled with its readable period (partial
 * periods pale). Bars are labelled with their value; a missing figure is written "no data", never drawn as zero.
 * Long labels (and every label on a phone) sit above their bar instead of being cut off at the margin.
 */
export function barOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Drawn {
  const lang = ctx.lang;
  const many = spec.series.length > 1;
  const lastYear = Math.max(...rows.map((r) => Number(r.year)));
  const perPeriod = barsPerPeriod(rows);
  const data: BarDatum[] = rows
    .filter((r) => perPeriod || Number(r.year) === lastYear)
    .map((r) => {
      const y = r.y == null ? null : Number(r.y);
      const partial = r.partial === true;
      const label = perPeriod
        ? `${periodOf(r, lang)}${partial ? ` (${t(lang, "chart.partial")})` : ""}`
        : keyLabel(ctx, spec.dimension, r, many);
      const q = String(r.qualifier ?? "");
      const text =
        y == null ? t(lang, "chart.nodata") : `${q}${formatNumber(y, lang)}${spec.mode === "share" ? "%" : ""}`;
      return { label, y, text, partial, row: r };
    });
  const width = opts.width;
  const room = Math.max(...data.map((d) => textWidth(d.label, 13))) + 14;
  const above = width < NARROW || room > width * LEFT_LABEL_SHARE;
  const valueRoom = Math.max(40, ...data.map((d) => textWidth(d.text, LABEL_FONT))) + 12;
  const rowH = above ? 50 : 34;
  const max = Math.max(0, ...data.map((d) => d.y ?? 0));
  const marginLeft = above ? 4 : Math.max(60, room);
  const marginTop = above ? 20 : 8;
  const height = opts.height ?? Math.max(120, data.length * rowH + marginTop + 32);
  const step = (height - marginTop - 32) / Math.max(1, data.length);
  const padding = above ? 0.55 : 0.25;
  const barHalf = (step * (1 - padding)) / 2;
  const labels: LabelDatum[] = [];
  for (const d of data) {
    if (above)
      labels.push({
        kind: "category",
        text: d.label,
        x: null,
        y: d.label,
        fontSize: 13,
        candidates: [{ dx: 0, dy: -barHalf - 9, anchor: "start" }],
      });
    labels.push({
      kind: "value",
      text: d.text,
      x: d.y ?? 0,
      y: d.label,
      fontSize: LABEL_FONT,
      candidates: [{ dx: 6, dy: 0, anchor: "start" }],
    });
  }
  return {
    options: {
      width,
      height,
      marginLeft,
      marginRight: valueRoom,
      marginTop,
      marginBottom: 32,
      style: CHART_STYLE,
      x: {
        label: null,
        grid: true,
        domain: [0, max || 1],
        nice: true,
        ticks: Math.max(2, Math.floor((width - marginLeft - valueRoom) / 70)),
        tickFormat: (d: number) => (spec.mode === "share" ? `${formatNumber(d, lang)}%` : formatNumber(d, lang)),
      },
      y: {
        label: null,
        domain: data.map((d) => d.label),
        tickSize: 0,
        axis: above ? null : "left",
        padding,
      },
      marks: [
        barX(
          data.filter((d) => d.y != null),
          { x: "y", y: "label", fill: PALETTE[0], fillOpacity: (d: BarDatum) => (d.partial ? 0.45 : 1) },
        ),
        ruleX([0], { stroke: "currentColor" }),
      ],
    },
    labels,
    tips: data.filter((d) => d.y != null).map((d) => ({ x: d.y!, y: d.label, lines: seriesTip(ctx, spec, d.row) })),
    segments: [],
    markRadius: 0,
    tipAxis: "y",
  };
}

/** True when the rows hold one series and one category only: then each period gets its own bar. */
export function barsPerPeriod(rows: Row[]): boolean {
  return rows.length > 1 && new Set(rows.map((r) => `${r.series_id}:${r.category}`)).size === 1;
}
