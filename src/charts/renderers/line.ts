import type * as Plot from "@observablehq/plot";
import { lineY, dot, ruleX, ruleY } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { t } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { PALETTE, CHART_STYLE } from "../palette";
import { seriesName } from "../context";
import type { Row } from "../../db/tables";
import { eventsInView } from "../events";
import { around, textWidth, wrap, type Candidate } from "../annotate";
import { periodOf, seriesTip } from "../tips";
import { toPoints, valueDomain, exactLine, segmentsOf, isWindow, type Point } from "./points";
import { LABEL_FONT, NARROW, type Drawn, type LabelDatum, type RenderOptions } from "./types";

const EVENT_ROW = 16;

/** Year ticks that fit the width: every year, every second or every fifth. */
function yearTicks(x0: number, x1: number, innerWidth: number): number[] {
  const room = Math.max(2, Math.floor(innerWidth / 44));
  // Never every year past 12 years, nor every other year past 24 (the long series run from 2000), however wide.
  const years = x1 - x0 + 1;
  const least = years <= 12 ? 1 : years <= 24 ? 2 : 5;
  const step = [1, 2, 5, 10].find((s) => s >= least && Math.floor((x1 - x0) / s) + 1 <= room) ?? 10;
  const ticks: number[] = [];
  // Short steps end on the latest year; steps of 5 or 10 fall on round years (2000, 2005, …).
  if (step >= 5) for (let y = Math.ceil(x0 / step) * step; y <= x1; y += step) ticks.push(y);
  else for (let y = x1; y >= x0; y -= step) ticks.unshift(y);
  return ticks;
}

/** Labels at the line ends, pushed apart vertically (min `gap` px): each end's label offset in px. */
function dodge(ends: Point[], domain: [number, number], innerHeight: number, gap: number): Map<Point, number> {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  const toPx = (v: number) => (1 - (v - d0) / span) * innerHeight;
  const sorted = ends.map((p) => ({ p, y: toPx(p.y!), px: toPx(p.y!) })).sort((a, b) => a.px - b.px);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.px < prev.px + gap) cur.px = prev.px + gap;
  }
  const overflow = sorted.length ? sorted[sorted.length - 1]!.px - innerHeight : 0;
  if (overflow > 0) for (const s of sorted) s.px -= overflow;
  return new Map(sorted.map(({ p, y, px }) => [p, px - y]));
}

/**
 * A line per series/category over years. Breaks split the line and are marked; partial periods are hollow
 * points at their own dates, each labelled with its period; approximate figures are hollow diamonds with their
 * qualifier; events are numbered rules keyed below the chart. Narrow widths get fewer ticks and a legend at the
 * top instead of end labels.
 */
