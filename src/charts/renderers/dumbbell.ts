import { dot, link, ruleX } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { categoryLabel, seriesTitle } from "../context";
import { formatNumber, formatChange } from "../../i18n/format";
import { t } from "../../i18n";
import { PALETTE, CHART_STYLE } from "../palette";
import type { Row } from "../../db/tables";
import { textWidth } from "../annotate";
import { compareTip } from "../tips";
import { LABEL_FONT, NARROW, type Drawn, type LabelDatum, type RenderOptions } from "./types";

interface Pair {
  label: string;
  a: number | null;
  b: number | null;
  change: string;
  row: Row;
}

/**
 * Year A (hollow) → year B (filled) per category, with the % change (or "series break") written beside it.
 * Long labels, and every label on a phone, sit above their row instead of being cut off.
 */
export function dumbbellOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Drawn {
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
      row: r,
    };
  });
  const width = opts.width;
  const room = Math.max(...data.map((d) => textWidth(d.label, 13))) + 14;
  const above = width < NARROW || room > width * 0.36;
  const changeRoom = Math.max(40, ...data.map((d) => textWidth(d.change, LABEL_FONT))) + 18;
  const rowH = above ? 50 : 32;
  const marginLeft = above ? 8 : Math.max(60, room);
  const marginTop = above ? 40 : 28;
  const height = opts.height ?? Math.max(120, data.length * rowH + marginTop + 32);
  const step = (height - marginTop - 32) / Math.max(1, data.length);
  const both = data.filter((d) => d.a != null && d.b != null);
  const max = Math.max(1, ...data.flatMap((d) => [d.a ?? 0, d.b ?? 0]));
  const labels: LabelDatum[] = [
    {
      kind: "legend",
      text: `○ ${spec.a}   ● ${spec.b}`,
      x: null,
      y: null,
      fontSize: 13,
      candidates: [{ dx: above ? 0 : -4, dy: -16 - (above ? 8 : 0), anchor: "start" }],
    },
  ];
  for (const d of data) {
    if (above)
      labels.push({
        kind: "category",
        text: d.label,
        x: null,
        y: d.label,
        fontSize: 13,
        candidates: [{ dx: -marginLeft + 4, dy: -step / 2 + 7, anchor: "start" }],
      });
    if (d.change)
      labels.push({
        kind: "change",
        text: d.change,
        x: Math.max(d.a ?? 0, d.b ?? 0),
        y: d.label,
        fontSize: LABEL_FONT,
        candidates: [{ dx: 10, dy: 0, anchor: "start" }],
      });
  }
  const tips = data.flatMap((d) => [
    ...(d.a != null ? [{ x: d.a, y: d.label, lines: compareTip(ctx, spec, d.row, d.label, "a") }] : []),
    ...(d.b != null ? [{ x: d.b, y: d.label, lines: compareTip(ctx, spec, d.row, d.label, "b") }] : []),
  ]);
  return {
    options: {
      width,
      height,
      marginLeft,
      marginRight: changeRoom,
      marginTop,
      marginBottom: 32,
      style: CHART_STYLE,
      x: {
        label: null,
        grid: true,
        domain: [0, max],
        nice: true,
        ticks: Math.max(2, Math.floor((width - marginLeft - changeRoom) / 70)),
        tickFormat: (d: number) => formatNumber(d, lang),
      },
      y: { label: null, domain: data.map((d) => d.label), tickSize: 0, axis: above ? null : "left" },
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
      ],
    },
    labels,
    tips,
    segments: [],
    markRadius: 5,
    tipAxis: "y",
  };
}
