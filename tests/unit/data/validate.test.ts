import { describe, expect, it } from "vitest";
import { validatePackage } from "../../../scripts/lib/validate.ts";
import { formatError, OBSERVATION_COLUMNS } from "../../../scripts/lib/types.ts";
import { BASE_OBS, SYN_SERIES_HEADER, csv, expectRefused, obs, pkg, type RefusalCase } from "./helpers.ts";

describe("validatePackage on a synthetic package", () => {
  it("accepts the valid synthetic package", () => {
    const r = validatePackage(pkg());
    expect(r.errors).toEqual([]);
    expect(r.observations).toHaveLength(3);
  });

  it("formats errors as file:row:column — message", () => {
    const r = validatePackage(pkg({ observations: [obs({ value: "12a" })] }));
    expect(r.errors.map(formatError)).toContain('data/observations.csv:2:value — "12a" is not a number');
  });

  const cases: RefusalCase[] = [
    {
      name: "a value that is not a number",
      input: { observations: [obs({ value: "1O0" })] },
      row: 2,
      column: "value",
      message: /is not a number/,
    },
    {
      name: "a value with a fraction",
      input: { observations: [obs({ value: "10.5" })] },
      row: 2,
      column: "value",
      message: /whole, non-negative/,
    },
    {
      name: "a share that is not a number",
      input: { observations: [obs({ share: "abc" })] },
      row: 2,
      column: "share",
      message: /is not a number/,
    },
    {
      name: "a share above 100",
      input: { observations: [obs({ share: "120" })] },
      row: 2,
      column: "share",
      message: /outside 0–100/,
    },
    {
      name: "a negative share",
      input: { observations: [obs({ share: "-1" })] },
      row: 2,
      column: "share",
      message: /outside 0–100/,
    },
    {
      name: "a required column missing",
      input: {
        observationsText: csv(
          [obs()],
          OBSERVATION_COLUMNS.filter((c) => c !== "grade"),
        ),
      },
      row: 1,
      column: "grade",
      message: /required column "grade" is missing/,
    },
    {
      name: "an unknown column",
      input: { observationsText: csv([{ ...obs(), extra: "x" }], [...OBSERVATION_COLUMNS, "extra"]) },
      row: 1,
      column: "extra",
      message: /unknown column "extra"/,
    },
    {
      name: "a source id that does not resolve",
      input: { observations: [obs({ source_id: "nope" })] },
      row: 2,
      column: "source_id",
      message: /does not resolve/,
    },
    {
      name: "parts exceeding the published total",
      input: {
        observations: [
          obs(),
          obs({ dimension: "sex", category: "female", value: "80" }),
          obs({ dimension: "sex", category: "male", value: "40" }),
        ],
      },
      row: 2,
      column: "value",
      message: /add up to 120, more than the published total 100/,
    },
    {
      name: "female + male not equal to the total",
      input: {
        observations: [
          obs(),
          obs({ dimension: "sex", category: "female", value: "50" }),
          obs({ dimension: "sex", category: "male", value: "40" }),
        ],
      },
      row: 2,
      column: "value",
      message: /sex parts add up to 90, not the published total 100/,
    },
    {
      name: "a repeated key",
      input: { observations: [obs(), obs({ value: "101" })] },
      row: 3,
      column: "series_id",
      message: /repeated key .* first seen at data\/observations.csv:2/,
    },
    {
      name: "period_start after period_end",
      input: { observations: [obs({ period_start: "2024-12-31", period_end: "2024-01-01" })] },
      row: 2,
      column: "period_start",
      message: /is after period_end/,
    },
    {
      name: "a bad date",
      input: { observations: [obs({ period_end: "2024-02-30" })] },
      row: 2,
      column: "period_end",
      message: /not a valid ISO date/,
    },
    {
      name: "a label that does not match the dates",
      input: { observations: [obs({ period: "2023" })] },
      row: 2,
      column: "period",
      message: /label "2023" means 2023-01-01..2023-12-31/,
    },
    {
      name: "a malformed label",
      input: { observations: [obs({ period: "24" })] },
      row: 2,
      column: "period",
      message: /not a calendar year label/,
    },
    {
      name: "a bad financial-year label",
      input: {
        observations: [
          obs({
            series_id: "syn_fy",
            period: "FY2022/24",
            period_type: "financial_year",
            period_start: "2022-07-01",
            period_end: "2023-06-30",
          }),
        ],
      },
      row: 2,
      column: "period",
      message: /second year must follow/,
    },
    {
      name: "a partial_year not flagged partial",
      input: {
        observations: [obs({ period: "2024-01/2024-07", period_type: "partial_year", period_end: "2024-07-31" })],
      },
      row: 2,
      column: "partial",
      message: /must have partial=true/,
    },
    {
      name: "a short window in a calendar-year series not flagged partial",
      input: {
        observations: [obs({ period: "2024-01-01/2024-08-27", period_type: "window", period_end: "2024-08-27" })],
      },
      row: 2,
      column: "partial",
      message: /shorter than the series' normal calendar_year but partial=false/,
    },
    {
      name: "a series without unit",
      input: {
        series: `${SYN_SERIES_HEADER}\nsyn_victims,support,KR,기관,Body,합성,Synthetic,victims,,명,victims,calendar_year,,,,,,,true\n`,
      },
      file: "data/series.csv",
      row: 2,
      column: "unit",
      message: /"unit" is empty but required/,
    },
    {
      name: "a series_id missing from series.csv",
      input: { observations: [obs({ series_id: "syn_unknown" })] },
      row: 2,
      column: "series_id",
      message: /not in series.csv/,
    },
    {
      name: "a grade not in A/B/C/D/H/M/L",
      input: { observations: [obs({ grade: "X" })] },
      row: 2,
      column: "grade",
      message: /"X" is not one of A, B, C, D, H, M, L/,
    },
    {
      name: "a derived row that is not grade C",
      input: { observations: [obs({ derived: "true", grade: "A", note_en: "Derived: 1+2" })] },
      row: 2,
      column: "grade",
      message: /derived row must have grade C/,
    },
    {
      name: "grade C on a row not marked derived",
      input: { observations: [obs({ grade: "C" })] },
      row: 2,
      column: "derived",
      message: /only allowed with derived=true/,
    },
    {
      name: "a derived row without a formula",
      input: { observations: [obs({ derived: "true", grade: "C" })] },
      row: 2,
      column: "note_en",
      message: /formula/,
    },
    {
      name: "a grade that differs from the source's",
      input: { observations: [obs({ grade: "B" })] },
      row: 2,
      column: "grade",
      message: /differs from the grade of source "syn_a"/,
    },
    {
      name: "a qualifier outside the list",
      input: { observations: [obs({ qualifier: "~" })] },
      row: 2,
      column: "qualifier",
      message: /is not one of/,
    },
    {
      name: "a boolean that is not true/false",
      input: { observations: [obs({ partial: "yes" })] },
      row: 2,
      column: "partial",
      message: /is not one of true, false/,
    },
    {
      name: "an undefined category code",
      input: { observations: [obs({ dimension: "sex", category: "other" })] },
      row: 2,
      column: "category",
      message: /not defined in categories.csv/,
    },
    {
      name: "an alternative without a matching observation",
      input: {
        alternatives:
          "series_id,period,category,value,share,source_id,grade,note_en,note_ko\nsyn_victims,2019,all,5,,syn_b,B,why,\n",
      },
      file: "data/alternatives.csv",
      row: 2,
      column: "period",
      message: /no observation/,
    },
    {
      name: "an event with a bad date",
      input: {
        events: "event_id,date,end_date,kind,title_ko,title_en,source_id,series_ids\ne,2024-13,,law,t,t,syn_a,\n",
      },
      file: "data/events.csv",
      row: 2,
      column: "date",
      message: /is not a date/,
    },
    {
      name: "an event with an unknown series",
      input: {
        events:
          "event_id,date,end_date,kind,title_ko,title_en,source_id,series_ids\ne,2024-12,,law,t,t,syn_a,syn_victims nope\n",
      },
      file: "data/events.csv",
      row: 2,
      column: "series_ids",
      message: /series "nope" is not in series.csv/,
    },
  ];

  for (const c of cases) it(`fails on ${c.name}`, () => expectRefused(c));

  it("allows parts above the total only with the [overlapping-categories] flag", () => {
    const rows = [
      obs({ note_en: "[overlapping-categories] synthetic" }),
      obs({ dimension: "sex", category: "female", value: "80" }),
      obs({ dimension: "sex", category: "male", value: "40" }),
    ];
    expect(validatePackage(pkg({ observations: rows })).errors).toEqual([]);
  });

  it("allows sex parts below the total only with the [parts-not-exhaustive] flag", () => {
    const rows = [obs({ note_en: "[parts-not-exhaustive]" }), obs({ dimension: "sex", category: "male", value: "40" })];
    expect(validatePackage(pkg({ observations: rows })).errors).toEqual([]);
    const unflagged = [obs(), obs({ dimension: "sex", category: "male", value: "40" })];
    expect(validatePackage(pkg({ observations: unflagged })).errors).toHaveLength(1);
  });

  it("keeps a gap as an empty value and does not sum approximate parts", () => {
    const rows = [
      obs(),
      obs({ dimension: "sex", category: "female", value: "", note_en: "gap" }),
      obs({ dimension: "sex", category: "male", value: "400", qualifier: "≈" }),
    ];
    const r = validatePackage(pkg({ observations: rows }));
    expect(r.errors).toEqual([]);
    expect(r.observations.find((o) => o.category === "female")?.value).toBeNull();
  });

  it("warns (does not fail) on grade D rows", () => {
    const r = validatePackage(
      pkg({
        observations: [
          ...BASE_OBS.slice(0, 1),
          obs({
            series_id: "syn_fy",
            period: "FY2022/23",
            period_type: "financial_year",
            period_start: "2022-07-01",
            period_end: "2023-06-30",
            source_id: "syn_d",
            grade: "D",
          }),
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.join("\n")).toMatch(/secondary source \(grade D\/L\) used in syn_fy: FY2022\/23\/all/);
  });

  it("accepts every period type with matching dates", () => {
    const rows = [
      obs(),
      obs({
        series_id: "syn_fy",
        period: "FY2022/23",
        period_type: "financial_year",
        period_start: "2022-07-01",
        period_end: "2023-06-30",
      }),
      obs({
        series_id: "syn_fy",
        period: "2024-H1",
        period_type: "half_year",
        partial: "true",
        period_start: "2024-01-01",
        period_end: "2024-06-30",
      }),
      obs({
        period: "2024-01/2024-07",
        period_type: "partial_year",
        partial: "true",
        period_start: "2024-01-01",
        period_end: "2024-07-31",
      }),
      obs({
        period: "2023-08-01/2024-07-31",
        period_type: "window",
        period_start: "2023-08-01",
        period_end: "2024-07-31",
      }),
      obs({
        period: "2018-04-30/2020-03-31",
        period_type: "cumulative",
        period_start: "2018-04-30",
        period_end: "2020-03-31",
      }),
    ];
    expect(validatePackage(pkg({ observations: rows })).errors).toEqual([]);
  });
});
