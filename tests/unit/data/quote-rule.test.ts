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
import { describe, expect, it } from "vitest";
import { readDataCsv } from "./helpers.ts";
import { QUOTED_CONFLICTS } from "../../../src/data/quoted-conflicts.ts";

type Row = Record<string, string>;
const read = readDataCsv;

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
    // A spelling that ends in a digit must not run on into a longer number ("1,8070"); one that ends in a sign
    // (%, percent) is already closed, so "4년 6.2%,15년" (no space after the comma, as printed) holds 6.2%.
    const end = /[0-9]$/.test(sp) ? "(?![0-9]|[.,][0-9])" : "";
    return new RegExp(`(^|[^0-9.,])${esc}${end}`).test(text);
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
};

/**
 * Known exceptions: rows that break the rule and are still to be re-sourced, each with a one-line reason. None
 * are left: figures no stored sentence holds were cited to a source whose quote has them, written out as derived
 * with their formula, or left empty (data/README.md, "Figures left out"). The test below fails as soon as a listed
 * row passes (so the list cannot go stale) or a new exception appears.
 */
export const KNOWN_EXCEPTIONS: Record<string, string> = {};

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
    expect(containsFigure("4년 6.2%,15년 8.1%", shareSpellings(6.2))).toBe(true);
    expect(containsFigure("16.2%,15년", shareSpellings(6.2))).toBe(false);
    expect(containsFigure("2,905명,3,961명", countSpellings(2905))).toBe(true);
    expect(containsFigure("2,905,3", countSpellings(2905))).toBe(false);
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

  it("holds for every observation in data/observations.csv (no exceptions left)", () => {
    const rows = read("observations.csv");
    const problems = checkRows(rows, sources, (r) => key(r));
    const failing = [...new Set(problems.map((p) => p.where))].sort();
    expect(failing).toEqual(Object.keys(KNOWN_EXCEPTIONS).sort());
  });

  it("holds for every figure the sources page prints for conflicts no chart shows (src/data/quoted-conflicts.ts)", () => {
    const problems = QUOTED_CONFLICTS.flatMap((c) =>
      c.figures
        .filter((f) => {
          const quote = sources.get(f.source_id)?.quote ?? "";
          // "At least" is printed only where the source says so.
          const qualified = f.qualifier !== "≥" || /\bat least\b|최소|이상/i.test(quote);
          return !qualified || !containsFigure(quote, f.kind === "count" ? countSpellings(f.n) : shareSpellings(f.n));
        })
        .map((f) => `${c.id}: ${f.n} not in the quote of ${f.source_id}`),
    );
    expect(problems).toEqual([]);
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
