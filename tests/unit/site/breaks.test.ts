/**
 * No reader-facing change across a series break, on the shipped police series: the overview card's query, the
 * compare table's query and the compare summary. Runs on the real data package, built into a temporary folder,
 * with real DuckDB (Node).
 */
import { describe, expect, it } from "vitest";
import { testSpec } from "../spec-fixture";
import { useBuiltData } from "../built-data";
import { queryHeadline } from "../../../src/db/queries/headline";
import { queryCompare } from "../../../src/db/queries/compare";
import { querySeries } from "../../../src/db/queries/series";
import { loadMeta } from "../../../src/db/queries/meta";
import { buildContext } from "../../../src/charts/context";
import { summarize } from "../../../src/charts/summary";
import type { ChartSpec } from "../../../src/charts/spec";
import { drawChart } from "../../../src/charts/render";
import { INTERNATIONAL } from "../../../src/spec/catalog/international";
import { parseHTML } from "linkedom";

const db = useBuiltData("breaks");

const compare = (series: string, a: number, b: number, lang: "en" | "ko" = "en"): ChartSpec =>
  testSpec({ view: "compare", series: [series], dimension: "all", from: a, to: b, a, b, mark: "dumbbell", lang });

describe("police deepfake cases, 2023 → 2024 (definition change)", () => {
  it("the overview card shows both values and no change", async () => {
    const h = await queryHeadline(db, { series: "knpa_deepfake_cases", period: "2024" });
    expect(h).toMatchObject({ value: 1202, prev_period: "2023", prev_value: 180, break_between: true });
    expect(h!.change_pct).toBeNull();
  });
  it("the compare table computes no change", async () => {
    const rows = await queryCompare(db, compare("knpa_deepfake_cases", 2023, 2024));
    expect(rows.map((r) => [r.value_a, r.value_b, r.change, r.change_pct, r.break_between])).toEqual([
      [180, 1202, null, null, true],
    ]);
  });
  it("the compare summary says what is drawn and why there is no change (en, ko)", async () => {
    const meta = await loadMeta(db);
    for (const lang of ["en", "ko"] as const) {
      const spec = compare("knpa_deepfake_cases", 2023, 2024, lang);
      const text = summarize(spec, await queryCompare(db, spec), buildContext(meta, lang));
      expect(text).not.toMatch(/No published figures|발표된 수치가 없/);
      expect(text).toContain(lang === "en" ? "2023: 180; 2024: 1,202" : "2023년: 180, 2024년: 1,202");
      expect(text).toMatch(lang === "en" ? /definitions differ, so no change is computed/ : /집계 기준이 달라/);
      expect(text).not.toMatch(/%/);
    }
  });
});

describe("line summaries (overview sparkline, deepfakes panel)", () => {
  it("describe each definition on its own, never a rise across the break", async () => {
    const meta = await loadMeta(db);
    const spec: ChartSpec = {
      ...compare("knpa_deepfake_cases", 2021, 2024),
      view: "series",
      mark: "line",
      dimension: "total",
    };
    const text = summarize(spec, await querySeries(db, spec), buildContext(meta, "en"));
    expect(text).toContain("rose from 156 in 2021 to 180 in 2023");
    expect(text).toContain("After the definition changed: 1,202 in 2024");
    expect(text).not.toMatch(/to 1,202/);
  });
});

describe("every break in the shipped data", () => {
  it("no headline change is computed into a period that starts a break", async () => {
    const rows = await db.query(
      `SELECT series_id, dimension, category, period FROM observations
       WHERE break_before AND subdimension IS NULL AND NOT partial`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      const h = await queryHeadline(db, {
        series: String(r.series_id),
        dimension: String(r.dimension),
        category: String(r.category),
        period: String(r.period),
      });
      expect(h, `${r.series_id} ${r.period}`).not.toBeNull();
      expect(h!.change_pct, `${r.series_id} ${r.category} ${r.period}`).toBeNull();
    }
  });
  it("police illegal filming 2023 → 2024: values side by side, no change", async () => {
    const rows = await queryCompare(db, compare("knpa_illegal_filming_cases", 2023, 2024));
    expect(rows.map((r) => [r.value_a, r.value_b, r.change_pct])).toEqual([[5202, 7202, null]]);
  });
});

describe("the international index (several countries, each on its own base)", () => {
  const def = INTERNATIONAL.find((c) => c.id === "intl_index")!;
  const d = def.defaults;
  const spec = (lang: "en" | "ko"): ChartSpec =>
    testSpec({ series: [...d.series], mode: d.mode, from: Number(d.from), to: Number(d.to), lang });
  const doc = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

  it("stops each index at its series break: Japan's 2023 filming act, the UK helpline's change of unit", async () => {
    const rows = await querySeries(db, spec("en"));
    const of = (sid: string) =>
      rows.filter((r) => r.series_id === sid && r.partial !== true).map((r) => [r.period, r.value, r.y]);
    expect(of("uk_rph_cases")).toEqual([
      ["2019", 1681, 100],
      ["2020", 3146, 187.2],
      ["2021", 4406, 262.1],
      ["2022", null, null],
      ["2023", 19000, null],
      ["2024", 22227, null],
    ]);
    expect(of("jp_voyeurism_clearances").map(([p, , y]) => [p, y != null])).toEqual([
      ["2019", true],
      ["2020", true],
      ["2021", true],
      ["2022", true],
      ["2023", false],
      ["2024", false],
    ]);
    // A series with no break keeps its whole range.
    expect(
      rows
        .filter((r) => r.series_id === "au_esafety_iba_reports" && r.partial !== true && r.value != null)
        .every((r) => r.y != null),
    ).toBe(true);
  });

  it("names the series each break rule belongs to, and the summary says the index stops there (en, ko)", async () => {
    const meta = await loadMeta(db);
    for (const [lang, label, said] of [
      ["en", "Japan, United Kingdom: series break", "No index is computed across a break"],
      ["ko", "일본, 영국: 통계 단절", "단절을 넘어서는 지수는 계산하지 않으므로"],
    ] as const) {
      const sp = spec(lang);
      const rows = await querySeries(db, sp);
      const ctx = buildContext(meta, lang);
      const svg = drawChart(sp, rows, ctx, { width: 880, label: "x" }, doc()).el.outerHTML;
      expect(svg).toContain(label);
      const text = summarize(sp, rows, ctx);
      expect(text).toContain(said);
      expect(text).toContain(lang === "en" ? "Japan: the definition" : "일본: 2023년 앞에서");
      expect(text).toContain(lang === "en" ? "United Kingdom: the definition" : "영국: 2023년 앞에서");
      expect(text).not.toMatch(/1,130|1130/);
    }
  });
});
