import { lineY, dot } from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { PALETTE, CHART_STYLE } from "../palette";
import type { Row } from "../../db/tables";
import { seriesTip } from "../tips";
import { toPoints, valueDomain, exactLine, type Point } from "./points";
import type { Drawn, RenderOptions } from "./types";

/**
 * A small line with no axes or text, for the overview cards: the card around it carries the figures. Partial
 * periods are left out (a card is about full years); approximate figures are hollow and not joined.
 */
export function sparklineOptions(spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions): Drawn {
  const pts = toPoints(spec, rows, ctx).filter((p) => !p.partial);
  const line = exactLine(pts);
  const full = pts.filter((p) => p.y != null);
  const keys = [...new Set(pts.map((p) => p.key))];
  const colour = (k: string) => PALETTE[keys.indexOf(k) % PALETTE.length]!;
  const xs = pts.map((p) => p.x);
  return {
    options: {
      width: opts.width,
      height: opts.height ?? 64,
      marginRight: 8,
      marginLeft: 4,
      marginTop: 6,
      marginBottom: 6,
      style: CHART_STYLE,
      x: { axis: null, domain: [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5] },
      y: { axis: null, domain: valueDomain(spec, pts) },
      marks: [
        lineY(line, {
          x: "x",
          y: "y",
          z: (p: Point) => `${p.key}#${p.segment}`,
          stroke: (p: Point) => colour(p.key),
          strokeWidth: 2,
        }),
        dot(
          full.filter((p) => !p.qualifier),
          { x: "x", y: "y", fill: (p: Point) => colour(p.key), r: 2 },
        ),
        dot(
          full.filter((p) => p.qualifier),
          {
            x: "x",
            y: "y",
            stroke: (p: Point) => colour(p.key),
            fill: "var(--chart-bg, white)",
            symbol: "diamond",
            r: 2.5,
            strokeWidth: 2,
          },
        ),
      ],
    },
    labels: [],
    tips: full.map((p) => ({ x: p.x, y: p.y!, lines: seriesTip(ctx, spec, p.row) })),
    segments: [],
    markRadius: 2,
    tipAxis: "xy",
  };
}
