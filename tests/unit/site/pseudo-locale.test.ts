/**
 * A third language is a data change: a pseudo-locale ("xx", every English string wrapped in ⟦…⟧, German number
 * formatting) is added only where languages are listed — src/i18n/languages.ts and src/i18n/dictionaries.ts — and a
 * chart, its summary, its data table and its citation, and a whole page, then come out in it with no code change.
 * Any string that is not looked up through the dictionaries shows up unwrapped. (The pseudo-locale does not ship.)
 */
import { describe, expect, it, vi } from "vitest";
import path from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import { parseHTML } from "linkedom";
import Papa from "papaparse";
import { testSpec } from "../spec-fixture";

vi.mock("../../../src/i18n/languages", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../../src/i18n/languages")>();
  return {
    LANGUAGES: {
      ...m.LANGUAGES,
      xx: { locale: "de-DE", myriads: false, counter: false, yearSuffix: "", charsPerLine: 90 },
    },
  };
});
vi.mock("../../../src/i18n/dictionaries", async (importOriginal) => {
  const m = await importOriginal<typeof import("../../../src/i18n/dictionaries")>();
  const xx = Object.fromEntries(Object.entries(m.DICTIONARIES.en).map(([k, v]) => [k, `⟦${v}⟧`]));
  return { DICTIONARIES: { ...m.DICTIONARIES, xx } };
});

const { LANGS, t, otherLang, formatNumber } = await import("../../../src/i18n");
const { nodeDb } = await import("../../../src/db/node");
const { loadMeta } = await import("../../../src/db/queries/meta");
const { runChartQuery } = await import("../../../src/db/queries");
const { buildContext } = await import("../../../src/charts/context");
const { renderChart } = await import("../../../src/charts/render");
const { summarize } = await import("../../../src/charts/summary");
const { tableModel } = await import("../../../src/charts/table");
const { citation } = await import("../../../src/charts/actions/cite");
const { experimental_AstroContainer } = await import("astro/container");
/** A page as the container renders it (the type .astro modules get in tests is too narrow to pass). */
type AstroPage = Parameters<(typeof experimental_AstroContainer)["prototype"]["renderToString"]>[0];
const VictimsPage = (await import("../../../src/pages/[lang]/victims.astro")).default as unknown as AstroPage;
const RootPage = (await import("../../../src/pages/index.astro")).default as AstroPage;
type Lang = import("../../../src/i18n").Lang;

const XX = "xx" as Lang;
const db = nodeDb(path.resolve("tests/fixtures/site"));

