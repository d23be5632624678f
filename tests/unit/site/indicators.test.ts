/**
 * The compare page's indicator SQL on real DuckDB (Node) over small fixtures, and the pure model over its rows:
 * one row per indicator, every reason a change is refused, the unknown-share warning with shares of known, the
 * offered year pairs, sorting, the "what changed" sentence and the CSV.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { nodeDb } from "../../../src/db/node";
import { queryIndicators, queryYearPairs } from "../../../src/db/queries/indicators";
import { loadMeta } from "../../../src/db/queries/meta";
import { buildContext } from "../../../src/charts/context";
import {
  csvCells,
  indicatorView,
  notes,
  panelWarning,
  shortName,
  sortRows,
  topChanges,
  whatChanged,
} from "../../../src/charts/indicators/model";

const db = nodeDb(path.resolve("tests/fixtures/indicators"));
const byId = (rows: Awaited<ReturnType<typeof queryIndicators>>) =>
  Object.fromEntries(rows.map((r) => [`${r.series_id}:${r.dimension}:${r.category}`, r]));

describe("indicators SQL", () => {
  it("lists each indicator with a figure in A or B, with the reason a change is refused", async () => {
    const rows = byId(await queryIndicators(db, 2020, 2023));
    expect(Object.keys(rows).sort()).toEqual([
      "synthetic_a:sex:female",
      "synthetic_a:sex:male",
      "synthetic_a:total:all",
      "synthetic_b:total:all",
      "synthetic_c:age:20s",
      "synthetic_c:age:unknown",
      "synthetic_c:total:all",
      "synthetic_d:total:all",
    ]);
    // A break in 2023 blocks every row of the series, breakdowns included.
    expect(rows["synthetic_a:total:all"]).toMatchObject({ value_a: 100, value_b: 300, reason: "break", change: null });
    expect(rows["synthetic_a:sex:female"]).toMatchObject({ reason: "break", change_pct: null });
    expect(rows["synthetic_b:total:all"]).toMatchObject({ value_a: null, value_b: 2000, reason: "missing_a" });
    expect(rows["synthetic_c:total:all"]).toMatchObject({ change: 100, change_pct: 100, reason: null });
    // Unknown 50% → 10%: counts are not compared, shares of known are offered (30/50 = 60% → 45/90 = 50%).
    expect(rows["synthetic_c:age:20s"]).toMatchObject({
      reason: "unknown_shift",
      change_pct: null,
      unknown_a: 50,
      unknown_b: 10,
      unknown_warn: true,
      known_a: 60,
      known_b: 50,
      known_change: -10,
    });
    // A share-only series: the change is in points and no % is computed.
    expect(rows["synthetic_d:total:all"]).toMatchObject({
      measure: "share",
      change: 5,
      change_pct: null,
      reason: "share",
    });
  });

  it("refuses approximate figures and partial periods", async () => {
    const b = byId(await queryIndicators(db, 2021, 2023));
    expect(b["synthetic_b:total:all"]).toMatchObject({ qualifier_a: "≈", reason: "approx", change: null });
    const p = byId(await queryIndicators(db, 2021, 2022));
    // 2022 has no full-year figure, only January–June: shown, not compared.
    expect(p["synthetic_a:total:all"]).toMatchObject({ period_b: "2022-01/2022-06", value_b: 90, reason: "partial" });
    const d = byId(await queryIndicators(db, 2023, 2024));
    expect(d["synthetic_d:total:all"]).toMatchObject({ reason: "partial", change: null });
  });

  it("warns when a year's unknown bucket is a gap (no figure), so known counts are not compared", async () => {
    // 2021's unknown is a gap; 2024's is 1%: only the gap makes the counts not like for like.
    const r = byId(await queryIndicators(db, 2021, 2024))["synthetic_c:age:20s"]!;
    expect(r).toMatchObject({ value_a: 60, value_b: 120, unknown_a: null, unknown_b: 1, unknown_warn: true });
    expect(r.reason).toBe("unknown_shift");
    expect(r.change_pct).toBeNull();
    const meta = await loadMeta(db);
    const view = indicatorView(await queryIndicators(db, 2021, 2024), 2021, 2024, buildContext(meta, "en"), {});
    expect(panelWarning(view, "synthetic_c")[0]).toBe(
      "How many in this breakdown were “unknown” is not published for 2021: the categories may not be comparable as counts.",
    );
    // A series total has no unknown bucket to warn about.
    expect(byId(await queryIndicators(db, 2021, 2024))["synthetic_c:total:all"]).toMatchObject({ unknown_warn: false });
  });

  it("offers only year pairs some indicator covers", async () => {
    const pairs = await queryYearPairs(db);
    expect(pairs).toContainEqual([2020, 2023]);
    expect(pairs).toContainEqual([2021, 2023]);
    expect(pairs.every(([a, b]) => a < b)).toBe(true);
    // Nothing has figures in both 2020 and 2024 except the share series' partial half-year.
    expect(pairs).toContainEqual([2020, 2024]);
    expect(pairs).not.toContainEqual([2022, 2024]);
  });
});

describe("indicator model", async () => {
  const meta = await loadMeta(db);
  const ctx = buildContext(meta, "en");
  const ko = buildContext(meta, "ko");
  const rows = await queryIndicators(db, 2020, 2023);
  const view = indicatorView(rows, 2020, 2023, ctx, { synthetic_c: "#chart-compare_synthetic_c" });

  it("labels, formats and explains each row", () => {
    const c = view.rows.find((r) => r.id === "synthetic_c:total:all")!;
    expect(c).toMatchObject({
      a: "100",
      b: "200",
      change: "+100",
      pct: "+100%",
      body: "BC",
      href: "#chart-compare_synthetic_c",
    });
    const age = view.rows.find((r) => r.id === "synthetic_c:age:20s")!;
    expect(age.label).toBe("Synthetic series C — 20s");
    expect(age.reasonText).toBe("Not like for like: “unknown” moved");
    expect(age.warning).toContain("“Unknown” was 50% of this breakdown in 2020 and 10% in 2023");
    expect(age.known).toBe("Share of known: 60% → 50% (\u221210 pp)");
    const d = view.rows.find((r) => r.id === "synthetic_d:total:all")!;
    expect(d).toMatchObject({ a: "40%", b: "45%", change: "+5 pp", pct: "", unit: "%" });
    expect(view.rows.find((r) => r.id === "synthetic_a:total:all")!.reasonText).toBe(
      "Not comparable: definition changed",
    );
  });

  it("gives a panel its breakdown's warning first, then each category's share of known; none when steady", () => {
    const lines = panelWarning(view, "synthetic_c");
    expect(lines[0]).toContain("“Unknown” was 50% of this breakdown in 2020 and 10% in 2023");
    expect(lines).toContain("Synthetic series C — 20s: Share of known: 60% → 50% (\u221210 pp)");
    expect(lines.some((l) => l.startsWith("Synthetic series C — Unknown"))).toBe(false);
    expect(panelWarning(view, "synthetic_d")).toEqual([]);
  });

  it("sorts by size of % change by default, rows without one last; any column both ways", () => {
    expect(view.rows[0]!.id).toBe("synthetic_c:total:all");
    expect(view.rows.slice(1).every((r) => r.rawPct == null)).toBe(true);
    const byA = sortRows(view.rows, { key: "a", dir: "asc" }, "en").map((r) => r.rawA);
    const nums = byA.filter((v): v is number => v != null);
    expect(nums).toEqual([...nums].sort((x, y) => x - y));
    expect(byA.slice(nums.length).every((v) => v == null)).toBe(true);
    const names = sortRows(view.rows, { key: "indicator", dir: "desc" }, "en").map((r) => r.label);
    expect(names[0]).toBe("Synthetic series D");
  });

  it("says what changed, never across a break", () => {
    const s = whatChanged(view, ctx);
    expect(s).toBe(
      "Between 2020 and 2023, 1 of 1 comparable indicators rose; the largest rise was Synthetic series C, +100% (100 → 200). " +
        "Synthetic series A: the definition changed between 2020 and 2023, so they are not compared.",
    );
    const k = whatChanged(indicatorView(rows, 2020, 2023, ko, {}), ko);
    expect(k).toContain("2020년과 2023년 사이, 비교 가능한 지표 1개 중 1개가 늘었습니다");
    expect(topChanges(view.rows).map((r) => r.id)).toEqual(["synthetic_c:total:all"]);
    const none = indicatorView(
      rows.filter((r) => r.series_id !== "synthetic_c"),
      2020,
      2023,
      ctx,
      {},
    );
    expect(whatChanged(none, ctx)).toMatch(/^Between 2020 and 2023, no indicator can be compared like for like\./);
  });

  it("notes breaks in the data's words and rows not compared", () => {
    const n = notes(view, ctx, { synthetic_a: "2023: wider definition" });
    expect(n[0]).toEqual({
      label: "Synthetic series A",
      text: "The definition changed between 2020 and 2023: both figures are shown, no change is computed. 2023: wider definition",
    });
    expect(n.some((x) => x.label === "Synthetic series C — 20s")).toBe(true);
    expect(n.some((x) => x.label === "Synthetic series D")).toBe(false);
  });

  it("writes exactly the rows shown as CSV cells, numbers as numbers", () => {
    const [head, ...body] = csvCells(view, "en");
    expect(head).toEqual(["Indicator", "2020", "2023", "Change", "% change", "Unit", "Body", "Source", "Note"]);
    expect(body).toHaveLength(view.rows.length);
    expect(body[0]!.slice(0, 5)).toEqual(["Synthetic series C", 100, 200, 100, 100]);
    expect(body.find((r) => r[0] === "Synthetic series B")!.slice(1, 5)).toEqual([null, 2000, null, null]);
  });

  it("shortens an organisation to its published abbreviation only", () => {
    expect(shortName("Korea Communications Standards Commission (KCSC)")).toBe("KCSC");
    expect(shortName("National Police Agency (Japan)")).toBe("National Police Agency (Japan)");
    expect(shortName("한국여성인권진흥원 중앙디지털성범죄피해자지원센터")).toBe("중앙디지털성범죄피해자지원센터");
    expect(shortName("경찰청")).toBe("경찰청");
  });
});
