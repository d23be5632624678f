/**
 * Charts laid out for the width they get: at 390×844 (a phone) and 1280×900, on every page and every embed, in
 * both languages, with JavaScript on and off, the smallest chart text as rendered is at least 11 px and nothing
 * scrolls sideways. Rendered size = the text's font size × the SVG's on-screen scale (its box width over its
 * viewBox width), cross-checked against the text's own bounding box.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, open } from "./browser";
import { builtPages } from "./pages";

const MIN_PX = 11;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Measure {
  texts: number;
  minPx: number;
  minBox: number;
  smallest: string;
  overflow: number;
}

/** Smallest rendered chart text on the page (only SVGs that are displayed, i.e. the variant the reader sees). */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    let minPx = Infinity;
    let minBox = Infinity;
    let smallest = "";
    let texts = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>(".chart-svg svg")) {
      const r = svg.getBoundingClientRect();
      if (!svg.getClientRects().length || r.width === 0) continue;
      const vb = svg.viewBox.baseVal;
      const k = r.width / (vb && vb.width ? vb.width : Number(svg.getAttribute("width")) || r.width);
      for (const t of svg.querySelectorAll<SVGTextElement>("text")) {
        if (!(t.textContent ?? "").trim() || !t.getClientRects().length) continue;
        texts++;
        const px = parseFloat(getComputedStyle(t).fontSize) * k;
        const box = t.getBoundingClientRect().height;
        if (px < minPx) {
          minPx = px;
          smallest = `${(t.textContent ?? "").slice(0, 30)} in ${svg.closest("figure")?.id ?? "?"}`;
        }
        minBox = Math.min(minBox, box);
      }
    }
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    return { texts, minPx, minBox, smallest, overflow };
  });
}

const PAGES = builtPages();

for (const vp of VIEWPORTS) {
  for (const js of [true, false]) {
    describe(`chart text at ${vp.width}×${vp.height}, JS ${js ? "on" : "off"}`, () => {
      let page: Page;
      beforeAll(async () => {
        const ctx = await browser.newContext({ viewport: vp, javaScriptEnabled: js, isMobile: vp.width < 500 });
        page = await ctx.newPage();
      });
      afterAll(async () => {
        await page?.context().close();
      });
      for (const p of PAGES)
        it(`${p}: smallest chart text ≥ 11 px, no sideways scroll`, async () => {
          await page.goto(new URL(p, baseUrl()).href, { waitUntil: "load" });
          if (js) await page.waitForFunction(() => document.documentElement.dataset.js === "on");
          const m = await measure(page);
          const problems: string[] = [];
          if (m.texts > 0 && m.minPx < MIN_PX) problems.push(`${m.minPx.toFixed(1)} px ("${m.smallest}")`);
          // The box of a line of text is about 1.1–1.3 × its font size: a second, independent reading.
          if (m.texts > 0 && m.minBox < MIN_PX) problems.push(`a text box ${m.minBox.toFixed(1)} px tall`);
          if (m.overflow > 1) problems.push(`scrolls sideways by ${m.overflow} px`);
          expect(problems).toEqual([]);
        });
      it("measured chart text on most pages (the check above is not vacuous)", async () => {
        let measured = 0;
        for (const p of PAGES.filter((_, i) => i % 4 === 0)) {
          await page.goto(new URL(p, baseUrl()).href, { waitUntil: "load" });
          if ((await measure(page)).texts > 0) measured++;
        }
        expect(measured).toBeGreaterThan(PAGES.filter((_, i) => i % 4 === 0).length / 2);
      });
    });
  }
}

/** Width the interactive layer last drew a figure for (none: the pre-rendered layout is shown), and its box's. */
function widths(page: Page, id: string): Promise<{ drawn: number | null; box: number }> {
  return page.$eval(`figure[data-chart="${id}"] [data-svg]`, (b) => ({
    drawn: (b as HTMLElement).dataset.drawnWidth ? Number((b as HTMLElement).dataset.drawnWidth) : null,
    box: b.clientWidth,
  }));
}

// Redrawing every chart at its real width once the engine is ready was one long main-thread task per chart, on
// every page: a chart is redrawn only when it is near the screen, and only if the layout shown was made for
// another width.
describe("charts fitted to their box at idle", () => {
  it("at 1280 px a chart near the screen is redrawn at its width; one far below only when scrolled to", async () => {
    const t = await open(browser, "/en/victims/", { viewport: { width: 1280, height: 900 } });
    const { page } = t;
    await expect.poll(async () => (await widths(page, "vh_age")).drawn, { timeout: 90_000 }).not.toBeNull();
    const first = await widths(page, "vh_age");
    expect(Math.abs(first.drawn! - first.box)).toBeLessThan(8);
    // Time enough to redraw every chart on the page, had they all been fitted at idle.
    await page.waitForTimeout(3000);
    expect((await widths(page, "vh_deletion")).drawn).toBeNull();
    await page.locator('figure[data-chart="vh_deletion"]').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await widths(page, "vh_deletion")).drawn, { timeout: 30_000 }).not.toBeNull();
    expect(t.errors).toEqual([]);
    await t.context.close();
  }, 150_000);

  it("at 390 px the pre-rendered phone layout is kept: no redraw once the engine is ready", async () => {
    const t = await open(browser, "/en/trends/", { viewport: { width: 390, height: 844 } });
    const { page } = t;
    const status = page.locator('figure[data-chart="trends"] [data-status]');
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toContain("Interactive");
    await page.waitForTimeout(1500);
    const w = await widths(page, "trends");
    const shown = await page.$$eval('figure[data-chart="trends"] [data-variant]', (vs) =>
      vs.filter((v) => (v as HTMLElement).offsetWidth > 0).map((v) => Number((v as HTMLElement).dataset.variant)),
    );
    expect(shown).toHaveLength(1);
    expect(Math.abs(w.box - shown[0]!)).toBeLessThan(8);
    expect(w.drawn).toBeNull();
    expect(t.errors).toEqual([]);
    await t.context.close();
  }, 150_000);
});
