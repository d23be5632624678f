/**
 * The sourcing rule, checked row by row over the curated observations (rows ingested from the official files in
 * data/raw/ are checked against those files by ingest.test.ts): a figure we publish is either
 *  - in its source's stored quote, in one of the spellings publishers use (1,807 / 1807 / 1천807 / 1만 305 /
 *    2천3백79; shares as 27.8% or 27.8 percent), or
 *  - placed by the row itself: the note says where in the source it stands ("In the source's table, …" or a
 *    page), for figures read from a table or page the quote cannot hold whole, or
 *  - marked derived (grade C) with its formula, the arithmetic written out with the result.
 * Alternatives (data/alternatives.csv) follow the same rule.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

type Row = Record<string, string>;
const read = (f: string): Row[] =>
  Papa.parse<Row>(readFileSync(new URL(`../../../data/${f}`, import.meta.url), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Every spelling of a whole number that Korean and English publishers use. */
export function countSpellings(n: number): string[] {
  const plain = String(n);
  const out = new Set([plain, n.toLocaleString("en-US")]);
  const below = (x: number): string[] => {
    // 0–9999 in Korean mixed notation: 807, 1천807, 2천3백79, 1,807
    const th = Math.floor(x / 1000);
    const rest = x % 1000;
    const h = Math.floor(rest / 100);
    const r2 = rest % 100;
    const s = new Set([String(x), x.toLocaleString("en-US")]);
    if (th > 0) {
      s.add(`${th}천${rest || ""}`);
      s.add(`${th}천 ${rest || ""}`.trim());
      if (h > 0) s.add(`${th}천${h}백${r2 || ""}`);
    }
    return [...s];
  };
  if (n >= 10000) {
    const man = Math.floor(n / 10000);
    const rest = n % 10000;
    if (rest === 0) out.add(`${man}만`);
    else for (const r of below(rest)) for (const sep of ["", " "]) out.add(`${man}만${sep}${r}`);
  } else for (const r of below(n)) out.add(r);
  return [...out];
}

/** Spellings of a published percentage: 27.8% / 27.8 percent / 27.8 per cent; "10.0" also as 10%. */
export function shareSpellings(share: number): string[] {
  const forms = new Set([String(share), share.toFixed(1)]);
  if (Number.isInteger(share)) forms.add(String(share));
  return [...forms].flatMap((f) => [`${f}%`, `${f} %`, `${f} percent`, `${f} per cent`, `${f}％`]);
}

