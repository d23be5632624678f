/**
 * Prepared views (src/db/prepared.ts, src/charts/next-views.ts): a reader's first change is answered from rows
 * the build computed with the same SQL. Runs the real catalog over the built tables with the build's DuckDB.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { nodeDb } from "../../../src/db/node";
import { runChartQuery } from "../../../src/db/queries";
import { packViews, preparedDb, queryKey, type ViewPack } from "../../../src/db/prepared";
import { seriesParams, SERIES_SQL } from "../../../src/db/queries/series";
import { CATALOG } from "../../../src/spec/catalog";
import { resolveWith } from "../../../src/charts/resolve";
import { nextViews, shownChoices } from "../../../src/charts/next-views";
import { specFromChoices } from "../../../src/charts/controls";
import { MODES, type ChartSpec } from "../../../src/spec/spec";
import type { Db } from "../../../src/db/tables";
import { testSpec } from "../spec-fixture";

const BUILT = path.resolve("public/data");
const has = existsSync(path.join(BUILT, "observations.csv"));

/** An engine that must not be asked: every view under test is prepared. */
const noEngine: Db = {
  query: () => Promise.reject(new Error("asked the engine")),
};

describe("prepared views: the store", () => {
  // SYNTHETIC rows (test fixture, never shipped).
  const pack: ViewPack = { rows: [{ year: 2020, value: 1 }], queries: { [queryKey("SELECT 1", [1])]: [0, 0] } };

  it("answers a prepared query with copies of its rows, and sends any other to the engine", async () => {
    const asked: string[] = [];
    const db = preparedDb({
      query: async (sql) => {
        asked.push(sql);
        return [];
      },
    });
    db.add(pack);
    const rows = await db.query("SELECT 1", [1]);
    expect(rows).toEqual([
      { year: 2020, value: 1 },
      { year: 2020, value: 1 },
    ]);
    rows[0]!.value = 99;
    expect(pack.rows[0]!.value).toBe(1);
    expect(db.hits).toBe(1);
    await db.query("SELECT 1", [2]);
    await db.query("SELECT 2", [1]);
    expect(asked).toEqual(["SELECT 1", "SELECT 2"]);
    expect(db.hits).toBe(1);
  });

  it("keys a category selection as a set: the order boxes were ticked in does not matter", () => {
    const a = testSpec({ categories: ["male", "female"] });
    const b = testSpec({ categories: ["female", "male"] });
    expect(queryKey(SERIES_SQL, seriesParams(a))).toBe(queryKey(SERIES_SQL, seriesParams(b)));
    expect(queryKey(SERIES_SQL, seriesParams(a))).not.toBe(queryKey(SERIES_SQL, seriesParams(testSpec())));
  });
});

describe.skipIf(!has)("prepared views of the Trends chart", () => {
  const db = nodeDb(BUILT);

  it("cover every single change a reader can make, each drawn without the engine", async () => {
    const def = CATALOG["trends"]!;
    const r = await resolveWith(db, def);
    const spec: ChartSpec = { ...r.years, lang: "en" };
    const views = nextViews(spec, r.bounds);
    const base = shownChoices(spec, r.bounds);
    // Every series, every mode and every year a reader can pick is one prepared view.
    const key = (s: ChartSpec) => JSON.stringify(s);
    const keys = new Set(views.map(key));
    const pick = (k: keyof typeof base.values, v: string) =>
      specFromChoices({ ...base, values: { ...base.values, [k]: v } }, spec, r.bounds);
    for (const s of r.bounds.series) expect(keys.has(key(pick("series", s)))).toBe(true);
    for (const m of MODES) expect(keys.has(key(pick("mode", m)))).toBe(true);
    for (let y = r.bounds.years[0]; y <= r.bounds.years[1]; y++) {
      expect(keys.has(key(pick("from", String(y))))).toBe(true);
      expect(keys.has(key(pick("to", String(y))))).toBe(true);
    }
    expect(views.length).toBeGreaterThan(r.bounds.series.length);

    const pack = await packViews(db, (rec) => views.map((v) => runChartQuery(rec, v)));
    const prepared = preparedDb(noEngine);
    prepared.add(JSON.parse(JSON.stringify(pack)) as ViewPack);
    for (const v of views) expect(await runChartQuery(prepared, v)).toEqual(await runChartQuery(db, v));
    // A view two changes away is not prepared: it goes to the engine.
    const far = { ...pick("series", r.bounds.series.at(-1)!), mode: "index" as const, from: r.bounds.years[0] + 1 };
    await expect(runChartQuery(prepared, far)).rejects.toThrow("asked the engine");
  });

  it("ticking one category box on or off is prepared too", async () => {
    const def = CATALOG["trends"]!;
    const r = await resolveWith(db, def);
    const sexSeries = r.bounds.series.find((s) => r.bounds.available?.[s]?.["sex"]?.length);
    expect(sexSeries).toBeDefined();
    const spec: ChartSpec = { ...r.years, series: [sexSeries!], dimension: "sex", categories: [], lang: "ko" };
    const views = nextViews(spec, r.bounds);
    const cats = r.bounds.available![sexSeries!]!["sex"]!;
    for (const c of cats)
      expect(views.some((v) => v.categories.join() === cats.filter((x) => x !== c).join())).toBe(true);
  });
});
