import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import { useBuiltData } from "../built-data";
import type { Row } from "../../../src/db/tables";
import { querySeries } from "../../../src/db/queries/series";
import { queryCompare } from "../../../src/db/queries/compare";
import { queryJustice } from "../../../src/db/queries/justice";
import { noShareSeries, shareOnlySeries, trendableSeries } from "../../../src/db/queries/meta";
import { modesOf, validateSpec } from "../../../src/spec/validate";
import type { ChartSpec } from "../../../src/charts/spec";

// The long view (illegal filming since 2000, arrests, clearance, courts, the regulator) read from the built
// tables with the site's own DuckDB setup: the figures the research record gives, and the honesty rules around
// vintages, bases and breaks.
const db = useBuiltData("long");

const spec = (over: Partial<ChartSpec>): ChartSpec =>
  testSpec({ series: ["knpa_illegal_filming_cases"], from: 1990, a: 2023, b: 2024, ...over });

async function obs(series: string, period: string, category = "all"): Promise<Row> {
  const rows = await db.query(
    `SELECT value, share, source_id, derived, partial, break_before FROM observations
     WHERE series_id = $1 AND period = $2 AND category = $3 AND subdimension IS NULL`,
    [series, period, category],
  );
  expect(rows, `${series} ${period} ${category}`).toHaveLength(1);
  return rows[0]!;
}

