/**
 * The printable brief: /en/compare/ and /ko/compare/ printed to A4 PDF by Chromium fit on at most 3 pages and carry
 * the title with both years, the indicator table, the three largest honest changes, the comparability notes, the
 * sources, the data release and the permalink, and no controls. Read with poppler (pdfinfo, pdftotext); the pages
 * are also rendered to PNG (pdftoppm) in test-results/compare-print/ for people to look at.
 */
import type { Browser } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, open } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const OUT = path.resolve("test-results/compare-print");

const EXPECT: Record<"en" | "ko", string[]> = {
  en: [
    "What changed between 2023 and 2024",
    "Between 2023 and 2024,",
    "Every indicator, 2023 vs 2024",
    "Synthesis/editing (deepfake)",
    "+227.2%",
    "Not comparable: definition changed",
    "The definition changed between 2023 and 2024",
    "The three largest changes that can be compared",
    "Series breaks and comparability",
    "Sources",
    "Women's Human Rights Institute of Korea",
    "https://",
    "Data release 0.1.0",
    "compare/?a=2023&b=2024",
  ],
  ko: [
    "2023년 대비 2024년, 무엇이 달라졌나",
    "2023년과 2024년 사이",
    "모든 지표, 2023년 대 2024년",
    "+227.2%",
    "비교 불가: 정의 변경",
    "2023년과 2024년 사이에 정의가 바뀌어",
    "비교 가능한 변화 중 가장 큰 세 가지",
    "시계열 단절과 비교 가능성",
    "출처",
    "한국여성인권진흥원",
    "데이터 릴리스 0.1.0",
    "compare/?a=2023&b=2024",
  ],
};

describe("compare: the printable brief", () => {
  for (const lang of ["en", "ko"] as const) {
    it(`prints /${lang}/compare/ to at most 3 A4 pages with the table and sources`, async () => {
      const { page, context } = await open(browser, `/${lang}/compare/`);
      await page.locator("[data-ind-print]").waitFor({ state: "visible" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, `compare-${lang}.pdf`);
      writeFileSync(file, pdf);
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      // A4 is 595 × 842 pt.
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);
      // -raw keeps text in reading order; table rows and sources are whole lines.
      const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
      // Table cells wrap: compare with line breaks as spaces.
      const flat = text.replace(/\s+/g, " ");
      for (const s of EXPECT[lang]) expect(flat, s).toContain(s);
      // Every row of the table is printed (the label of each indicator is in the text).
      const labels = await page.$$eval("[data-ind-table] tbody th a", (as) => as.map((a) => a.textContent!));
      for (const l of labels) expect(flat, l).toContain(l.replace(/\s+/g, " ").slice(0, 24));
      // No controls in the brief.
      for (const s of lang === "en"
        ? ["Print brief", "Download this table", "All bodies"]
        : ["브리핑 인쇄", "모든 기관"])
        expect(text).not.toContain(s);
      // The last page is not a near-empty spill-over: the brief ends with the permalink.
      const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), "-raw", file, "-"], {
        encoding: "utf8",
      });
      expect(last.trim().length).toBeGreaterThan(200);
      execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(OUT, `compare-${lang}`)]);
      await context.close();
    });
  }
});