/** Does `text` contain the number as a whole token (not "1,8070" or "21,807")? */
export function containsFigure(text: string, spellings: string[]): boolean {
  return spellings.some((sp) => {
    const esc = sp.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^0-9.,])${esc}(?![0-9]|[.,][0-9])`).test(text);
  });
}

/** A note that places the figure in its source (a table or a page). */
export const LOCATED = /\bIn the source's (?:table|chart)\b|\bp(?:p)?\.\s?\d+/;
/** A derived row writes its arithmetic out: "= <result>" with the figure. */
const formulaHas = (note: string, n: number) => containsFigure(note, countSpellings(n)) && /=/.test(note);

export interface Problem {
  where: string;
  figure: string;
}

/**
 * Rows whose figure is verbatim in a second source's quote (a copy of the same report), while the row cites the
 * stronger source the research record credits with it. Key: series|period|category.
 */
export const CORROBORATED: Record<string, string> = {
  // Etoday (B) is credited with the 2022 harm types; the verbatim sentence is a repost of 강원도민일보 (D).
  "dsc_harm_types|2022|distribution": "happy1366_2022harm",
  "dsc_harm_types|2022|illegal_filming": "happy1366_2022harm",
  // Chosun Biz (H) gives the 2024 shares of the 16,833 total; the total itself is verbatim in a blog copy.
  "dsc_harm_types|2024|all": "jinbo_2024harm",
};

/**
 * Known exceptions, each to be re-sourced: the research record lists the figure in its table for this source, but
 * no stored sentence contains it (the source's excerpt was shortened). They are shown on the site as published
 * figures of that source; the test below fails as soon as one is resolved (so the list cannot go stale) or a new
 * one appears.
 */
export const KNOWN_EXCEPTIONS: Record<string, string> = {
  "dsc_victims_by_age|2022|unknown":
    "Aju News 2022 age 'unknown' 4,254 (53.3%): in the record's table, not in its excerpt",
  "dsc_victims_by_age|2023|teens":
    "Financial News gives 24.6% in the excerpt; the count 2,209 only in the record's table",
  "dsc_victims_by_age|2023|20s":
    "Financial News gives 50.3% in the excerpt; the count 4,517 only in the record's table",
  "dsc_harm_types|2022|fear_of_distribution":
    "3,836 credited to Etoday/Newsbell (conflict with the repost's 3,826); no excerpt",
  "dsc_deletion_by_platform|2018-04-30/2020-03-31|p2p":
    "Newsis cumulative platform split: P2P 32,064 in the record's table only",
  "dsc_deletion_by_platform|2018-04-30/2020-03-31|sns":
    "Newsis cumulative platform split: SNS 16,437 in the record's table only",
  "dsc_relationship|2023|social": "Sisa Today 2023 relationship: social 766 (8.5%) in the record's table only",
  "dsc_relationship|2023|family": "Sisa Today 2023 relationship: family 29 (0.3%) in the record's table only",
  "knpa_deepfake_teen_share|2024-01/2024-07|all":
    "Korea Herald Jan–Jul 2024 teen share 73.6%: the excerpt stops at 2023",
  "knpa_cyber_crackdown|2022-11/2023-10|csam": "JIBS (치안전망 2024) split by type: in the record's table only",
  "knpa_cyber_crackdown|2022-11/2023-10|illegal_filming": "JIBS split by type: in the record's table only",
  "knpa_cyber_crackdown|2022-11/2023-10|illegal_sexual_video": "JIBS split by type: in the record's table only",
  "knpa_cyber_crackdown|2022-11/2023-10|deepfake": "JIBS split by type: in the record's table only",
  "knpa_illegal_filming_suspects_by_sex|2014-01/2017-12|all":
    "HuffPost Korea 2014–2017 total 16,802: in the record's table only",
  "knpa_illegal_filming_clearance_rate|2023|all":
    "Honam Future 2025: clearance 86% (2023) in the record's table; the excerpt gives only the 2024 counts",
  "knpa_illegal_filming_clearance_rate|2024|all":
    "Honam Future 2025: clearance 84% in the record's table; the excerpt gives 6,020 cleared of 7,202",
  "court_illegal_filming_prison_share|2014|all":
    "Songpa Times prints the year as '4년' (6.2%), so the excerpt does not name 2014 as the rule needs",
};

const key = (r: Row) => `${r.series_id}|${r.period}|${r.category}`;

export function checkRows(rows: Row[], sources: Map<string, Row>, where: (r: Row, i: number) => string): Problem[] {
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    const figures: { kind: "value" | "share"; n: number }[] = [];
    if (r.value) figures.push({ kind: "value", n: Number(r.value) });
    if (r.share) figures.push({ kind: "share", n: Number(r.share) });
    const corroborated = CORROBORATED[key(r)];
    const quote = [r.source_id, corroborated].map((id) => sources.get(id ?? "")?.quote ?? "").join(" / ");
    const note = r.note_en ?? "";
    for (const f of figures) {
      const spellings = f.kind === "value" ? countSpellings(f.n) : shareSpellings(f.n);
      if (containsFigure(quote, spellings)) continue;
      if (LOCATED.test(note)) continue;
      if (r.derived === "true" && r.grade === "C" && formulaHas(note, f.n)) continue;
      // A derived share is fine when its formula gives the count it is a share of and the share itself.
      if (r.derived === "true" && r.grade === "C" && f.kind === "share" && containsFigure(note, shareSpellings(f.n)))
        continue;
      problems.push({ where: where(r, i), figure: `${f.kind} ${f.n}` });
    }
  });
  return problems;
}

describe("spellings", () => {
  it("covers the forms publishers use", () => {
    expect(countSpellings(1807)).toEqual(expect.arrayContaining(["1807", "1,807", "1천807"]));
    expect(countSpellings(10305)).toEqual(expect.arrayContaining(["1만 305", "1만305", "10,305"]));
    expect(countSpellings(2379)).toContain("2천3백79");
    expect(countSpellings(244457)).toContain("24만 4457");
    expect(countSpellings(33921)).toContain("3만3천921");
  });
  it("matches whole numbers only", () => {
    expect(containsFigure("피해자 1천807명을 지원", countSpellings(1807))).toBe(true);
    expect(containsFigure("21,807 cases", countSpellings(1807))).toBe(false);
    expect(containsFigure("1,8070 cases", countSpellings(1807))).toBe(false);
    expect(containsFigure("(27.8%)", shareSpellings(27.8))).toBe(true);
    expect(containsFigure("(127.8%)", shareSpellings(27.8))).toBe(false);
    expect(containsFigure("Japan (10%)", shareSpellings(10))).toBe(true);
  });
});

describe("rule: every curated figure is in its source's quote, placed in the source, or derived", () => {
  const sources = new Map(read("sources.csv").map((s) => [s.source_id!, s]));

  it("fails on a row whose quote lacks the figure (fixture)", () => {
    const fixture = new Map([["q", { source_id: "q", quote: "여성 1천754명" } as Row]]);
    const rows: Row[] = [
      { series_id: "x", period: "2024", value: "1754", source_id: "q", note_en: "" },
      { series_id: "x", period: "2024", value: "1807", source_id: "q", note_en: "" },
      { series_id: "x", period: "2024", value: "1807", source_id: "q", note_en: "In the source's table, row 2024." },
      {
        series_id: "x",
        period: "2024",
        value: "53",
        source_id: "q",
        derived: "true",
        grade: "C",
        note_en: "Derived: 1,807 − 1,754 = 53.",
      },
    ];
    expect(checkRows(rows, fixture, (_r, i) => `row ${i}`)).toEqual([{ where: "row 1", figure: "value 1807" }]);
  });

  it("holds for every observation in data/observations.csv, except the listed ones still to be re-sourced", () => {
    const rows = read("observations.csv");
    const problems = checkRows(rows, sources, (r) => key(r));
    const failing = [...new Set(problems.map((p) => p.where))].sort();
    expect(failing).toEqual(Object.keys(KNOWN_EXCEPTIONS).sort());
  });

  it("holds for every alternative in data/alternatives.csv", () => {
    const problems = checkRows(
      read("alternatives.csv"),
      sources,
      (r, i) => `alternatives.csv:${i + 2} ${r.series_id} ${r.period} ${r.category}`,
    );
    expect(problems).toEqual([]);
  });
});
