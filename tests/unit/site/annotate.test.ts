import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { boxOf, overlaps, placeLabels, textWidth, wrap } from "../../../src/charts/annotate";
import { assertNoCollisions, drawChart, LabelCollisionError } from "../../../src/charts/render";
import type { ChartContext } from "../../../src/charts/context";
import type { ChartSpec } from "../../../src/charts/spec";
import type { Row } from "../../../src/db/tables";
import { formatRange, readablePeriod } from "../../../src/i18n/format";

const doc = () => parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;

const ctx: ChartContext = {
  lang: "en",
  categories: {},
  series: {
    s: {
      title: { ko: "계열", en: "Series" },
      unit: { ko: "건", en: "cases" },
      body: { ko: "", en: "" },
      unitCode: "cases",
    },
  },
  events: [],
  sources: {},
};

const spec: ChartSpec = {
  id: "fixture",
  view: "series",
  series: ["s"],
  dimension: "total",
  categories: [],
  mode: "absolute",
  from: 2018,
  to: 2024,
  a: 2023,
  b: 2024,
  mark: "line",
  lang: "en",
};

function row(period: string, start: string, end: string, value: number, partial: boolean): Row {
  return {
    series_id: "s",
    category: "all",
    period,
    period_start: start,
    period_end: end,
    period_type: partial ? "window" : "calendar_year",
    year: Number(end.slice(0, 4)),
    partial,
    value,
    share: null,
    y: value,
    qualifier: "",
    derived: false,
    break_before: false,
    segment: 0,
    source_id: "x",
  };
}

describe("label placement", () => {
  it("moves a label off a neighbour, and reports one that cannot be placed", () => {
    const frame = { x0: 0, y0: 0, x1: 200, y1: 100 };
    const a = { text: "first", kind: "partial" as const, x: 100, y: 50, fontSize: 12 };
    const candidates = [
      { dx: 0, dy: 0, anchor: "middle" as const },
      { dx: 0, dy: 20, anchor: "middle" as const },
    ];
    const ok = placeLabels(
      [
        { ...a, candidates },
        { ...a, text: "second", candidates },
      ],
      { points: [], segments: [] },
      frame,
    );
    expect(ok.collisions).toEqual([]);
    expect(ok.placed[1]!.ty).toBe(70);
    const bad = placeLabels(
      [
        { ...a, candidates: [candidates[0]!] },
        { ...a, text: "second", candidates: [candidates[0]!] },
      ],
      { points: [], segments: [] },
      frame,
    );
    expect(bad.collisions).toEqual([{ label: "second", with: 'label "first"' }]);
    // Marks count: a label over a point or across a line is a collision too.
    const onPoint = placeLabels(
      [{ ...a, candidates: [candidates[0]!] }],
      { points: [{ x: 100, y: 50, r: 4 }], segments: [] },
      frame,
    );
    expect(onPoint.collisions[0]!.with).toMatch(/point/);
    const onLine = placeLabels(
      [{ ...a, candidates: [candidates[0]!] }],
      { points: [], segments: [{ x1: 0, y1: 0, x2: 200, y2: 100 }] },
      frame,
    );
    expect(onLine.collisions[0]!.with).toBe("a line");
  });

  it("estimates Hangul wider than Latin, and boxes overlap as expected", () => {
    expect(textWidth("가나다", 12)).toBeGreaterThan(textWidth("abc", 12));
    expect(overlaps(boxOf("1", 10, 10, "middle", 12), boxOf("2", 14, 10, "middle", 12))).toBe(true);
    expect(wrap("Australia: image-based abuse reports to eSafety", 160, 13).length).toBeGreaterThan(1);
  });
});

