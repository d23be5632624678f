import { inEveryLang, localized } from "../../../src/i18n/columns";
import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en";
import { ko } from "../../../src/i18n/ko";
import {
  formatChange,
  formatCount,
  formatFigure,
  formatDate,
  formatKoreanMan,
  formatNumber,
  formatPeriod,
  t,
} from "../../../src/i18n";

describe("strings", () => {
  it("Korean and English have the same keys, none empty", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(ko), ...Object.entries(en)]) expect(v.trim(), k).not.toBe("");
  });
  it("placeholders match across languages", () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(vars(ko[k]), k).toEqual(vars(en[k]));
  });
  it("fills placeholders", () => {
    expect(t("en", "headline.prev", { p: "2023" })).toBe("vs 2023");
  });
});

describe("number formatting", () => {
  it.each([
    [10305, "1만 305"],
    [8983, "8,983"],
    [332341, "33만 2,341"],
    [300000, "30만"],
    [23107, "2만 3,107"],
    [123456789, "1억 2,345만 6,789"],
  ])("formatKoreanMan(%d) = %s", (n, s) => expect(formatKoreanMan(n)).toBe(s));
  it("counts with units and qualifiers", () => {
    expect(formatCount(10305, "ko", { ko: "명", en: "victims" })).toBe("1만 305명");
    expect(formatCount(10305, "en", { ko: "명", en: "victims" })).toBe("10,305 victims");
    expect(formatCount(4000, "en", { ko: "건", en: "reports" }, ">")).toBe(">\u20094,000 reports");
    // A headline figure: Korean joins the counter to the number; English leaves the unit to write after it.
    expect(formatFigure(10305, "ko", "명")).toEqual({ figure: "1만 305명", unit: "" });
    expect(formatFigure(10305, "en", "victims", "≈")).toEqual({ figure: "≈10,305", unit: "victims" });
  });
  it("separators and signed changes per locale", () => {
    expect(formatNumber(300237, "en")).toBe("300,237");
    expect(formatNumber(300237, "ko")).toBe("300,237");
    expect(formatChange(14.7, "en")).toBe("+14.7%");
    expect(formatChange(-3.25, "ko")).toBe("\u22123.3%");
  });
  it("periods", () => {
    expect(formatPeriod("2024", "2024-01-01", "2024-12-31", "calendar_year", "ko")).toBe("2024년");
    expect(formatPeriod("2024", "2024-01-01", "2024-12-31", "calendar_year", "en")).toBe("2024");
    expect(formatPeriod("x", "2024-08-26", "2025-08-25", "window", "en")).toBe("26 Aug 2024 – 25 Aug 2025");
  });
});

describe("dates at the precision the source gives", () => {
  it.each([
    ["2018-05", "en", "May 2018"],
    ["2018-05", "ko", "2018년 5월"],
    ["2018", "ko", "2018년"],
    ["2024-08-26", "en", "26 Aug 2024"],
  ] as const)("%s (%s) → %s", (iso, lang, out) => expect(formatDate(iso, lang)).toBe(out));
});

describe("per-language column pairs", () => {
  it("reads `field_<lang>`, falling back to English only where the language's cell is empty", () => {
    const row = { title_ko: "제목", title_en: "Title", note_ko: "", note_en: "Note" };
    expect(localized(row, "title", "ko")).toBe("제목");
    expect(localized(row, "note", "ko")).toBe("Note");
    expect(localized(row, "missing", "en")).toBe("");
    expect(inEveryLang(row, "title")).toEqual({ ko: "제목", en: "Title" });
  });
});
