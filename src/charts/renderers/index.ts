import type { Mark } from "../spec";
import { lineOptions } from "./line";
import { sparklineOptions } from "./sparkline";
import { barOptions } from "./bar";
import { dumbbellOptions } from "./dumbbell";
import type { Renderer } from "./types";

/** One pure renderer per chart kind; a kind without a renderer is a type error. */
export const RENDERERS: Record<Mark, Renderer> = {
  line: lineOptions,
  sparkline: sparklineOptions,
  bar: barOptions,
  dumbbell: dumbbellOptions,
};

export type { RenderOptions, Drawn, Renderer } from "./types";