describe("the build-time collision check", () => {
  it("passes a chart whose partial periods can each be labelled", () => {
    const rows = [
      row("2022", "2022-01-01", "2022-12-31", 100, false),
      row("2023", "2023-01-01", "2023-12-31", 200, false),
      row("2024-01/2024-07", "2024-01-01", "2024-07-31", 90, true),
    ];
    const r = assertNoCollisions("fixture", drawChart(spec, rows, ctx, { width: 640, label: "x" }, doc()));
    expect(r.el.outerHTML).toContain("Jan–Jul 2024");
  });

  it("fails on a fixture whose labels cannot avoid each other", () => {
    // Twenty-five approximate yearly figures ("≈ 1,000") in a small chart: no room for twenty-five labels. (Partial
    // periods that find no room move to the key above the chart instead, so they cannot make this fixture.)
    const rows = Array.from({ length: 25 }, (_, i) => ({
      ...row(String(2000 + i), `${2000 + i}-01-01`, `${2000 + i}-12-31`, 1000 + (i % 2) * 10, false),
      qualifier: "≈",
    }));
    const r = drawChart(spec, rows, ctx, { width: 320, height: 160, label: "x" }, doc());
    expect(r.collisions.length).toBeGreaterThan(0);
    expect(() => assertNoCollisions("fixture", r)).toThrow(LabelCollisionError);
    expect(() => assertNoCollisions("fixture", r)).toThrow(/Chart "fixture": \d+ annotation label\(s\) overlap/);
  });
});

describe("period labels without room", () => {
  it("move to the key above the chart, each once, rather than overlap", () => {
    // Twelve windows with the same dates and nearly the same value in a small chart: one period, one key row.
    const rows = [
      row("2023", "2023-01-01", "2023-12-31", 100, false),
      ...Array.from({ length: 12 }, (_, i) => row(`w${i}`, "2024-01-01", "2024-07-31", 50 + i, true)),
    ];
    const r = assertNoCollisions("fixture", drawChart(spec, rows, ctx, { width: 320, height: 160, label: "x" }, doc()));
    const texts = [...r.el.querySelectorAll("text[data-kind]")].map((t) => t.textContent);
    expect(texts.filter((t) => t?.includes("Jan–Jul 2024"))).toEqual(["○ Jan–Jul 2024"]);
  });

  it("at a width with room, sit beside their points (breaking after the dash when one line does not fit)", () => {
    const rows = [
      row("2022", "2022-01-01", "2022-12-31", 100, false),
      row("2023", "2023-01-01", "2023-12-31", 200, false),
      row("2024-01/2024-07", "2024-01-01", "2024-07-31", 90, true),
    ];
    const r = assertNoCollisions("fixture", drawChart(spec, rows, ctx, { width: 640, label: "x" }, doc()));
    const t = r.el.querySelector('text[data-kind="partial"]');
    expect(t?.textContent?.replace(/\s+/g, "")).toBe("Jan–Jul2024");
  });
});

describe("readable periods", () => {
  it("writes date ranges as people do, in both languages", () => {
    expect(formatRange("2021-01-01", "2021-09-30", "en")).toBe("Jan–Sep 2021");
    expect(formatRange("2021-01-01", "2021-09-30", "ko")).toBe("2021년 1~9월");
    expect(formatRange("2024-01-01", "2024-08-27", "en")).toBe("1 Jan–27 Aug 2024");
    expect(formatRange("2024-01-01", "2024-08-27", "ko")).toBe("2024년 1월 1일~8월 27일");
    expect(formatRange("2023-08-01", "2024-07-31", "en")).toBe("Aug 2023–Jul 2024");
    expect(formatRange("2023-08-01", "2024-07-31", "ko")).toBe("2023년 8월~2024년 7월");
    expect(formatRange("2024-08-26", "2025-08-25", "en")).toBe("26 Aug 2024–25 Aug 2025");
    expect(readablePeriod("2023-08-01/2024-07-31", "2023-08-01", "2024-07-31", "window", "en")).not.toMatch(/\//);
    expect(readablePeriod("2024", "2024-01-01", "2024-12-31", "calendar_year", "ko")).toBe("2024년");
  });
});
