import type * as Plot from "@observablehq/plot";
import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import type { Row } from "../../db/tables";
import type { LabelRequest } from "../annotate";
import type { TipDatum } from "../tips";

export interface RenderOptions {
  width: number;
  height?: number;
  /** Put partial-period labels in the key above the chart rather than beside their points (line charts). */
  periodsInKey?: boolean;
}

/** Below this width a chart is laid out for a phone: fewer ticks, labels above bars, a legend instead of end labels. */
export const NARROW = 480;

/** Annotation text size (px): at least 11 px on screen, since charts are never shown below their drawn width. */
export const LABEL_FONT = 12;

/**
 * An annotation label anchored in data coordinates; `null` means the frame's left edge (x) or top edge (y).
 * It is placed by src/charts/annotate.ts after Plot has drawn the marks, so that it overlaps nothing.
 */
export interface LabelDatum extends Omit<LabelRequest, "x" | "y"> {
  x: number | string | null;
  y: number | string | null;
}

/** A line segment between two drawn points, in data coordinates (labels must not cross it). */
export interface SegmentDatum {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a renderer returns: Plot options for the marks, plus labels to place, tooltip targets and segments. */
export interface Drawn {
  options: Plot.PlotOptions;
  labels: LabelDatum[];
  tips: TipDatum[];
  segments: SegmentDatum[];
  /** Radius of the tooltip targets' marks (px), for the overlap check. */
  markRadius: number;
  /** How the pointer finds a tip: nearest point, or the row under the pointer first (bars, dumbbells). */
  tipAxis: "xy" | "y";
}

export type Renderer = (spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions) => Drawn;
