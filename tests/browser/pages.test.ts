import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, open, waitForRedraw } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CHART_PAGES = ["compare/", "deepfakes/", "victims/", "international/"];

describe("dashboard pages, both languages, JS on and off", () => {
  for (const lang of ["ko", "en"]) {
    for (const slug of [...CHART_PAGES, "sources/"]) {
      for (const js of [true, false]) {
        it(`/${lang}/${slug} with JS ${js ? "on" : "off"}`, async () => {
          const t = await open(browser, `/${lang}/${slug}`, { javaScriptEnabled: js });
          const { page } = t;
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          expect(await page.locator("h1").count()).toBe(1);
          expect((await page.locator("h1").innerText()).trim().length).toBeGreaterThan(2);
          if (slug === "sources/") {
            expect(await page.locator("li[id^='src-']").count()).toBeGreaterThan(50);
            expect(await page.locator("[data-series-table] tbody tr").count()).toBeGreaterThan(10);
            expect(await page.locator("[data-conflicts-table] tbody tr").count()).toBeGreaterThan(0);
            expect(await page.locator("[data-breaks-table] tbody tr").count()).toBeGreaterThan(0);
            expect(await page.locator("[data-grades]").innerText()).toMatch(/A/);
            expect(await page.locator("[data-cite]").innerText()).toContain("dsc-stats");
            expect(await page.getAttribute("a[data-download]", "href")).toMatch(/\/data\/dsc-stats-data-.+\.zip$/);
          } else {
            const figures = page.locator("figure[data-chart]");
            expect(await figures.count()).toBeGreaterThan(1);
            for (const fig of await figures.all()) {
              expect(await fig.locator("svg[role=img]").count()).toBe(1);
              expect(await fig.locator("table.data tbody tr").count()).toBeGreaterThan(0);
              expect((await fig.locator("[data-summary]").textContent())?.trim().length).toBeGreaterThan(10);
              expect(await fig.locator("[data-sources] a[href^='http']").count()).toBeGreaterThan(0);
            }
          }
          if (!js && slug !== "sources/") expect(await page.locator("noscript").count()).toBeGreaterThan(0);
          await page.waitForTimeout(200);
          expect(t.foreign).toEqual([]);
          expect(t.errors).toEqual([]);
          await t.context.close();
        });
      }
    }
  }
});

describe("compare page", () => {
  it("changing year A re-queries DuckDB, redraws every compare chart and puts a= in the URL", async () => {
    const t = await open(browser, "/en/compare/");
    const { page } = t;
    const lead = page.locator('figure[data-chart="compare_dsc_victims"]');
    const follower = page.locator('figure[data-chart="compare_dsc_victims_by_sex"]');
    expect(await follower.locator("table.data thead").textContent()).toContain("2023");
    const followed = page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          document
            .querySelector('figure[data-chart="compare_dsc_victims_by_sex"]')!
            .addEventListener("dsc:redrawn", () => resolve(), { once: true }),
        ),
    );
    // The sticky year bar above the indicator table holds the years for every chart on the page.
    const ms = await waitForRedraw(page, "compare_dsc_victims", async () => {
      await page.locator('[data-ind-bar] select[name="a"]').selectOption("2020");
    });
    expect(ms).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toContain("a=2020");
    const head = await lead.locator("table.data thead").textContent();
    expect(head).toContain("2020");
    expect(head).not.toContain("2023");
    // 2020 → 2024: 4,973 → 10,305 victims supported (published counts).
    const row = await lead.locator("table.data tbody tr").first().textContent();
    expect(row).toContain("4,973");
    expect(row).toContain("10,305");
    await followed;
    expect(await follower.locator("table.data thead").textContent()).toContain("2020");
    expect(t.foreign).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("a permalink with a= reproduces the years on every chart", async () => {
    const t = await open(browser, "/ko/compare/?a=2021&b=2022");
    const { page } = t;
    for (const id of ["compare_dsc_victims", "compare_dsc_harm_types", "compare_knpa_deepfake_cases"]) {
      const head = page.locator(`figure[data-chart="${id}"] table.data thead`);
      await expect.poll(() => head.textContent(), { timeout: 60_000 }).toContain("2021");
      expect(await head.textContent()).toContain("2022");
    }
    expect(await page.locator('figure[data-chart="compare_dsc_victims"] select[name=a]').inputValue()).toBe("2021");
    await t.context.close();
  });

  it('labels the change between consecutive years "전년 대비" in Korean', async () => {
    const t = await open(browser, "/ko/compare/", { javaScriptEnabled: false });
    const head = await t.page.locator('figure[data-chart="compare_dsc_victims"] table.data thead').textContent();
    expect(head).toContain("전년 대비 증감률");
    await t.context.close();
  });

  it("does not compute a change across a series break", async () => {
    const t = await open(browser, "/en/compare/", { javaScriptEnabled: false });
    const row = await t.page
      .locator('figure[data-chart="compare_knpa_illegal_filming_cases"] table.data tbody tr')
      .first()
      .textContent();
    expect(row).toContain("series break");
    expect(row).not.toMatch(/[+−-]\d/);
    await t.context.close();
  });
});

describe("deepfakes and international specifics", () => {
  it("shows the taskforce windows as two bars and marks KCSC 2025 as partial", async () => {
    const t = await open(browser, "/en/deepfakes/", { javaScriptEnabled: false });
    const tf = t.page.locator('figure[data-chart="df_taskforce"]');
    const tfTable = await tf.locator("table.data").textContent();
    expect(tfTable).toContain("793");
    expect(tfTable).toContain("1,807");
    expect(await tf.locator("svg rect").count()).toBeGreaterThanOrEqual(2);
    const kcsc = t.page.locator('figure[data-chart="df_kcsc"]');
    const partialRow = kcsc.locator("table.data tbody tr", { hasText: "2025-01/2025-07" });
    expect(await partialRow.count()).toBe(1);
    expect(await partialRow.textContent()).toContain("partial period");
    expect(await kcsc.locator("svg").innerHTML()).toContain("partial period");
    await t.context.close();
  });

  it("compares countries only as an index, with comparability notes", async () => {
    const t = await open(browser, "/en/international/", { javaScriptEnabled: false });
    const idx = t.page.locator('figure[data-chart="intl_index"]');
    expect(await idx.locator("table.data thead").textContent()).toContain("Index");
    expect(await t.page.locator(".chart-notes li").count()).toBeGreaterThan(3);
    // Korean-only annotations never appear on another country's chart.
    expect(await t.page.locator('figure[data-chart="intl_uk_rph_cases"] [data-events] li').count()).toBe(0);
    await t.context.close();
  });
});

describe("sources page anchors", () => {
  it("has an anchor for every source id linked from the other pages", async () => {
    const ids = new Set<string>();
    for (const lang of ["ko", "en"]) {
      for (const slug of ["", "trends/", ...CHART_PAGES]) {
        const t = await open(browser, `/${lang}/${slug}`, { javaScriptEnabled: false });
        const hrefs = await t.page
          .locator("a[href*='/sources/#src-']")
          .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        for (const h of hrefs) ids.add(h.slice(h.indexOf("#src-") + 5));
        await t.context.close();
      }
    }
    expect(ids.size).toBeGreaterThan(20);
    for (const lang of ["ko", "en"]) {
      const t = await open(browser, `/${lang}/sources/`, { javaScriptEnabled: false });
      const anchors = new Set(await t.page.locator("[id^='src-']").evaluateAll((els) => els.map((e) => e.id.slice(4))));
      expect([...ids].filter((id) => !anchors.has(id))).toEqual([]);
      await t.context.close();
    }
  });
});
