import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, launch, nextRedraw, open, waitForRedraw } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = ["", "trends/", "compare/", "deepfakes/", "victims/", "justice/", "international/"];

describe("every page, both languages, JS on and off", () => {
  for (const lang of ["ko", "en"]) {
    for (const slug of PAGES) {
      for (const js of [true, false]) {
        it(`/${lang}/${slug} with JS ${js ? "on" : "off"} shows pre-rendered charts with tables`, async () => {
          const t = await open(browser, `/${lang}/${slug}`, { javaScriptEnabled: js });
          const { page } = t;
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          const figures = page.locator("figure[data-chart]");
          expect(await figures.count()).toBeGreaterThan(0);
          for (const fig of await figures.all()) {
            // One chart shown (pre-rendered widths other than the one for this container are not displayed).
            expect(await fig.locator("svg[role=img]").filter({ visible: true }).count()).toBe(1);
            expect(await fig.locator("table.data tbody tr").count()).toBeGreaterThan(0);
            expect((await fig.locator("[data-summary]").textContent())?.trim().length).toBeGreaterThan(10);
            expect(await fig.locator("[data-sources] a[href^='http']").count()).toBeGreaterThan(0);
          }
          if (!js) expect(await page.locator("noscript").count()).toBeGreaterThan(0);
          await page.waitForTimeout(200);
          expect(t.foreign).toEqual([]);
          expect(t.errors).toEqual([]);
          await t.context.close();
        });
      }
    }
  }
});

describe("overview headline figures", () => {
  it("shows the 2024 figures with their change and source", async () => {
    const t = await open(browser, "/en/");
    const text = (id: string) => t.page.locator(`[data-headline="${id}"]`).innerText();
    const victims = await text("victims-2024");
    expect(victims).toContain("10,305");
    expect(victims).toContain("+14.7%");
    expect(victims).toContain("27.9%");
    expect(await text("deepfake-harm-2024")).toContain("1,384");
    expect(await text("deepfake-harm-2024")).toContain("+227.2%");
    const tf = await text("taskforce");
    expect(tf).toContain("1,807");
    expect(tf).toContain("793");
    expect(tf).toContain("97.1%");
    expect(await text("police-deepfake-2024")).toContain("1,202");
    expect(await text("kcsc-2024")).toContain("23,107");
    await t.context.close();
  });

  it("writes Korean figures with 만 and units", async () => {
    const t = await open(browser, "/ko/");
    expect(await t.page.locator('[data-headline="victims-2024"] [data-value]').innerText()).toBe("1만 305명");
    await t.context.close();
  });
});

