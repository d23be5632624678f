import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import { queryToSpec, specToQuery, type SpecBounds } from "../../../src/spec/url";

const defaults = testSpec({ id: "trends", series: ["dsc_victims"], from: 2018, to: 2024, a: 2023, b: 2024 });
const bounds: SpecBounds = {
  series: ["dsc_victims", "dsc_victims_by_sex"],
  dimensions: ["total", "sex"],
  years: [2010, 2025],
  fields: ["series", "dimension", "categories", "mode", "from", "to"],
};

describe("URL ⇄ spec", () => {
  it("writes only what differs from the defaults", () => {
    expect(specToQuery(defaults, defaults, bounds.fields)).toBe("");
    expect(specToQuery({ ...defaults, dimension: "sex", from: 2020 }, defaults, bounds.fields)).toBe(
      "dim=sex&from=2020",
    );
  });

  it("round-trips a view", () => {
    const spec = {
      ...defaults,
      series: ["dsc_victims_by_sex"],
      dimension: "sex",
      categories: ["male"],
      mode: "share" as const,
      to: 2023,
    };
    const q = specToQuery(spec, defaults, bounds.fields);
    expect(queryToSpec(new URLSearchParams(q), defaults, bounds)).toEqual({ spec, rejected: [] });
  });

  it.each([
    ["dim", "<img src=x onerror=alert(1)>"],
    ["dim", "age"],
    ["series", "dsc_victims,../../etc/passwd"],
    ["series", ""],
    ["mode", "javascript:alert(1)"],
    ["from", "1900"],
    ["to", "20245"],
    ["from", "2019abc"],
    ["cats", "a".repeat(500)],
    ["cats", "male,'OR 1=1"],
  ])("rejects %s=%s and keeps the default", (key, value) => {
    const { spec, rejected } = queryToSpec(new URLSearchParams({ [key]: value }), defaults, bounds);
    expect(rejected).toContain(key);
    expect(spec.dimension).toBe("total");
    expect(spec.series).toEqual(["dsc_victims"]);
    expect(spec.mode).toBe("absolute");
    expect(spec.from).toBe(2018);
  });

  it("ignores fields the chart does not expose and unknown keys", () => {
    const { spec, rejected } = queryToSpec(new URLSearchParams("a=2019&utm_source=x"), defaults, bounds);
    expect(spec.a).toBe(2023);
    expect(rejected).toEqual([]);
  });

  it("rejects an inverted year range as a whole", () => {
    const { spec, rejected } = queryToSpec(new URLSearchParams("from=2024&to=2019"), defaults, bounds);
    expect([spec.from, spec.to]).toEqual([2018, 2024]);
    expect(rejected).toEqual(["from", "to"]);
  });

  it("accepts only categories the chosen breakdown has in the data, and carries none it rejects", () => {
    const b = {
      ...bounds,
      available: { dsc_victims: { total: ["all"] }, dsc_victims_by_sex: { sex: ["female", "male"] } },
    };
    const ok = queryToSpec(new URLSearchParams("series=dsc_victims_by_sex&dim=sex&cats=male"), defaults, b);
    expect(ok).toEqual({
      spec: { ...defaults, series: ["dsc_victims_by_sex"], dimension: "sex", categories: ["male"] },
      rejected: [],
    });
    for (const q of ["series=dsc_victims_by_sex&dim=sex&cats=male,teen", "dim=sex&cats=female", "cats=all_of_them"]) {
      const { spec, rejected } = queryToSpec(new URLSearchParams(q), defaults, b);
      expect(rejected, q).toEqual(["cats"]);
      expect(spec.categories, q).toEqual([]);
      expect(specToQuery(spec, defaults, b.fields), q).not.toContain("cats");
    }
  });
});
