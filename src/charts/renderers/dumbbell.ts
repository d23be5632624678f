import type * as Plot from "@observablehq/plot";
import { dot, link, text, ruleX } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { categoryLabel, seriesTitle } from "../context";
import { formatNumber, formatChange } from "../../i18n/format";
import { t } from "../../i18n";
import { PALETTE, CHART_STYLE, labelRoom } from "../palette";
import type { Row } from "../../db/tables";
import type { RenderOptions } from "./line";

interface Pair {
  label: string;
  a: number | null;
  b: number | null;
  change: string;
}

/** Year A (hollow) → year B (filled) per category, with the % change written beside it. */
export function dumbbellOptions(
  spec: ChartSpec,
  rows: Row[],
  ctx: ChartContext,
  opts: RenderOptions,
): Plot.PlotOptions {
  const lang = ctx.lang;
  const many = new Set(rows.map((r) => r.series_id)).size > 1;
  const data: Pair[] = rows.map((r) => {
    const cat = categoryLabel(ctx, String(r.dimension), String(r.category));
    const title = seriesTitle(ctx, String(r.series_id));
    return {
      // A single series' total is labelled "Total": the title above already names the series.
      label: many ? (cat ? `${title} — ${cat}` : title) : cat || t(lang, "dim.total"),
      a: r.value_a == null ? null : Number(r.value_a),
      b: r.value_b == null ? null : Number(r.value_b),
      change:
        r.change_pct != null
          ? formatChange(Number(r.change_pct), lang)
          : r.break_between === true
            ? t(lang, "chart.break")
            : "",
    };
  });
  const both = data.filter((d) => d.a != null && d.b != null);
  const max = Math.max(1, ...data.flatMap((d) => [d.a ?? 0, d.b ?? 0]));
  const labelWidth = labelRoom(
    data.map((d) => d.label),
    60,
    240,
  );
  return {
    width: opts.width,
    height: opts.height ?? Math.max(120, data.length * 32 + 56),
    marginLeft: labelWidth,
    marginRight: 80,
    marginTop: 28,
    marginBottom: 32,
    style: CHART_STYLE,
    x: { label: null, grid: true, domain: [0, max], nice: true, tickFormat: (d: number) => formatNumber(d, lang) },
    y: { label: null, domain: data.map((d) => d.label), tickSize: 0 },
    marks: [
      ruleX([0], { stroke: "currentColor" }),
      link(both, {
        x1: "a",
        x2: "b",
        y1: "label",
        y2: "label",
        stroke: PALETTE[0],
        strokeWidth: 2,
        strokeOpacity: 0.6,
      }),
      dot(
        data.filter((d) => d.a != null),
        { x: "a", y: "label", r: 5, stroke: PALETTE[0], fill: "var(--chart-bg, white)", strokeWidth: 2 },
      ),
      dot(
        data.filter((d) => d.b != null),
        { x: "b", y: "label", r: 5, fill: PALETTE[1] },
      ),
      text(data, {
        x: (d: Pair) => Math.max(d.a ?? 0, d.b ?? 0),
        y: "label",
        text: "change",
        dx: 10,
        textAnchor: "start",
      }),
      text([{ label: String(spec.a) }], {
        frameAnchor: "top-left",
        text: () => `○ ${spec.a}   ● ${spec.b}`,
        dy: -20,
        dx: -4,
      }),
    ],
  };
}
