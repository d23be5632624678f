/**
 * The sources page's "conflicting figures the charts do not show": two published figures, both in quotes of sources
 * we hold (the quote rule checks each figure against its source), for things no chart draws. Each entry names
 * sources of the data package, its texts exist in every language and hold no figure, and the page lists the entries
 * with both figures as published and a link to each source.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { QUOTED_CONFLICTS } from "../../../src/data/quoted-conflicts";
import { DICTIONARIES } from "../../../src/i18n/dictionaries";
import { LANGS } from "../../../src/i18n";

/** Digits left once years (2024, 2024년) and ordinals (2차 출처) are taken out: a figure the text should not print. */
const figures = (s: string) => s.replace(/\b(?:19|20)\d\d(?:년)?|\d+차/g, "").match(/\d/g) ?? [];

const sources = new Map(
  Papa.parse<Record<string, string>>(readFileSync("data/sources.csv", "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data.map((r) => [r.source_id!, r]),
);

describe("conflicting figures the charts do not show: the entries", () => {
  it("holds the research record's conflicts whose figures no row of the data carries", () => {
    expect(QUOTED_CONFLICTS.map((c) => c.id)).toEqual(["K10", "deepfake-women-2024", "nth-room"]);
  });

  it("cites sources of the data package, two different ones per entry", () => {
    for (const c of QUOTED_CONFLICTS) {
      for (const f of c.figures) expect(sources.has(f.source_id), `${c.id} ${f.source_id}`).toBe(true);
      expect(new Set(c.figures.map((f) => f.source_id)).size, c.id).toBe(2);
    }
  });

  it("says it in every language, the notes without a figure", () => {
    for (const lang of LANGS) {
      const d = DICTIONARIES[lang];
      for (const key of ["sources.otherConflicts", "sources.otherLead"] as const) {
        expect(d[key].trim(), `${lang} ${key}`).not.toBe("");
        expect(figures(d[key]), `${lang} ${key}`).toEqual([]);
      }
      for (const c of QUOTED_CONFLICTS) {
        expect(d[c.topic].trim(), `${lang} ${c.id}`).not.toBe("");
        expect(d[c.text].trim(), `${lang} ${c.id}`).not.toBe("");
        expect(figures(d[c.text]), `${lang} ${c.id}`).toEqual([]);
        for (const f of c.figures) expect(d[f.label], `${lang} ${c.id}`).toContain("{n}");
      }
    }
  });
});

describe("conflicting figures the charts do not show: the sources page", () => {
  it("lists each entry with both figures as published and a link to each source (en, ko)", async () => {
    const { experimental_AstroContainer } = await import("astro/container");
    const Page = (await import("../../../src/pages/[lang]/sources.astro")).default as unknown as Parameters<
      (typeof experimental_AstroContainer)["prototype"]["renderToString"]
    >[0];
    const container = await experimental_AstroContainer.create();
    const expected = {
      en: [
        ["146 arrested", "178 charged"],
        ["96.6% women", "99.6% women"],
        ["at least 74 victims", "at least 103 victims"],
      ],
      ko: [
        ["146명 검거", "178명 입건"],
        ["여성 96.6%", "여성 99.6%"],
        ["피해자 최소 74명", "피해자 최소 103명"],
      ],
    } as const;
    for (const lang of LANGS) {
      const { document } = parseHTML(await container.renderToString(Page, { params: { lang } }));
      expect(document.querySelector('nav a[href="#other-conflicts"]'), lang).toBeTruthy();
      expect(document.querySelector("h2#other-conflicts")!.textContent, lang).toBe(
        DICTIONARIES[lang]["sources.otherConflicts"],
      );
      const trs = [...document.querySelectorAll("[data-other-conflicts-table] tbody tr")];
      expect(trs.map((tr) => tr.getAttribute("data-conflict"))).toEqual(QUOTED_CONFLICTS.map((c) => c.id));
      trs.forEach((tr, i) => {
        const c = QUOTED_CONFLICTS[i]!;
        const cells = [...tr.querySelectorAll("td")];
        expect(cells[0]!.textContent, lang).toBe(DICTIONARIES[lang][c.topic]);
        c.figures.forEach((f, k) => {
          const cell = cells[k + 1]!;
          expect(cell.textContent, `${lang} ${c.id}`).toContain(expected[lang as keyof typeof expected][i]![k]!);
          expect(cell.querySelector("a")!.getAttribute("href")).toBe(`#src-${f.source_id}`);
          // The link goes to a source listed on the same page.
          expect(document.getElementById(`src-${f.source_id}`), f.source_id).toBeTruthy();
        });
        expect(cells[3]!.textContent, lang).toBe(DICTIONARIES[lang][c.text]);
      });
    }
  }, 60_000);
});
