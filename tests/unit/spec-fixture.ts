/** A chart spec for tests: a line of the synthetic fixture's first series over every year, in English. */
import type { ChartSpec } from "../../src/spec/spec";

export function testSpec(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: "t",
    view: "series",
    series: ["synthetic_a"],
    dimension: "total",
    categories: [],
    mode: "absolute",
    from: 2000,
    to: 2030,
    a: 2021,
    b: 2023,
    mark: "line",
    lang: "en",
    ...over,
  };
}
