import type * as Plot from "@observablehq/plot";
import type { ChartSpec, Mark } from "../spec";
import type { ChartContext } from "../context";
import type { Row } from "../../db/tables";
import { lineOptions, type RenderOptions } from "./line";
import { barOptions } from "./bar";
import { dumbbellOptions } from "./dumbbell";

export type Renderer = (spec: ChartSpec, rows: Row[], ctx: ChartContext, opts: RenderOptions) => Plot.PlotOptions;

/** One pure renderer per chart kind; a kind without a renderer is a type error. */
export const RENDERERS: Record<Mark, Renderer> = {
  line: lineOptions,
  sparkline: lineOptions,
  bar: barOptions,
  dumbbell: dumbbellOptions,
};

export type { RenderOptions };
