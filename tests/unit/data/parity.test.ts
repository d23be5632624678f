/**
 * Korean/English parity of every meaning-bearing text field in the data package: series titles, units,
 * definitions, caveats and breaks; category labels; event titles; observation and alternative notes. Each pair is
 * non-empty in both languages or empty in both, and carries the same numbers (a caveat that drops "12-month
 * windows differ" or an English-only "+260%" fails). Numbers are compared as values: 1만 305 = 10,305, 2천3백79 =
 * 2,379; dates' day and month parts (≤ 31) are left out, since "30 Apr" and "4.30" spell them differently.
 */
import { describe, expect, it } from "vitest";
import { readDataCsv } from "./helpers.ts";

const read = readDataCsv;

/** The numbers a text states, as values, without day/month parts and list markers. */
export function numbersIn(text: string): string[] {
  let s = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  // Korean dotted dates (2018.4.30, 2024.8) are a year and day/month parts, not decimals.
  s = s.replace(/\b((?:19|20)\d{2})\.(\d{1,2})(?:\.(\d{1,2}))?\b/g, "$1 $2 $3");
  // Korean mixed notation: 1만 305, 3만3천921, 2천3백79, 1천807
  s = s.replace(/\bone million\b/gi, "1000000").replace(/(\d+) million\b/g, (_m, n) => String(Number(n) * 1e6));
  // Day.month without a year next to a range dash (4.30–12.31) is a date, not two decimals.
  s = s.replace(/(\d{1,2})\.(\d{1,2})(?=\s?[–~])|(?<=[–~]\s?)(\d{1,2})\.(\d{1,2})\b/g, " ");
  s = s.replace(/(\d+)만(?:\s?(\d+)천)?(?:\s?(\d+)백)?(?:\s?(\d+)(?![\d.,]\d))?/g, (_m, man, th, h, r) =>
    String(Number(man) * 10000 + Number(th ?? 0) * 1000 + Number(h ?? 0) * 100 + Number(r ?? 0)),
  );
  s = s.replace(/(\d+)천(?:\s?(\d+)백)?(?:\s?(\d+)(?![\d.,]\d))?/g, (_m, th, h, r) =>
    String(Number(th) * 1000 + Number(h ?? 0) * 100 + Number(r ?? 0)),
  );
  const out: string[] = [];
  for (const m of s.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)) {
    const v = Number(m[0].replace(/,(?=\d{3}\b)/g, ""));
    if (!Number.isFinite(v)) continue;
    if (Number.isInteger(v) && v <= 31) continue; // days, months, ordinal list items
    out.push(String(v));
  }
  return [...new Set(out)].sort();
}

interface Pair {
  where: string;
  en: string;
  ko: string;
}

function pairs(): Pair[] {
  const out: Pair[] = [];
  for (const r of read("series.csv"))
    for (const k of ["title", "unit", "definition", "caveats", "breaks"])
      out.push({ where: `series ${r.series_id} ${k}`, en: r[`${k}_en`] ?? "", ko: r[`${k}_ko`] ?? "" });
  for (const r of read("categories.csv"))
    out.push({ where: `category ${r.dimension}/${r.category}`, en: r.label_en ?? "", ko: r.label_ko ?? "" });
  for (const r of read("events.csv"))
    out.push({ where: `event ${r.event_id}`, en: r.title_en ?? "", ko: r.title_ko ?? "" });
  read("observations.csv").forEach((r, i) =>
    out.push({
      where: `observations.csv:${i + 2} ${r.series_id} ${r.period} ${r.category}`,
      en: r.note_en ?? "",
      ko: r.note_ko ?? "",
    }),
  );
  read("alternatives.csv").forEach((r, i) =>
    out.push({
      where: `alternatives.csv:${i + 2} ${r.series_id} ${r.period}`,
      en: r.note_en ?? "",
      ko: r.note_ko ?? "",
    }),
  );
  return out;
}

/** Validator flags in English notes are for maintainers and have no Korean counterpart. */
const strip = (s: string) => s.replace(/\[(?:parts-not-exhaustive|overlapping-categories)\]/g, "").trim();

describe("numbersIn", () => {
  it("reads Korean and English spellings as the same values", () => {
    expect(numbersIn("1만 305명, 2천3백79명, 약 128% 증가")).toEqual(["10305", "128", "2379"]);
    expect(numbersIn("10,305 victims; 2,379 reported; about +128%")).toEqual(["10305", "128", "2379"]);
    expect(numbersIn("2018.4.30 개소")).toEqual(numbersIn("opened on 30 Apr 2018"));
  });
});

describe("Korean/English parity of the data's text fields", () => {
  const all = pairs();
  it("fails on a fixture pair that drops a number or a language", () => {
    const bad: Pair[] = [
      { where: "a", en: "+260% vs 267 in the prior seven months", ko: "딥페이크 특별단속" },
      { where: "b", en: "Revised-series basis.", ko: "" },
    ];
    expect(mismatches(bad).map((m) => m.where)).toEqual(["a", "b"]);
  });
  it(`holds for all ${all.length} pairs (titles, units, definitions, caveats, breaks, labels, events, notes)`, () => {
    expect(mismatches(all)).toEqual([]);
  });
});

function mismatches(ps: Pair[]): { where: string; problem: string }[] {
  const out: { where: string; problem: string }[] = [];
  for (const p of ps) {
    const en = strip(p.en);
    const ko = strip(p.ko);
    if (!en !== !ko) {
      out.push({ where: p.where, problem: en ? "Korean missing" : "English missing" });
      continue;
    }
    const a = numbersIn(en);
    const b = numbersIn(ko);
    if (a.join(" ") !== b.join(" "))
      out.push({ where: p.where, problem: `numbers differ: en ${a.join(" ")} / ko ${b.join(" ")}` });
  }
  return out;
}
