/**
 * Charts that are not their page's primary chart (a panel, a chart that follows another's years): the link a
 * reader copies reopens that chart, and its embed's "full view" leads back to the chart on its page, in both
 * languages. The unit test (tests/unit/site/chart-links.test.ts) derives every chart's links; this one follows them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, launch, open } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CASES = [
  { id: "jx_arrests", page: "justice" },
  { id: "compare_dsc_victims_by_sex", page: "compare" },
];

describe("links of charts that are not their page's primary chart", () => {
  for (const lang of ["en", "ko"] as const) {
    for (const c of CASES) {
      it(`${lang}: ${c.id}'s copied link reopens it; its embed's full view is the chart on its page`, async () => {
        const t = await open(browser, `/${lang}/${c.page}/`);
        const fig = `figure[data-chart="${c.id}"]`;
        await t.page.locator(`${fig} [data-action="copy-link"]`).waitFor({ state: "visible" });
        await t.page.click(`${fig} [data-action="copy-link"]`);
        await t.page.locator(`${fig} [data-link-fallback]`).waitFor({ state: "visible" });
        const link = await t.page.inputValue(`${fig} [data-link-field]`);
        // Only a page's primary chart reads its view from the page URL; any other chart's view is its embed.
        expect(link.startsWith(`${baseUrl()}/${lang}/embed/${c.id}/`), link).toBe(true);

        const shared = await open(browser, link.replace(baseUrl(), ""));
        expect(await shared.page.locator(fig).count()).toBe(1);
        expect(await shared.page.locator(`${fig} [data-svg] svg`).count()).toBe(1);
        const href = await shared.page.locator("a[data-full-view]").getAttribute("href");
        const target = new URL(href!, link).href;
        expect(target).toBe(`${baseUrl()}/${lang}/${c.page}/#chart-${c.id}`);

        const page = await open(browser, target.replace(baseUrl(), ""));
        expect(await page.page.locator(`figure#chart-${c.id}[data-chart="${c.id}"]`).count()).toBe(1);
        for (const x of [t, shared, page]) {
          expect(x.foreign).toEqual([]);
          expect(x.errors).toEqual([]);
          await x.context.close();
        }
      });
    }
  }
});
