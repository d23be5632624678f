/**
 * The sources page's "conflicts we could not check": another outlet printed a different figure that no source text
 * we hold contains. Each entry's text says so in both languages without printing a figure, and names a row of the
 * built data whose figure the page shows in its place.
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { nodeDb } from "../../../src/db/node";
import { shownFigures } from "../../../src/db/queries/meta";
import { UNCHECKED_CONFLICTS, figureKey } from "../../../src/data/unchecked-conflicts";
import { DICTIONARIES } from "../../../src/i18n/dictionaries";
import { LANGS } from "../../../src/i18n";

/** Digits left once age bands ("20s", "10대") are taken out: a figure the text should not print. */
const figures = (s: string) => s.replace(/\d+(?:s\b|대)/g, "").match(/\d/g) ?? [];

describe("conflicts we could not check: the texts", () => {
  it("lists the documented conflicts once each", () => {
    const ids = UNCHECKED_CONFLICTS.map((c) => c.id);
    expect([...ids].sort()).toEqual(["K13", "K2", "K3", "K4", "K5"]);
    expect(new Set(UNCHECKED_CONFLICTS.map((c) => c.text)).size).toBe(ids.length);
  });

  it("says it in every language, without a figure (the other outlet's figure is never printed)", () => {
    for (const lang of LANGS) {
      const d = DICTIONARIES[lang];
      for (const key of ["sources.unchecked", "sources.uncheckedLead", "sources.uncheckedWhy"] as const) {
        expect(d[key].trim(), `${lang} ${key}`).not.toBe("");
        expect(figures(d[key]), `${lang} ${key}`).toEqual([]);
      }
      for (const c of UNCHECKED_CONFLICTS) {
        expect(d[c.text].trim(), `${lang} ${c.id}`).not.toBe("");
        expect(figures(d[c.text]), `${lang} ${c.id}`).toEqual([]);
      }
    }
  });
});

const BUILT = path.resolve("public/data");
const has = existsSync(path.join(BUILT, "observations.csv"));

describe.runIf(has || !!process.env.CI)("conflicts we could not check: the figures shown", () => {
  it("has the built tables", () => expect(has).toBe(true));

  it("every entry names rows of the data that carry the figure we show", async () => {
    const keys = UNCHECKED_CONFLICTS.flatMap((c) => c.categories.map((k) => figureKey(c, k)));
    const rows = await shownFigures(nodeDb(BUILT), keys);
    expect(rows.map((r) => String(r.key)).sort()).toEqual([...keys].sort());
    for (const r of rows) expect(r.value ?? r.share, String(r.key)).not.toBeNull();
  });

  it("the sources page lists them in every language, printing no figure but the ones we show", async () => {
    const { experimental_AstroContainer } = await import("astro/container");
    // The type .astro modules get in tests is too narrow to pass to the container.
    const Page = (await import("../../../src/pages/[lang]/sources.astro")).default as unknown as Parameters<
      (typeof experimental_AstroContainer)["prototype"]["renderToString"]
    >[0];
    const container = await experimental_AstroContainer.create();
    const rows = UNCHECKED_CONFLICTS.flatMap((c) => c.categories.map(() => c.id));
    for (const lang of LANGS) {
      const { document } = parseHTML(await container.renderToString(Page, { params: { lang } }));
      expect(document.querySelector('nav a[href="#unchecked"]'), lang).toBeTruthy();
      const heading = document.querySelector("h2#unchecked")!;
      expect(heading.textContent, lang).toBe(DICTIONARIES[lang]["sources.unchecked"]);
      const trs = [...document.querySelectorAll("[data-unchecked-table] tbody tr")];
      expect(
        trs.map((tr) => tr.getAttribute("data-conflict")),
        lang,
      ).toEqual(rows);
      for (const c of UNCHECKED_CONFLICTS)
        expect(document.querySelector(`tr[data-conflict="${c.id}"]`)!.textContent, lang).toContain(
          DICTIONARIES[lang][c.text],
        );
      // Beyond the period and the figure-shown cells (read from the data), the section holds no figure.
      const texts = [
        heading.nextElementSibling!.textContent!,
        ...trs.flatMap((tr) => {
          const cells = [...tr.querySelectorAll("td")];
          return [cells[0]!.textContent!, ...cells.slice(3).map((td) => td.textContent!)];
        }),
      ];
      for (const x of texts) expect(figures(x), `${lang}: ${x}`).toEqual([]);
    }
  }, 60_000);
});
