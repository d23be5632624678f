import type * as Plot from "@observablehq/plot";
import { lineY, dot, text, ruleX, ruleY, tip, pointerX } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { keyLabel } from "../context";
import { t } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { PALETTE, CHART_STYLE, labelRoom } from "../palette";
import type { Row } from "../../db/tables";
import { eventsInView } from "../events";
import { scaleLinear } from "d3";

export interface RenderOptions {
  width: number;
  height?: number;
}

interface Point {
  key: string;
  label: string;
  x: number;
  y: number | null;
  partial: boolean;
  segment: number;
  qualifier: string;
  period: string;
}

/** A line per series/category over years; breaks split the line, partial periods are hollow, events are rules. */
export function lineOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Plot.PlotOptions {
  const many = spec.series.length > 1;
  const pts: Point[] = rows.map((r) => ({
    key: `${r.series_id}:${r.category}`,
    label: keyLabel(ctx, spec.dimension, r, many),
    x: Number(r.year),
    y: r.y == null ? null : Number(r.y),
    partial: r.partial === true,
    segment: Number(r.segment ?? 0),
    qualifier: String(r.qualifier ?? ""),
    period: String(r.period),
  }));
  const full = pts.filter((p) => !p.partial);
  // Approximate figures ("more than 4,000", "nearly 19,000") are never drawn as exact: no line through them, a
  // hollow mark and their qualifier written beside it.
  const approx = full.filter((p) => p.qualifier && p.y != null);
  const exactLine = full.map((p) => (p.qualifier ? { ...p, y: null } : p));
  const partial = pts.filter((p) => p.partial && p.y != null);
  const keys = [...new Set(pts.map((p) => p.key))];
  const colour = (k: string) => PALETTE[keys.indexOf(k) % PALETTE.length]!;
  const last = keys
    .map((k) => [...full].reverse().find((p) => p.key === k && p.y != null))
    .filter((p): p is Point => p != null);
  const breaks = [...new Set(rows.filter((r) => r.break_before === true).map((r) => Number(r.year)))];
  const xs = pts.map((p) => p.x);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const events = eventsInView(spec, rows, ctx);
  const lang = ctx.lang;
  const fmt = (v: number) => formatNumber(v, lang);
  const sparkline = spec.mark === "sparkline";
  const width = opts.width;
  // A lone line in a narrow panel is named by the figure title; its end label would not fit.
  const endLabels = !(keys.length === 1 && opts.width < 600);
  const rightMargin = sparkline
    ? 8
    : !endLabels
      ? 24
      : labelRoom(
          last.map((p) => p.label),
          80,
          200,
          16,
        );
  const height = opts.height ?? (sparkline ? 64 : 360);
  const margin = { top: sparkline ? 6 : 24, bottom: sparkline ? 6 : 32 };
  const ys = pts.map((p) => p.y).filter((v): v is number => v != null);
  const zero = spec.mode !== "index";
  const yDomain = scaleLinear()
    .domain([zero ? Math.min(0, ...ys) : Math.min(...ys, 100), Math.max(...ys, zero ? 1 : 100)])
    .nice()
    .domain() as [number, number];
  const labels = dodge(last, yDomain, height - margin.top - margin.bottom, 15);

  const marks: Plot.Markish[] = [
    ruleY([spec.mode === "index" ? 100 : 0], { stroke: "currentColor", strokeOpacity: 0.3 }),
    ruleX(events, { x: "x", stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "2,3" }),
    lineY(exactLine, {
      x: "x",
      y: "y",
      z: (p: Point) => `${p.key}#${p.segment}`,
      stroke: (p: Point) => colour(p.key),
      strokeWidth: sparkline ? 2 : 2.5,
      curve: "linear",
    }),
    dot(
      full.filter((p) => p.y != null && !p.qualifier),
      { x: "x", y: "y", fill: (p: Point) => colour(p.key), r: sparkline ? 2 : 3.5 },
    ),
    dot(approx, {
      x: "x",
      y: "y",
      stroke: (p: Point) => colour(p.key),
      fill: "var(--chart-bg, white)",
      symbol: "diamond",
      r: sparkline ? 2.5 : 4.5,
      strokeWidth: 2,
    }),
  ];
  if (!sparkline) {
    marks.push(
      dot(partial, {
        x: "x",
        y: "y",
        stroke: (p: Point) => colour(p.key),
        fill: "var(--chart-bg, white)",
        r: 4.5,
        strokeWidth: 2,
      }),
      text(approx, {
        x: "x",
        y: "y",
        text: (p: Point) => `${p.qualifier}\u2009${fmt(p.y!)}`,
        dy: -12,
        fontSize: 11,
        fill: "currentColor",
      }),
      // One "partial period" label per year, however many partial periods end in it.
      text(
        partial.filter((p, i) => partial.findIndex((q) => q.x === p.x) === i),
        {
          x: "x",
          y: "y",
          text: () => t(lang, "chart.partial"),
          dy: -12,
          fontSize: 11,
          fill: "currentColor",
        },
      ),
      text(endLabels ? labels : [], {
        x: "x",
        y: "labelY",
        text: (p: Point) => p.label,
        dx: 8,
        textAnchor: "start",
        fill: (p: Point) => colour(p.key),
        fontWeight: 600,
      }),
      ...breaks.map((b) => ruleX([b - 0.5], { stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "6,4" })),
      text(
        breaks.map((b) => ({ x: b - 0.5 })),
        {
          x: "x",
          frameAnchor: "top",
          text: () => t(lang, "chart.break"),
          dy: 4,
          dx: 4,
          textAnchor: "start",
          fontSize: 11,
        },
      ),
      text(events, { x: "x", frameAnchor: "top", text: (d: { n: number }) => String(d.n), dy: -14, fontSize: 11 }),
      tip(
        full.filter((p) => p.y != null),
        pointerX({
          x: "x",
          y: "y",
          title: (p: Point) => `${p.label ? `${p.label}\n` : ""}${p.period}: ${p.qualifier}${fmt(p.y!)}`,
        }),
      ),
    );
  }
  return {
    width,
    height,
    marginRight: rightMargin,
    marginLeft: sparkline ? 4 : 56,
    marginTop: margin.top,
    marginBottom: margin.bottom,
    style: CHART_STYLE,
    x: {
      label: null,
      axis: sparkline ? null : "bottom",
      domain: [x0 - 0.5, x1 + 0.5],
      // Every year up to 12, every other year up to 24, then every fifth (the long series run from 2000).
      ticks: Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i).filter(
        (y, _, a) => a.length <= 12 || (a.length <= 24 ? y % 2 === 0 : y % 5 === 0),
      ),
      tickFormat: (d: number) => String(d),
    },
    y: {
      label: null,
      axis: sparkline ? null : "left",
      grid: !sparkline,
      domain: yDomain,
      tickFormat: (d: number) => (spec.mode === "share" ? `${fmt(d)}%` : fmt(d)),
    },
    marks,
  };
}

/** Direct labels at the line ends, pushed apart vertically so that none overlap (min `gap` px). */
function dodge(
  points: Point[],
  domain: [number, number],
  innerHeight: number,
  gap: number,
): (Point & { labelY: number })[] {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const toPx = (v: number) => (1 - (v - d0) / span) * innerHeight;
  const toValue = (px: number) => d0 + (1 - px / innerHeight) * span;
  const sorted = points.map((p) => ({ p, px: toPx(p.y!) })).sort((a, b) => a.px - b.px);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.px < prev.px + gap) cur.px = prev.px + gap;
  }
  // If labels were pushed past the bottom, shift the whole stack up.
  const overflow = sorted.length ? sorted[sorted.length - 1]!.px - innerHeight : 0;
  if (overflow > 0) for (const s of sorted) s.px -= overflow;
  return sorted.map(({ p, px }) => ({ ...p, labelY: toValue(px) }));
}
