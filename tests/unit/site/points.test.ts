import { describe, expect, it } from "vitest";
import { exactLine, type Point } from "../../../src/charts/renderers/points";

// Synthetic points (test data only).
const pt = (key: string, x: number, y: number | null, extra: Partial<Point> = {}): Point => ({
  key,
  label: key,
  x,
  y,
  partial: false,
  segment: 0,
  qualifier: "",
  row: {},
  ...extra,
});

describe("the points a line joins", () => {
  it("stops at years with no row rather than drawing across them (data audit: lines through missing years)", () => {
    const line = exactLine([pt("a", 2018, 10), pt("a", 2022, 40), pt("a", 2023, 50)]);
    expect(line.map((p) => [p.x, p.y])).toEqual([
      [2018, 10],
      [2019, null],
      [2022, 40],
      [2023, 50],
    ]);
  });

  it("joins consecutive years and reporting windows about a year apart, per line", () => {
    const line = exactLine([pt("b", 2020.6, 1), pt("a", 2020, 1), pt("b", 2021.6, 2), pt("a", 2021, 2)]);
    expect(line.filter((p) => p.y == null)).toEqual([]);
    expect(line.map((p) => p.key)).toEqual(["a", "a", "b", "b"]);
  });

  it("leaves partial periods out and breaks at approximate values, as before", () => {
    const line = exactLine([
      pt("a", 2018, 1, { partial: true }),
      pt("a", 2019, 2),
      pt("a", 2020, 3, { qualifier: "~" }),
    ]);
    expect(line.map((p) => [p.x, p.y])).toEqual([
      [2019, 2],
      [2020, null],
    ]);
  });
});
