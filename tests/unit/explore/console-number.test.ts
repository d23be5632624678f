import { describe, expect, it } from "vitest";
import { consoleNumber } from "../../../src/explore/strings";

describe("console numbers", () => {
  it("groups thousands as the page's language does and keeps every digit", () => {
    expect(consoleNumber(4009, "피해건수", "ko")).toBe("4,009");
    expect(consoleNumber(1239843, "n", "en")).toBe("1,239,843");
    expect(consoleNumber(-10305.125, "change", "en")).toBe("-10,305.125");
    expect(consoleNumber(0.30000000000000004, "x", "en")).toBe("0.30000000000000004");
    expect(consoleNumber(12, "n", "en")).toBe("12");
  });

  it("leaves years and identifiers ungrouped", () => {
    for (const col of ["year", "Year", "report_year", "연도", "기준년도", "series_id", "id", "code"])
      expect(consoleNumber(2024, col, "en"), col).toBe("2024");
  });

  it("writes what it cannot group as DuckDB gave it", () => {
    expect(consoleNumber(1e21, "n", "en")).toBe("1e+21");
    expect(consoleNumber(Number.NaN, "n", "en")).toBe("NaN");
    expect(consoleNumber(-Infinity, "n", "en")).toBe("-Infinity");
  });
});