describe("interaction through DuckDB-WASM", () => {
  it("a filter change re-queries in the browser and redraws; the URL keeps the view; back restores it", async () => {
    const t = await open(browser, "/en/trends/");
    const { page } = t;
    const fig = page.locator('figure[data-chart="trends"]');
    const before = await fig.locator("table.data tbody tr").count();
    // The sex breakdown lives in its own series; choosing it switches the breakdown to the one the series has.
    const ms = await waitForRedraw(page, "trends", () =>
      fig.locator("select[name=series]").selectOption("dsc_victims_by_sex"),
    );
    expect(ms).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toContain("dim=sex");
    expect(await fig.locator("select[name=dimension]").inputValue()).toBe("sex");
    // Age is not published in the sex series: the option says so and names the series that has it (choosing it
    // goes there) instead of being greyed out with no reason.
    const age = fig.locator('select[name=dimension] option[value="age"]');
    expect(await age.isDisabled()).toBe(false);
    expect(await age.textContent()).toBe("Age group (in “DSC victims supported, by age group”)");
    const table = (await fig.locator("table.data").textContent()) ?? "";
    expect(table).toMatch(/Women|Female/i);
    expect(await fig.locator("table.data tbody tr").count()).not.toBe(before);
    await page.goBack();
    await expect.poll(() => fig.locator("table.data tbody tr").count()).toBe(before);
    expect(t.foreign).toEqual([]);
    await t.context.close();
  });

  it("a permalink reopens the same view, also in the other language", async () => {
    const t = await open(browser, "/en/trends/?series=dsc_victims_by_sex&dim=sex&from=2020");
    const { page } = t;
    const fig = page.locator('figure[data-chart="trends"]');
    await expect.poll(() => fig.getAttribute("data-redraw-ms"), { timeout: 60_000 }).not.toBeNull();
    const rows = await fig.locator("table.data tbody tr").allTextContents();
    expect(rows.every((r) => !r.includes("2019"))).toBe(true);
    expect(rows.some((r) => r.includes("2,877"))).toBe(true);
    const switchHref = await page.getAttribute("a[data-lang-switch]", "href");
    expect(switchHref).toContain("/ko/trends/?");
    expect(switchHref).toContain("dim=sex");
    await page.click("a[data-lang-switch]");
    await page.waitForURL(/\/ko\/trends\//);
    const ko = page.locator('figure[data-chart="trends"]');
    await expect.poll(() => ko.getAttribute("data-redraw-ms"), { timeout: 60_000 }).not.toBeNull();
    expect((await ko.locator("table.data tbody tr").allTextContents()).some((r) => r.includes("2,877"))).toBe(true);
    await t.context.close();
  });

  it("a hostile parameter falls back to the default with a notice, never echoed as HTML", async () => {
    const payload = encodeURIComponent('"><img src=x onerror=alert(1)>');
    const t = await open(browser, `/en/trends/?dim=${payload}&mode=<script>alert(2)</script>`);
    const { page } = t;
    let dialog = false;
    page.on("dialog", async (d) => {
      dialog = true;
      await d.dismiss();
    });
    const notice = page.locator('figure[data-chart="trends"] [data-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain("dim");
    expect(await notice.innerText()).not.toContain("onerror");
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.locator('select[name="dimension"]').inputValue()).toBe("total");
    expect(dialog).toBe(false);
    await t.context.close();
  });

  // Security review F10: cats= took any code, giving an empty chart with no notice, carried into permalinks.
  for (const lang of ["en", "ko"])
    it(`/${lang}/trends/: a category the breakdown does not have is refused with a notice, not drawn empty`, async () => {
      const t = await open(browser, `/${lang}/trends/?series=dsc_victims_by_sex&dim=sex&cats=zzz`);
      const { page } = t;
      const fig = page.locator('figure[data-chart="trends"]');
      const notice = fig.locator("[data-notice]");
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.innerText()).toContain("cats");
      await expect.poll(() => fig.getAttribute("data-redraw-ms"), { timeout: 60_000 }).not.toBeNull();
      // The valid part of the link is kept; the categories fall back to all of the breakdown's.
      expect(await page.locator('select[name="dimension"]').inputValue()).toBe("sex");
      expect(await fig.locator("table.data tbody tr").count()).toBeGreaterThan(0);
      // Links made from the view (language switch, permalink, embed) are built from the checked view.
      expect(await fig.getAttribute("data-spec")).not.toContain("zzz");
      expect(await page.getAttribute("a[data-lang-switch]", "href")).not.toContain("zzz");
      expect(t.errors).toEqual([]);
      await t.context.close();
    });

  // Security review F12: the embed's "full view" link copied the raw location.search, unlike the language switch.
  it("the trends embed's full-view link carries the checked view, not the raw query", async () => {
    const t = await open(browser, "/en/embed/trends/?series=dsc_victims_by_sex&dim=sex&cats=zzz&evil=%3Cx%3E");
    const full = t.page.locator("a[data-full-view]");
    await expect.poll(() => full.getAttribute("href")).toContain("dim=sex");
    const href = new URL((await full.getAttribute("href"))!, baseUrl());
    expect(href.pathname).toBe("/en/trends/");
    expect(href.hash).toBe("#chart-trends");
    expect(href.searchParams.get("series")).toBe("dsc_victims_by_sex");
    expect(href.search).not.toContain("zzz");
    expect(href.search).not.toContain("evil");
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("draws a reader's first change from the views prepared at build time, without waiting for the engine", async () => {
    for (const lang of ["en", "ko"]) {
      // The engine cannot load at all: only the prepared views can draw the change.
      const t = await open(browser, `/${lang}/trends/`, {
        init: async (c) => {
          await c.route(/\.wasm(\?|$)/, (r) => r.abort());
        },
      });
      const { page } = t;
      const fig = page.locator('figure[data-chart="trends"]');
      const viewsLoaded = page.waitForResponse((r) => r.url().endsWith("/views/trends.json") && r.ok());
      await page.waitForFunction(
        () => !document.querySelector<HTMLSelectElement>('figure[data-chart="trends"] select')?.disabled,
      );
      await viewsLoaded;
      const before = await fig.locator("table.data").textContent();
      const redrawn = await nextRedraw(page, "trends");
      await fig.locator("select[name=series]").selectOption("dsc_victims_by_sex");
      expect((await redrawn()).from).toBe("prepared");
      expect(await fig.getAttribute("data-redraw-from")).toBe("prepared");
      // The chart, its table and its title show the chosen series.
      expect(await fig.locator("table.data").textContent()).not.toBe(before);
      expect(await fig.locator("[data-title]").innerText()).toMatch(lang === "en" ? /sex/i : /성별/);
      expect(await fig.locator("svg[role=img]").filter({ visible: true }).count()).toBe(1);
      // Then the engine's failure is said, and the drawn view stays.
      await expect
        .poll(() => fig.locator("[data-status]").innerText(), { timeout: 60_000 })
        .toMatch(lang === "en" ? /unavailable/ : /.+/);
      expect(await fig.getAttribute("data-redraw-from")).toBe("prepared");
      expect(t.foreign).toEqual([]);
      await t.context.close();
    }
  });

  it("offers only the modes a series can draw, and says why the others are not offered", async () => {
    for (const lang of ["en", "ko"]) {
      const t = await open(browser, `/${lang}/trends/`);
      const { page } = t;
      const fig = page.locator('figure[data-chart="trends"]');
      await page.waitForFunction(
        () => !document.querySelector<HTMLSelectElement>('figure[data-chart="trends"] select')?.disabled,
      );
      const modes = () =>
        fig.locator('input[name="mode"]').evaluateAll((xs) =>
          (xs as HTMLInputElement[]).map((x) => ({
            mode: x.value,
            checked: x.checked,
            disabled: x.disabled,
            label: x.closest("label")?.textContent?.replace(/\s+/g, " ").trim() ?? "",
          })),
        );
      // A count with no published share: no share mode, and its label says so.
      let redrawn = await nextRedraw(page, "trends");
      await fig.locator("select[name=series]").selectOption("kcsc_dsc_reviews");
      await redrawn();
      let m = await modes();
      expect(m.find((x) => x.mode === "share")).toMatchObject({ disabled: true, checked: false });
      expect(m.find((x) => x.mode === "share")?.label).toMatch(
        lang === "en" ? /no share is published/ : /비율이 공표되지 않음/,
      );
      expect(m.find((x) => x.mode === "absolute")).toMatchObject({ disabled: false, checked: true });
      // A rate: only its share, and the other modes say why.
      redrawn = await nextRedraw(page, "trends");
      await fig.locator("select[name=series]").selectOption("knpa_deepfake_teen_share");
      await redrawn();
      m = await modes();
      expect(m.find((x) => x.mode === "share")).toMatchObject({ disabled: false, checked: true });
      for (const x of m.filter((y) => y.mode !== "share")) {
        expect(x.disabled, x.mode).toBe(true);
        expect(x.label).toMatch(lang === "en" ? /published only as a share/ : /비율로만 공표/);
      }
      // Back to a series with every mode: all offered, labels plain again.
      redrawn = await nextRedraw(page, "trends");
      await fig.locator("select[name=series]").selectOption("dsc_victims_by_sex");
      await redrawn();
      m = await modes();
      for (const x of m) {
        expect(x.disabled, x.mode).toBe(false);
        expect(x.label).not.toMatch(
          /published only as a share|no share is published|비율로만 공표|비율이 공표되지 않음/,
        );
      }
      // A permalink asking for the share of a series with none draws its counts, not an empty chart.
      await page.goto(new URL(`/${lang}/trends/?series=kcsc_dsc_reviews&mode=share`, baseUrl()).href);
      await page.waitForFunction(
        () => !document.querySelector<HTMLSelectElement>('figure[data-chart="trends"] select')?.disabled,
      );
      await expect.poll(async () => (await modes()).find((x) => x.checked)?.mode, { timeout: 30_000 }).toBe("absolute");
      expect(await fig.locator("[data-summary]").innerText()).not.toMatch(/No data for: 2014, 2015, 2016/);
      expect(t.errors).toEqual([]);
      await t.context.close();
    }
  });

  it("a permalink that cannot be drawn (no engine, not prepared) leaves controls that match the chart shown", async () => {
    const q = "?series=dsc_victims_by_sex&mode=index&from=2020";
    const t = await open(browser, `/en/trends/${q}`, {
      init: async (c) => {
        await c.route(/\.wasm(\?|$)/, (r) => r.abort());
      },
    });
    const fig = t.page.locator('figure[data-chart="trends"]');
    await expect.poll(() => fig.locator("[data-status]").innerText(), { timeout: 60_000 }).toContain("unavailable");
    // The pre-rendered default stays, and the controls say so; the address the reader opened is kept.
    await expect.poll(() => fig.locator("select[name=series]").inputValue()).not.toBe("dsc_victims_by_sex");
    expect(JSON.parse((await fig.getAttribute("data-spec"))!).mode).not.toBe("index");
    expect(await fig.getAttribute("data-pending")).toBeNull();
    expect(new URL(t.page.url()).search).toBe(q);
    await t.context.close();
  });

  it("an engine that failed during the idle preload is reported at the reader's first intent", async () => {
    const t = await open(browser, "/en/trends/", {
      init: async (c) => {
        await c.route(/\.wasm(\?|$)/, (r) => r.abort());
      },
    });
    const { page } = t;
    const fig = page.locator('figure[data-chart="trends"]');
    // The idle preload has loaded the interactive layer (and the engine has failed) before the reader does anything.
    await page.waitForFunction(() =>
      performance.getEntriesByType("resource").some((e) => /\/interactive\.[^/]*\.js/.test(e.name)),
    );
    await page.waitForTimeout(1500);
    expect(await fig.locator("[data-status]").innerText()).not.toMatch(/unavailable/);
    await fig.locator("select[name=series]").focus();
    await expect.poll(() => fig.locator("[data-status]").innerText(), { timeout: 30_000 }).toMatch(/unavailable/);
    await expect.poll(() => fig.locator("select[name=series]").isDisabled()).toBe(true);
    await t.context.close();
  });

  it("keeps the pre-rendered chart and says why when WASM cannot load", async () => {
    const context = await browser.newContext();
    await context.route(/\.wasm(\?|$)/, (r) => r.abort());
    const page = await context.newPage();
    await page.goto(new URL("/en/trends/", (await import("./browser")).baseUrl()).href);
    await page.locator("select[name=series]").selectOption("dsc_victims_by_sex");
    const status = page.locator('figure[data-chart="trends"] [data-status]');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain("unavailable");
    expect(await page.locator('figure[data-chart="trends"] svg[role=img]').filter({ visible: true }).count()).toBe(1);
    await context.close();
  });
});
