/** Every metadata SQL string of src/db/queries/meta.ts and headline.ts, run on the synthetic fixtures, rows asserted. */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { nodeDb } from "../../../src/db/node";
import {
  availableCategories,
  loadMeta,
  loadSourcesPage,
  shownFigures,
  sourcesOfSeries,
  trendableSeries,
  yearRange,
} from "../../../src/db/queries/meta";
import { latestPeriod } from "../../../src/db/queries/headline";

const db = nodeDb(path.resolve("tests/fixtures/site"));

describe("metadata queries on fixtures", () => {
  it("loadMeta: categories in sort order, series, sources, events with ISO dates", async () => {
    const m = await loadMeta(db);
    expect(m.categories.map((r) => `${r.dimension}:${r.category}:${r.label_en}`)).toEqual([
      "sex:female:Women",
      "sex:male:Men",
      "total:all:Total",
    ]);
    expect(m.series.map((r) => r.series_id)).toEqual(["synthetic_a", "synthetic_b"]);
    expect(m.sources.map((r) => r.source_id)).toEqual(["syn_src"]);
    expect(m.events).toHaveLength(1);
    expect(m.events[0]).toMatchObject({ event_id: "syn_event", series_ids: "synthetic_a", end_date: "" });
  });

  it("yearRange: earliest, latest and latest full year (a partial period does not count as full)", async () => {
    expect(await yearRange(db, ["synthetic_a"])).toEqual({ earliest: 2020, latest: 2023, latestFull: 2023 });
    expect(await yearRange(db, ["synthetic_b"])).toEqual({ earliest: 2021, latest: 2023, latestFull: 2023 });
    expect(await yearRange(db, ["nope"])).toBeNull();
    // A comma list cannot smuggle SQL: it is one parameter, split inside the query.
    expect(await yearRange(db, ["synthetic_b') OR 1=1 --"])).toBeNull();
  });

  it("availableCategories: per series and breakdown, sorted", async () => {
    expect(await availableCategories(db, ["synthetic_a", "synthetic_b"])).toEqual({
      synthetic_a: { sex: ["female", "male"], total: ["all"] },
      synthetic_b: { total: ["all"] },
    });
    expect(await availableCategories(db, [])).toEqual({});
  });

  it("sourcesOfSeries and trendableSeries", async () => {
    expect(await sourcesOfSeries(db, ["synthetic_a"])).toEqual(["syn_src"]);
    expect(await sourcesOfSeries(db, ["nope"])).toEqual([]);
    expect(await trendableSeries(db)).toEqual(["synthetic_a", "synthetic_b"]);
  });

  it("latestPeriod: last full period with a value of the type asked", async () => {
    expect(await latestPeriod(db, { series: "synthetic_a", periodType: "calendar_year" })).toEqual({
      period: "2023",
      year: 2023,
    });
    expect(
      await latestPeriod(db, {
        series: "synthetic_a",
        dimension: "sex",
        category: "male",
        periodType: "calendar_year",
      }),
    ).toEqual({ period: "2023", year: 2023 });
    expect(await latestPeriod(db, { series: "synthetic_a", periodType: "window" })).toBeNull();
  });

  it("loadSourcesPage: the break, the conflict beside the kept figure, and which series each source backs", async () => {
    const p = await loadSourcesPage(db);
    expect(p.breaks.map((r) => [r.series_id, r.period, r.category, r.source_id])).toEqual([
      ["synthetic_a", "2023", "all", "syn_src"],
    ]);
    expect(
      p.conflicts.map((r) => [r.series_id, r.period, r.dimension, r.kept_value, r.alt_value, r.alt_grade, r.note_en]),
    ).toEqual([["synthetic_a", "2021", "total", 150, 155, "D", "Synthetic alternative"]]);
    expect(p.usedBy).toEqual({ syn_src: ["synthetic_a", "synthetic_b"] });
  });

  it("shownFigures: the figures shown for series|period|dimension|category keys, gaps and qualifiers kept", async () => {
    const rows = await shownFigures(db, [
      "synthetic_b|2021|total|all",
      "synthetic_a|2023|sex|male",
      "synthetic_a|2022|total|all",
      "synthetic_a|2023|sex|nope",
    ]);
    expect(rows.map((r) => [r.key, r.value, r.share, r.qualifier, r.source_id])).toEqual([
      ["synthetic_a|2022|total|all", null, null, "", "syn_src"],
      ["synthetic_a|2023|sex|male", 90, 30, "", "syn_src"],
      ["synthetic_b|2021|total|all", 1000, null, "≈", "syn_src"],
    ]);
    expect(await shownFigures(db, [])).toEqual([]);
    expect(await shownFigures(db, ["synthetic_a|2021|total|all') OR 1=1 --"])).toEqual([]);
  });
});
