/**
 * Keyboard only: walk the Trends page with Tab, change the view with arrow keys (series select and radio group) and
 * open the data table with Enter. The chart redraws and the URL keeps the view. No mouse is used.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, nextRedraw, open } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Press Tab until the focused element matches `selector` (inside the trends figure); returns the steps taken. */
async function tabTo(page: import("playwright-core").Page, selector: string, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate(
      (sel) => !!document.activeElement?.matches(`figure[data-chart="trends"] ${sel}`),
      selector,
    );
    if (hit) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const redrawn = (page: import("playwright-core").Page) => nextRedraw(page, "trends");

describe("keyboard-only use of the Trends page", () => {
  it("Tab reaches the controls; arrow keys change the view; the chart redraws; Enter opens the table", async () => {
    const t = await open(browser, "/en/trends/");
    const { page } = t;
    const fig = page.locator('figure[data-chart="trends"]');
    await expect.poll(() => fig.locator("select[name=series]").isEnabled()).toBe(true);

    // 1. The series select, changed with the arrow key (the breakdown select offers only what a series has).
    await tabTo(page, "select[name=series]");
    const seriesBefore = await fig.locator("select[name=series]").inputValue();
    const svgBefore = await fig.locator("[data-svg]").innerHTML();
    let done = await redrawn(page);
    await page.keyboard.press("ArrowDown");
    expect((await done()).ms).toBeGreaterThan(0);
    const seriesAfter = await fig.locator("select[name=series]").inputValue();
    expect(seriesAfter).not.toBe(seriesBefore);
    expect(await fig.locator("[data-svg]").innerHTML()).not.toBe(svgBefore);
    await expect.poll(() => page.url()).toContain(`series=${seriesAfter}`);
    // And back to the default view with the other arrow key (the URL drops the parameter again).
    done = await redrawn(page);
    await page.keyboard.press("ArrowUp");
    expect((await done()).ms).toBeGreaterThan(0);
    expect(await fig.locator("select[name=series]").inputValue()).toBe(seriesBefore);
    await expect.poll(() => page.url()).not.toContain("series=");

    // 2. The mode radio group, changed with the arrow key.
    if (await fig.locator("input[name=mode]").count()) {
      await tabTo(page, "input[name=mode]");
      const modeBefore = await fig.locator("input[name=mode]:checked").inputValue();
      done = await redrawn(page);
      await page.keyboard.press("ArrowRight");
      expect((await done()).ms).toBeGreaterThan(0);
      expect(await fig.locator("input[name=mode]:checked").inputValue()).not.toBe(modeBefore);
      // And back (some modes have no published figures for every breakdown).
      done = await redrawn(page);
      await page.keyboard.press("ArrowLeft");
      expect((await done()).ms).toBeGreaterThan(0);
      expect(await fig.locator("input[name=mode]:checked").inputValue()).toBe(modeBefore);
    }

    // 3. The data table opens with Enter on its <summary>.
    await tabTo(page, "details.chart-table > summary");
    await page.keyboard.press("Enter");
    expect(await fig.locator("details.chart-table").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await fig.locator("table.data tbody tr").count()).toBeGreaterThan(0);

    expect(t.errors).toEqual([]);
    expect(t.foreign).toEqual([]);
    await t.context.close();
  });
});