describe("a pseudo-locale added as data", () => {
  it("is a language of the site: listed, switchable, its strings looked up", () => {
    expect(LANGS).toEqual(["ko", "en", "xx"]);
    expect(otherLang("en")).toBe(XX);
    expect(otherLang(XX)).toBe("ko");
    expect(t(XX, "chart.table")).toBe(`⟦${t("en", "chart.table")}⟧`);
  });

  it("renders a chart, its summary, data table and citation in it", async () => {
    const spec = testSpec({ lang: XX });
    const ctx = buildContext(await loadMeta(db), XX);
    const rows = await runChartQuery(db, spec);
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const svg = renderChart(spec, rows, ctx, { width: 640, label: "t" }, document as unknown as Document).outerHTML;
    // Numbers follow the language's locale (German groups thousands with ".").
    expect(formatNumber(12345, XX)).toBe("12.345");
    const labels = Object.values(ctx.series)
      .map((s) => s.title[XX])
      .concat(Object.values(ctx.categories).map((c) => c[XX]));
    // Every text in the chart is a number, a label from the data, or a string from the dictionary.
    const texts = [...svg.replace(/<style[^]*?<\/style>/g, "").matchAll(/>([^<>]+)</g)]
      .map((m) => m[1]!.trim())
      .filter(Boolean);
    expect(texts.length).toBeGreaterThan(3);
    for (const x of texts) expect(/^[\d.,\s%−+–-]+$/.test(x) || x.includes("⟦") || labels.includes(x), x).toBe(true);
    const summary = summarize(spec, rows, ctx);
    expect(summary.length).toBeGreaterThan(0);
    // Every word of the summary comes from the dictionary (wrapped) or the data (numbers, labels, periods).
    const unwrapped = summary.replace(/⟦[^⟧]*⟧/g, "").replace(/[\d.,%\s()–−+:;]/g, "");
    expect(labels.reduce((rest, l) => rest.split(l.replace(/\s/g, "")).join(""), unwrapped.replace(/\s/g, ""))).toBe(
      "",
    );
    const table = tableModel(spec, rows, ctx);
    expect(table.columns.every((c) => c.startsWith("⟦"))).toBe(true);
    const cite = citation({
      lang: XX,
      spec,
      sourceIds: ["syn_src"],
      sources: ctx.sources,
      release: "0.0.0",
      permalink: "https://example.org/xx/#chart-t",
      accessed: "2026-11-30",
      dataYears: [2020, 2023],
    });
    expect(cite.startsWith("⟦")).toBe(true);
    expect(cite).toContain("30. Nov. 2026");
  });

  it("renders a whole page in it: every text is the dictionary's, the data's, or a number or date in its locale", async () => {
    const container = await experimental_AstroContainer.create();
    const html = await container.renderToString(VictimsPage, { params: { lang: XX } });
    const { document } = parseHTML(html);
    expect(document.documentElement.getAttribute("lang")).toBe(XX);
    expect(document.querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe("de_DE");
    const alternates = [...document.querySelectorAll("link[rel=alternate][hreflang]")].map((l) =>
      l.getAttribute("hreflang"),
    );
    expect(alternates).toEqual(["ko", "en", "xx", "x-default"]);
    expect(document.querySelector("a[data-lang-switch]")?.getAttribute("href")).toBe("/ko/victims/");
    const figs = document.querySelectorAll("figure[data-chart]");
    expect(figs.length).toBeGreaterThan(1);
    for (const f of figs) {
      expect(f.querySelector("[data-title]")!.textContent).toMatch(/^⟦/);
      expect(f.querySelector("svg[role=img]")).toBeTruthy();
      expect(f.querySelector("table.data caption")?.textContent).toMatch(/^⟦/);
    }
    // Counts are grouped as German groups them ("1.384"), not as English ("1,384").
    expect(document.querySelector("table.data tbody")!.textContent).toMatch(/\d\.\d{3}\b/);
    expect(document.querySelector("table.data tbody")!.textContent).not.toMatch(/\d,\d{3}\b/);

    // What is left of the page's text once dictionary strings, the data's own text (labels, sources, notes; their
    // English where the data has no column in the language), numbers and the locale's month names are taken out.
    for (const el of document.querySelectorAll("script, style, noscript, textarea")) el.remove();
    let text = document.body.textContent!;
    for (let prev = ""; prev !== text;) [prev, text] = [text, text.replace(/⟦[^⟦⟧]*⟧/g, " ")];
    const squash = (s: string) => s.replace(/\s+/g, "");
    text = squash(text); // SVG labels wrap across lines
    const dir = path.resolve("public/data");
    const cells = readdirSync(dir)
      .filter((f) => f.endsWith(".csv"))
      .flatMap((f) => Papa.parse<string[]>(readFileSync(path.join(dir, f), "utf8"), { skipEmptyLines: true }).data)
      .flat();
    const months = ["long", "short"].flatMap((month) =>
      Array.from({ length: 12 }, (_, m) =>
        new Date(2020, m, 15).toLocaleDateString("de-DE", { month: month as "long" | "short" }),
      ),
    );
    // The language switch names the next language in that language ("한국어").
    const langNames = LANGS.map((l) => t(l, "site.langName"));
    for (const c of [...new Set([...cells, ...months, ...langNames].map(squash))]
      .filter((c) => /\p{L}/u.test(c)) // text only: numbers are left for the last check
      .sort((a, b) => b.length - a.length))
      text = text.split(c).join("");
    expect(text.replace(/[\d.,%−+–\-()·:;/●○'"—~]/g, "")).toBe("");
  }, 120_000);

  it("is offered at the site root, by its own name", async () => {
    const container = await experimental_AstroContainer.create();
    const { document } = parseHTML(await container.renderToString(RootPage));
    const links = [...document.querySelectorAll("main a[lang]")].map((a) => [a.getAttribute("lang"), a.textContent]);
    expect(links).toEqual([
      ["ko", "한국어"],
      ["en", "English"],
      ["xx", "⟦English⟧"],
    ]);
    expect(document.querySelector('meta[name="description"]')?.getAttribute("content")).toContain("⟦");
  });
});
