import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import path from "node:path";
import { nodeDb } from "../../../src/db/node";
import { querySeries } from "../../../src/db/queries/series";
import { queryCompare } from "../../../src/db/queries/compare";
import { queryHeadline } from "../../../src/db/queries/headline";
import type { ChartSpec } from "../../../src/spec/spec";

// Real DuckDB (Node, same version as the browser's) over small synthetic fixtures.
const db = nodeDb(path.resolve("tests/fixtures/site"));
const base = testSpec({ a: 2020 });

describe("series view", () => {
  it("returns every period in order, gaps as NULL, partial flagged, segments split at breaks", async () => {
    const rows = await querySeries(db, base);
    expect(rows.map((r) => [r.period, r.y, r.partial, r.segment])).toEqual([
      ["2020", 100, false, 0],
      ["2021", 150, false, 0],
      ["2022-01/2022-06", 90, true, 0],
      ["2022", null, false, 0],
      ["2023", 300, false, 1],
    ]);
  });

  it("filters years by the year the period ends in", async () => {
    const rows = await querySeries(db, { ...base, from: 2021, to: 2022 });
    expect(rows.map((r) => r.period)).toEqual(["2021", "2022-01/2022-06", "2022"]);
  });

  it("index mode: first full exact period = 100; partial periods and periods after a break get no index", async () => {
    const rows = await querySeries(db, { ...base, mode: "index" });
    // 2023 starts a new definition (break_before): 300 has no common base with 2020, so it is not indexed.
    expect(rows.map((r) => [r.period, r.value, r.y])).toEqual([
      ["2020", 100, 100],
      ["2021", 150, 150],
      ["2022-01/2022-06", 90, null],
      ["2022", null, null],
      ["2023", 300, null],
    ]);
  });

  it("index mode bases a series on its first full exact period after a break when none comes before it", async () => {
    const rows = await querySeries(db, { ...base, from: 2022, mode: "index" });
    expect(rows.map((r) => [r.period, r.y, r.segment])).toEqual([
      ["2022-01/2022-06", null, 0],
      ["2022", null, 0],
      ["2023", 100, 1],
    ]);
  });

  it("index mode never uses an approximate value as its base", async () => {
    const rows = await querySeries(db, { ...base, series: ["synthetic_b"], mode: "index" });
    expect(rows.map((r) => [r.period, r.y, r.qualifier])).toEqual([
      ["2021", 50, "≈"],
      ["2023", 100, ""],
    ]);
  });

  it("share mode shows shares as published, never computed", async () => {
    const rows = await querySeries(db, { ...base, dimension: "sex", mode: "share" });
    expect(rows.map((r) => [r.category, r.period, r.y])).toEqual([
      ["female", "2020", 80],
      ["female", "2023", 70],
      ["male", "2020", 20],
      ["male", "2023", 30],
    ]);
  });

  it("categories filter, and values are parameters (a hostile string matches nothing, runs nothing)", async () => {
    expect((await querySeries(db, { ...base, dimension: "sex", categories: ["male"] })).length).toBe(2);
    const hostile = await querySeries(db, { ...base, dimension: "x'; DROP TABLE observations; --" });
    expect(hostile).toEqual([]);
    expect((await querySeries(db, base)).length).toBe(5);
  });
});

describe("compare view", () => {
  const cmp = (over: Partial<ChartSpec>) => queryCompare(db, { ...base, view: "compare", dimension: "all", ...over });
  it("A vs B for every breakdown with absolute and % change", async () => {
    const rows = await cmp({ a: 2020, b: 2021 });
    expect(rows.find((r) => r.dimension === "total")).toMatchObject({
      value_a: 100,
      value_b: 150,
      change: 50,
      change_pct: 50,
    });
    const sexRows = await cmp({ dimension: "sex", a: 2020, b: 2023 });
    expect(sexRows.map((r) => [r.category, r.change_pct])).toEqual([
      ["female", 162.5],
      ["male", 350],
    ]);
  });
  it("computes no change across a series break, nor from an approximate value", async () => {
    const rows = await cmp({ series: ["synthetic_a", "synthetic_b"], a: 2021, b: 2023 });
    const byKey = Object.fromEntries(rows.map((r) => [`${r.series_id}:${r.dimension}:${r.category}`, r]));
    expect(byKey["synthetic_a:total:all"]).toMatchObject({
      value_a: 150,
      value_b: 300,
      change: null,
      break_between: true,
    });
    expect(byKey["synthetic_b:total:all"]).toMatchObject({
      value_a: 1000,
      value_b: 2000,
      change: null,
      change_pct: null,
    });
  });
});

describe("headline", () => {
  it("gives the value, the previous full period and the change", async () => {
    const h = await queryHeadline(db, { series: "synthetic_a", period: "2021" });
    expect(h).toMatchObject({ value: 150, prev_period: "2020", prev_value: 100, change_pct: 50 });
  });
  it("returns null for a period that does not exist", async () => {
    expect(await queryHeadline(db, { series: "synthetic_a", period: "1999" })).toBeNull();
  });
});