describe("the long view: figures from the research record", () => {
  it("illegal filming occurrences from 2000, with the 2013 alternative", async () => {
    expect((await obs("knpa_illegal_filming_cases", "2000")).value).toBe(2);
    expect((await obs("knpa_illegal_filming_cases", "2013")).value).toBe(4813);
    expect((await obs("knpa_illegal_filming_cases", "2015")).value).toBe(7615);
    expect((await obs("knpa_illegal_filming_cases", "2019")).value).toBe(5762);
    const alt = await db.query(
      `SELECT value FROM alternatives WHERE series_id = 'knpa_illegal_filming_cases' AND period = '2013'`,
    );
    expect(alt.map((r) => r.value)).toEqual([4823]);
    const typo = await db.query(
      `SELECT note_en FROM alternatives WHERE series_id = 'knpa_illegal_filming_cases' AND period = '2019'`,
    );
    expect(String(typo[0]?.note_en)).toMatch(/typo, contradicted by the same release's total/);
  });

  it("first-instance court outcomes: yearly imprisonment shares and the 2012–2018 split", async () => {
    expect((await obs("court_illegal_filming_prison_share", "2013")).share).toBe(5.8);
    expect((await obs("court_illegal_filming_prison_share", "2018")).share).toBe(12.6);
    expect((await obs("court_illegal_filming_outcomes", "2012-01/2018-12")).value).toBe(9148);
    const prison = await obs("court_illegal_filming_outcomes", "2012-01/2018-12", "imprisonment");
    expect([prison.value, prison.share]).toEqual([862, 9.4]);
    // The 2018-alone split is never presented as published.
    const derived = await db.query(
      `SELECT DISTINCT derived, grade FROM observations WHERE series_id = 'court_illegal_filming_outcomes_2018'`,
    );
    expect(derived).toEqual([{ derived: true, grade: "C" }]);
  });

  it("KCSC reviews and requests are two series; partial periods are flagged", async () => {
    expect((await obs("kcsc_dsc_reviews", "2016")).value).toBe(7356);
    expect((await obs("kcsc_dsc_requests", "2020-01/2020-08")).partial).toBe(true);
    expect((await obs("kcsc_dsc_requests", "2019-H1")).partial).toBe(true);
    expect((await obs("knpa_illegal_filming_clearance_rate", "2022-01/2022-08")).partial).toBe(true);
    expect((await obs("knpa_cyber_sexual_violence", "2019")).value).toBe(2698);
  });
});

describe("the Justice page's figures come from the data", () => {
  it("the 2012–2018 split, the yearly shares and the last court year", async () => {
    const j = await queryJustice(db);
    expect(j).toMatchObject({
      total: 9148,
      prison: 862,
      prison_share: 9.4,
      fine_share: 52.3,
      split_from: 2012,
      split_to: 2018,
      share_first_year: 2013,
      share_first: 5.8,
      share_last_year: 2018,
      share_last: 12.6,
      court_last_year: 2018,
      cases_first_year: 2000,
      cases_first: 2,
      peak_year: 2015,
      peak_cases: 7615,
    });
  });
});

describe("the long view: one vintage and one basis per line, no change across a break or between bases", () => {
  it("the illegal filming line is one vintage: 2000–2015 from the 2021 table, 2016–2020 equal to it, alternatives off the line", async () => {
    const rows = await querySeries(db, spec({ to: 2020 }));
    const byYear = new Map(rows.map((r) => [Number(r.year), r]));
    for (let y = 2000; y <= 2015; y++) expect(byYear.get(y)?.source_id, String(y)).toBe("knpa_foi_2000_2020");
    // 2016–2020 of the 2021 table (research record §1.1), which the lawmakers' releases on the line equal.
    expect([2016, 2017, 2018, 2019, 2020].map((y) => byYear.get(y)?.value)).toEqual([5185, 6465, 5925, 5762, 5032]);
    const alts = await db.query(
      `SELECT period, value FROM alternatives WHERE series_id = 'knpa_illegal_filming_cases' ORDER BY period`,
    );
    for (const a of alts) expect(byYear.get(Number(a.period))?.value, String(a.period)).not.toBe(a.value);
  });

  it("the two bases of 'share of sexual violence' are separate series, each drawn alone", async () => {
    const police = await querySeries(
      db,
      spec({ series: ["knpa_illegal_filming_share_sexual_violence"], mode: "share" }),
    );
    const kostat = await querySeries(
      db,
      spec({ series: ["kostat_illegal_filming_share_sexual_violence"], mode: "share" }),
    );
    expect(police.map((r) => [r.year, r.y])).toEqual([
      [2012, 10.5],
      [2013, 16.8],
      [2014, 22.4],
      [2015, 24.9],
    ]);
    expect(kostat.map((r) => [r.year, r.y])).toEqual([
      [2007, 3.9],
      [2016, 17.9],
    ]);
    const units = await db.query(
      `SELECT DISTINCT body_en FROM series WHERE series_id IN ('knpa_illegal_filming_share_sexual_violence', 'kostat_illegal_filming_share_sexual_violence')`,
    );
    expect(units).toHaveLength(2);
  });

  it("every long-view series with two or more years is on Trends; a rate is drawn as its published share", async () => {
    const trendable = await trendableSeries(db);
    const rates = [
      "knpa_illegal_filming_clearance_rate",
      "knpa_illegal_filming_share_sexual_violence",
      "kostat_illegal_filming_share_sexual_violence",
      "court_illegal_filming_prison_share",
    ];
    for (const s of [...rates, "knpa_illegal_filming_cases", "knpa_telecom_obscenity_cases", "kcsc_dsc_reviews"])
      expect(trendable, s).toContain(s);
    expect(await shareOnlySeries(db, trendable)).toEqual(expect.arrayContaining(rates));
    expect(await shareOnlySeries(db, ["knpa_illegal_filming_cases", "dsc_victims_by_age"])).toEqual([]);
    // A URL or control asking for counts of a rate gets its share: the only figure there is to draw.
    const bounds = {
      series: trendable,
      dimensions: ["total"],
      years: [2000, 2030] as const,
      fields: ["series", "mode"] as const,
      shareOnly: await shareOnlySeries(db, trendable),
    };
    const asked = spec({ series: ["knpa_illegal_filming_clearance_rate"], mode: "absolute" });
    const { spec: v, rejected } = validateSpec(asked, bounds, spec({}));
    expect(v.mode).toBe("share");
    expect(rejected).toEqual([]);
    expect((await querySeries(db, v)).filter((r) => r.y != null).length).toBeGreaterThanOrEqual(7);
    expect(validateSpec(spec({ mode: "index" }), bounds, spec({})).spec.mode).toBe("index");
  });

  it("a count with no published share has no share mode: asked for, it draws the count", async () => {
    const trendable = await trendableSeries(db);
    const noShares = await noShareSeries(db, trendable);
    expect(noShares).toContain("kcsc_dsc_reviews");
    expect(noShares).not.toContain("dsc_victims_by_sex");
    const shareOnly = await shareOnlySeries(db, trendable);
    expect(noShares.filter((s) => shareOnly.includes(s))).toEqual([]);
    const bounds = {
      series: trendable,
      dimensions: ["total"],
      years: [2000, 2030] as const,
      fields: ["series", "mode"] as const,
      shareOnly,
      noShares,
    };
    const asked = spec({ series: ["kcsc_dsc_reviews"], mode: "share" });
    expect((await querySeries(db, asked)).filter((r) => r.y != null)).toEqual([]);
    const { spec: v, rejected } = validateSpec(asked, bounds, spec({}));
    expect(v.mode).toBe("absolute");
    expect(rejected).toEqual([]);
    expect((await querySeries(db, v)).filter((r) => r.y != null).length).toBeGreaterThanOrEqual(5);
    expect(modesOf(bounds, ["kcsc_dsc_reviews"])).toEqual({ modes: ["absolute", "index"], why: "noShare" });
    expect(modesOf(bounds, ["knpa_illegal_filming_clearance_rate"])).toEqual({ modes: ["share"], why: "rate" });
    expect(modesOf(bounds, ["dsc_victims_by_sex"])).toEqual({ modes: ["absolute", "share", "index"] });
    // A mix keeps every mode one of its series can draw.
    expect(modesOf(bounds, ["kcsc_dsc_reviews", "dsc_victims_by_sex"]).modes).toEqual(["absolute", "share", "index"]);
  });

  it("no change between the two bases: compared side by side, each has one year only and no change", async () => {
    const rows = await queryCompare(
      db,
      spec({
        view: "compare",
        series: ["knpa_illegal_filming_share_sexual_violence", "kostat_illegal_filming_share_sexual_violence"],
        dimension: "all",
        a: 2015,
        b: 2016,
      }),
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.change).toBeNull();
      expect(r.change_pct).toBeNull();
    }
  });

  it("no change across the 2024 definition break, for occurrences and the clearance rate", async () => {
    for (const s of ["knpa_illegal_filming_cases", "knpa_illegal_filming_clearance_rate"]) {
      const rows = await queryCompare(db, spec({ view: "compare", series: [s], dimension: "all", a: 2023, b: 2024 }));
      expect(rows, s).toHaveLength(1);
      expect(rows[0]?.break_between, s).toBe(true);
      expect(rows[0]?.change_pct, s).toBeNull();
    }
    const line = await querySeries(db, spec({ from: 2023, to: 2024 }));
    expect(line.map((r) => r.segment)).toEqual([0, 1]);
  });

  it("cumulative splits appear only on a bar (one period), never on a line at one year", async () => {
    const line = await querySeries(
      db,
      spec({ series: ["court_illegal_filming_outcomes"], dimension: "sentence", mode: "share" }),
    );
    expect(line).toEqual([]);
    const bar = await querySeries(
      db,
      spec({
        series: ["court_illegal_filming_outcomes"],
        dimension: "sentence",
        mode: "share",
        mark: "bar",
        from: 2018,
        to: 2018,
      }),
    );
    expect(bar.map((r) => [r.category, r.period, r.y])).toEqual([
      ["fine", "2012-01/2018-12", 52.3],
      ["suspended", "2012-01/2018-12", 30.1],
      ["imprisonment", "2012-01/2018-12", 9.4],
      ["deferred", "2012-01/2018-12", 4.6],
    ]);
  });
});