export function lineOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Drawn {
  const lang = ctx.lang;
  const fmt = (v: number) => formatNumber(v, lang);
  const width = opts.width;
  const narrow = width < NARROW;
  const pts = toPoints(spec, rows, ctx);
  const line = exactLine(pts);
  const full = pts.filter((p) => !p.partial && p.y != null);
  const exact = full.filter((p) => !p.qualifier);
  const approx = full.filter((p) => p.qualifier);
  const partial = pts.filter((p) => p.partial && p.y != null);
  const keys = [...new Set(pts.map((p) => p.key))];
  const colour = (k: string) => PALETTE[keys.indexOf(k) % PALETTE.length]!;
  const lastOf = keys.map((k) => [...full].reverse().find((p) => p.key === k)).filter((p): p is Point => p != null);
  const years = rows.map((r) => Number(r.year));
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  const breaks = [...new Set(rows.filter((r) => r.break_before === true).map((r) => Number(r.year)))];
  // With several series on one chart, a break's label names the series it belongs to ("Japan: series break").
  const breakText = (year: number) => {
    if (spec.series.length < 2) return t(lang, "chart.break");
    const ids = new Set(rows.filter((r) => r.break_before === true && Number(r.year) === year).map((r) => r.series_id));
    const names = [...ids].map((id) => seriesName(ctx, String(id), spec.series));
    return t(lang, "chart.breakOf", { series: names.join(", ") });
  };
  const events = eventsInView(spec, rows, ctx);

  // A lone line is named by the figure title; several lines get end labels, or a legend when narrow.
  const named = keys.length > 1;
  const endWidth = Math.max(0, ...lastOf.map((p) => textWidth(p.label, 13) + 18));
  const endLabels = named && !narrow && endWidth <= width * 0.34;
  const legend = named && !endLabels;
  const endRoom = endLabels ? Math.max(80, endWidth) : 16;
  const yDomain = valueDomain(spec, pts);
  const yFmt = (d: number) => (spec.mode === "share" ? `${fmt(d)}%` : fmt(d));
  const marginLeft = Math.max(40, ...yDomain.map((d) => textWidth(yFmt(d), 13) + 14));
  // Partial periods and windows are labelled with their own dates: the year axis alone would misstate them.
  // Lines sharing a period at the same place share one label, at the highest of their points.
  const periodLabels = new Map<string, { p: Point; text: string; n: number }>();
  // A line with no full period has no end label: beside end labels, its period label names it ("P2P: Jan–Nov 2019").
  const ended = new Set(lastOf.map((p) => p.key));
  for (const p of [...partial, ...full.filter((q) => isWindow(q.row))]) {
    const text = endLabels && !ended.has(p.key) ? `${p.label}: ${periodOf(p.row, lang)}` : periodOf(p.row, lang);
    const key = `${p.x}|${text}`;
    const seen = periodLabels.get(key);
    if (!seen || p.y! > seen.p.y!) periodLabels.set(key, { p, text, n: (seen?.n ?? 0) + 1 });
    else seen.n++;
  }
  // A phone-width chart (or one whose period labels found no free place beside their points, see render.ts) has
  // its periods in the key above the chart instead, in the order of their points, each naming its year and, for
  // a single line, its value: three windows ending in one year stay told apart ("1 Jan–27 Aug 2024: 297").
  const inKey = narrow || opts.periodsInKey === true;
  const periodKey = inKey
    ? [
        ...new Set(
          [...periodLabels.values()]
            .sort((a, b) => a.p.x - b.p.x)
            .map((l) =>
              l.n === 1 ? `${l.text}: ${l.p.qualifier ? `${l.p.qualifier}\u2009` : ""}${yFmt(l.p.y!)}` : l.text,
            ),
        ),
      ]
    : [];
  // Legend lines (narrow): each line's name wrapped to the width, first line marked with its colour; then periods.
  const legendLines: { k: string | null; text: string }[] = [
    ...(legend
      ? keys.flatMap((k) => {
          const name = pts.find((q) => q.key === k)!.label;
          return wrap(`● ${name}`, width - 12, 13).map((text) => ({ k, text }));
        })
      : []),
    ...periodKey.flatMap((text) => wrap(`○ ${text}`, width - 12, 13).map((line) => ({ k: null, text: line }))),
  ];
  const marginTop = 10 + (events.length ? EVENT_ROW * 2 : 6) + legendLines.length * 18;
  const marginBottom = 30;
  const height = opts.height ?? (narrow ? 300 : 360);
  const innerHeight = height - marginTop - marginBottom;
  const innerWidth = width - marginLeft - endRoom;

  const labels: LabelDatum[] = [];
  // Legend (narrow): one row per line of text, coloured, above the events band.
  legendLines.forEach(({ k, text }, i) =>
    labels.push({
      kind: "legend",
      text,
      x: null,
      y: null,
      fontSize: 13,
      fontWeight: k == null ? undefined : 600,
      fill: k == null ? "currentColor" : colour(k),
      candidates: [{ dx: -marginLeft + 4, dy: -marginTop + 12 + i * 18, anchor: "start" }],
    }),
  );
  if (endLabels) {
    // First choice: beside the line end, pushed apart from the other end labels; else around the end point.
    const shift = dodge(lastOf, yDomain, innerHeight, 18);
    for (const p of lastOf)
      labels.push({
        kind: "end",
        text: p.label,
        x: p.x,
        y: p.y!,
        fontSize: 13,
        fontWeight: 600,
        fill: colour(p.key),
        candidates: [{ dx: 10, dy: shift.get(p)!, anchor: "start" }, ...around(5)],
      });
  }
  // Event numbers in a band above the frame. Events closer than a label's width share one label ("1, 2"), so
  // that "1 2" can never read "12"; a second row takes a label that still touches its neighbour.
  const xDomain: [number, number] = [Math.min(x0, ...pts.map((p) => p.x)) - 0.5, x1 + 0.5];
  const pxPerYear = innerWidth / (xDomain[1] - xDomain[0] || 1);
  const groups: { n: number[]; x: number[] }[] = [];
  for (const e of [...events].sort((a, b) => a.x - b.x)) {
    const g = groups[groups.length - 1];
    if (g && (e.x - g.x[g.x.length - 1]!) * pxPerYear < 22) {
      g.n.push(e.n);
      g.x.push(e.x);
    } else groups.push({ n: [e.n], x: [e.x] });
  }
  const eventRows: Candidate[] = [0, 1].map((row) => ({ dx: 0, dy: -8 - row * EVENT_ROW, anchor: "middle" as const }));
  for (const g of groups)
    labels.push({
      kind: "event",
      text: g.n.join(", "),
      x: (g.x[0]! + g.x[g.x.length - 1]!) / 2,
      y: null,
      fontSize: LABEL_FONT,
      candidates: eventRows,
    });
  for (const b of breaks) {
    const text = breakText(b);
    labels.push({
      kind: "break",
      text,
      // Where the whole label does not fit beside the rule, the series' names stand above "series break".
      alt: text.includes(": ") ? [text.replace(": ", ":\n")] : undefined,
      x: b - 0.5,
      y: null,
      fontSize: LABEL_FONT,
      // Beside the dashed rule, from the top down to the bottom of the frame: the first row free of the lines.
      candidates: Array.from({ length: Math.max(1, Math.floor((innerHeight - 20) / 16)) }, (_, row) => row).flatMap(
        (row) => [
          { dx: 4, dy: 10 + row * 16, anchor: "start" as const },
          { dx: -4, dy: 10 + row * 16, anchor: "end" as const },
        ],
      ),
    });
  }
  for (const p of approx)
    labels.push({
      kind: "approx",
      text: `${p.qualifier}\u2009${yFmt(p.y!)}`,
      x: p.x,
      y: p.y!,
      fontSize: LABEL_FONT,
      candidates: around(5),
    });
  // Wider charts label each period beside its point; where it fits nowhere in one line, it breaks after the dash.
  if (!inKey)
    for (const { p, text } of periodLabels.values())
      labels.push({
        kind: "partial",
        text,
        x: p.x,
        y: p.y!,
        fontSize: LABEL_FONT,
        candidates: around(5),
        alt: /[~–]/.test(text) ? [text.replace(/([~–])\s*/, "$1\n")] : undefined,
      });

  const marks: Plot.Markish[] = [
    ruleY([spec.mode === "index" ? 100 : 0], { stroke: "currentColor", strokeOpacity: 0.3 }),
    ruleX(events, { x: "x", stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "2,3" }),
    ...breaks.map((b) => ruleX([b - 0.5], { stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "6,4" })),
    lineY(line, {
      x: "x",
      y: "y",
      z: (p: Point) => `${p.key}#${p.segment}`,
      stroke: (p: Point) => colour(p.key),
      strokeWidth: 2.5,
      curve: "linear",
    }),
    dot(exact, { x: "x", y: "y", fill: (p: Point) => colour(p.key), r: 3.5 }),
    dot(approx, {
      x: "x",
      y: "y",
      stroke: (p: Point) => colour(p.key),
      fill: "var(--chart-bg, white)",
      symbol: "diamond",
      r: 4.5,
      strokeWidth: 2,
    }),
    dot(partial, {
      x: "x",
      y: "y",
      stroke: (p: Point) => colour(p.key),
      fill: "var(--chart-bg, white)",
      r: 4.5,
      strokeWidth: 2,
    }),
  ];
  return {
    options: {
      width,
      height,
      marginRight: endRoom,
      marginLeft,
      marginTop,
      marginBottom,
      style: CHART_STYLE,
      x: {
        label: null,
        domain: xDomain,
        ticks: yearTicks(x0, x1, innerWidth),
        tickFormat: (d: number) => String(d),
      },
      y: {
        label: null,
        grid: true,
        domain: yDomain,
        ticks: Math.max(3, Math.floor(innerHeight / 45)),
        tickFormat: yFmt,
      },
      marks,
    },
    labels,
    tips: [...full, ...partial].map((p) => ({ x: p.x, y: p.y!, lines: seriesTip(ctx, spec, p.row) })),
    segments: segmentsOf(line),
    markRadius: 5,
    tipAxis: "xy",
  };
}
