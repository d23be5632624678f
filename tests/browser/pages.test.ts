import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, nextRedraw, open, waitForRedraw } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CHART_PAGES = ["compare/", "deepfakes/", "victims/", "justice/", "international/"];

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
              // Each layout is pre-rendered (phone, tablet, own width) and CSS shows the one that fits: exactly one
              // chart is shown; the others are not rendered, so not in the accessibility tree either.
              expect(await fig.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(1);
              expect(await fig.locator("svg[role=img]").filter({ visible: true }).count()).toBe(1);
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
    const followed = await nextRedraw(page, "compare_dsc_victims_by_sex");
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
    await followed();
    expect(await follower.locator("table.data thead").textContent()).toContain("2020");
    // Drawn before the engine was up or not, no panel is left saying the engine is loading once it is.
    await page.waitForFunction(() => document.documentElement.dataset.engine === "ready", null, { timeout: 60_000 });
    for (const f of await page.locator("figure[data-chart^='compare_']").all())
      expect(await f.locator("[data-status]").innerText()).not.toContain("Loading");
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
  it("shows the taskforce windows as two bars, and KCSC correction requests without the 2025 count of videos reviewed", async () => {
    const t = await open(browser, "/en/deepfakes/", { javaScriptEnabled: false });
    const tf = t.page.locator('figure[data-chart="df_taskforce"]');
    const tfTable = await tf.locator("table.data").textContent();
    expect(tfTable).toContain("793");
    expect(tfTable).toContain("1,807");
    expect(await tf.locator("svg rect").count()).toBeGreaterThanOrEqual(2);
    // What the overview card says is beside the chart: the change against the earlier window and the split by sex.
    const notes = await tf.locator(".chart-notes").textContent();
    expect(notes).toContain("+127.9%");
    expect(notes).toContain("1,754 (97.1%)");
    expect(notes).toContain("53 (2.9%)");
    // The chart's embed says the same, in both languages: the notes belong to the chart, not to its page.
    for (const [path, want] of [
      ["/en/embed/df_taskforce/", ["+127.9%", "1,754 (97.1%)", "53 (2.9%)"]],
      ["/ko/embed/df_taskforce/", ["+127.9%", "1,754명(97.1%)", "53명(2.9%)"]],
    ] as const) {
      const e = await open(browser, path, { javaScriptEnabled: false });
      const embedNotes = await e.page.locator('figure[data-chart="df_taskforce"] .chart-notes').textContent();
      for (const w of want) expect(embedNotes, path).toContain(w);
      await e.context.close();
    }
    // 15,808 videos *reviewed* (Jan–Jul 2025) is a different count from correction requests: not on this axis.
    const kcsc = t.page.locator('figure[data-chart="df_kcsc"]');
    expect(await kcsc.locator("table.data").textContent()).not.toContain("15,808");
    expect(await kcsc.locator("table.data tbody tr", { hasText: "2025" }).count()).toBe(0);
    // Periods read as dates, never as ISO intervals, in the table and on the chart.
    expect(await kcsc.locator("table.data").textContent()).not.toMatch(/\d{4}-\d{2}\/\d{4}/);
    expect(await kcsc.locator("svg").first().innerHTML()).not.toMatch(/\d{4}-\d{2}-\d{2}\/\d{4}/);
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

describe("justice page", () => {
  it("states the court figures from the data, what is missing, and is in the navigation (JS off)", async () => {
    const t = await open(browser, "/en/justice/", { javaScriptEnabled: false });
    const { page } = t;
    expect(await page.locator("[data-justice-summary]").innerText()).toContain(
      "Of 9,148 defendants judged at first instance for illegal filming in 2012–2018, 862 (9.4%) were sentenced to imprisonment; 52.3% were fined.",
    );
    const missing = await page.locator("[data-justice-missing]").innerText();
    expect(missing).toContain("after 2018");
    expect(missing).toMatch(/deepfake/);
    expect(await page.locator('nav a[href$="/en/justice/"]').count()).toBe(1);
    const cases = page.locator('figure[data-chart="jx_cases"] table.data');
    // textContent: the table sits in a closed <details>, so it has no rendered text.
    expect(await cases.locator("tbody tr").first().textContent()).toContain("2000");
    const outcomes = page.locator('figure[data-chart="jx_outcomes"]');
    expect(await outcomes.locator("svg rect").count()).toBeGreaterThanOrEqual(4);
    expect(await outcomes.locator("table.data").textContent()).toContain("52.3");
    // The partial year reads as its dates ("Jan–Aug 2022"), never as an ISO interval, and says it is partial.
    const clearance = page.locator('figure[data-chart="jx_clearance"] table.data tbody tr', {
      hasText: "Jan–Aug 2022",
    });
    expect(await clearance.textContent()).toContain("partial period");
    expect(await page.locator('figure[data-chart="jx_clearance"] table.data').textContent()).not.toContain(
      "2022-01/2022-08",
    );
    await t.context.close();
  });

  it("fits a phone screen in Korean, with the summary in Korean", async () => {
    const t = await open(browser, "/ko/justice/");
    await t.page.setViewportSize({ width: 390, height: 844 });
    expect(await t.page.locator("[data-justice-summary]").innerText()).toContain("9,148명");
    expect(await t.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });
});

describe("trends picker", () => {
  it("groups every series under its body and reaches back to 2000 for illegal filming", async () => {
    const t = await open(browser, "/en/trends/");
    const { page } = t;
    const fig = page.locator('figure[data-chart="trends"]');
    const police = fig.locator('select[name=series] optgroup[label="Korean National Police Agency (KNPA)"]');
    for (const s of ["knpa_illegal_filming_cases", "knpa_telecom_obscenity_cases", "knpa_cyber_sexual_violence"])
      expect(await police.locator(`option[value="${s}"]`).count(), s).toBe(1);
    const kcsc = fig.locator('select[name=series] optgroup[label="Korea Communications Standards Commission (KCSC)"]');
    for (const s of ["kcsc_dsc_reviews", "kcsc_dsc_requests", "kcsc_self_regulation_requests"])
      expect(await kcsc.locator(`option[value="${s}"]`).count(), s).toBe(1);
    await waitForRedraw(page, "trends", () =>
      fig.locator("select[name=series]").selectOption("knpa_illegal_filming_cases"),
    );
    const table = (await fig.locator("table.data").textContent()) ?? "";
    expect(table).toContain("2000");
    expect(table).toContain("7,615");
    expect(t.errors).toEqual([]);
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
    // Sixteen page loads on a shared machine: more time than one page's default.
  }, 300_000);
});
