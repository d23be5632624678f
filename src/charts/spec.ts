// The chart spec lives on the ground floor (src/spec/spec.ts); this re-export keeps the renderers' imports valid.
export type { ChartSpec, Mark, Mode, View } from "../spec/spec";
