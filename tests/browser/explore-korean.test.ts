/**
 * The explore page with files as Korean offices and spreadsheets export them (reader study F11), in real
 * Chromium with real DuckDB-WASM: CP949 with quoted thousands separators and period labels typed correctly,
 * Korean table names kept and queried, a forced wrong type explained in the page's language, Korean labels
 * from the Korean examples, a quick chart that never adds up different units, no sideways scroll on a phone,
 * and a 1M-row file loaded within 1.5× DuckDB's own read_csv on the same bytes.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launch, open } from "./browser";
import { cells, loadTable, ready, runSql, until, upload } from "./explore-helpers";
import { floorInPage, syntheticCsv } from "../../bench/floor.mjs";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Text → CP949 bytes (iconv; Node has no CP949 encoder). SYNTHETIC content. */
const cp949 = (text: string) => execFileSync("iconv", ["-f", "UTF-8", "-t", "CP949"], { input: text });

const KOREAN_STYLE = `기간,피해건수,비율,비고
2023년,"5,153",12.5%,-
2023년 1~6월,"1,234,567",3%,
'23,"１２３",-,확인
`;

describe("Korean-style files", () => {
  it("loads a CP949 file with quoted thousands separators and period labels, numbers typed as numbers", async () => {
    const t = await open(browser, "/ko/explore/");
    await ready(t.page);
    const file = { name: "synthetic-지원현황.csv", mimeType: "text/csv", buffer: cp949(KOREAN_STYLE) };
    expect(await upload(t.page, file)).toBe("explore:preview");
    expect(await t.page.textContent("[data-preview-caption]")).toContain("CP949");
    const types = await t.page.$$eval("[data-preview-table] select", (s) =>
      s.map((x) => (x as HTMLSelectElement).value),
    );
    expect(types).toEqual(["VARCHAR", "BIGINT", "DOUBLE", "VARCHAR"]);
    const seen = await t.page.$$eval("[data-preview-table] [data-recognised]", (s) =>
      s.map((x) => (x as HTMLElement).dataset.recognised),
    );
    expect(seen[0]).toBe("period");
    expect(seen[1]).toContain("thousands");
    expect(seen[1]).toContain("fullwidth");
    expect(seen[2]).toContain("percent");
    expect(seen[2]).toContain("dash-missing");
    expect(await t.page.textContent("[data-preview-table]")).toContain("1,234 → 1234");
    expect(await loadTable(t.page)).toBe("explore:loaded");
    const table = (await t.page.getAttribute("[data-upload]", "data-loaded-table"))!;
    expect(table).toBe("synthetic_지원현황");
    expect(
      await runSql(
        t.page,
        `SELECT max(typeof("피해건수")) AS t1, max(typeof("비율")) AS t2, sum("피해건수") AS s, count("비율") AS n, string_agg("기간", '|') AS p FROM "${table}"`,
      ),
    ).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["BIGINT", "DOUBLE", "1,239,843", "2", "2023년|2023년 1~6월|'23"]);
    expect(t.foreign).toEqual([]);
    await t.context.close();
  });

  it("keeps a Korean table name, fills the editor with a query on it and lists it in the schema panel", async () => {
    const t = await open(browser, "/ko/explore/");
    await ready(t.page);
    const buffer = Buffer.from("연령,피해건수\n10대,4009\n20대,7037\n");
    expect(await upload(t.page, { name: "피해자.csv", mimeType: "text/csv", buffer })).toBe("explore:preview");
    expect(await t.page.inputValue("[data-table-name]")).toBe("피해자");
    expect(await loadTable(t.page)).toBe("explore:loaded");
    expect(await t.page.inputValue("textarea[data-sql]")).toBe('SELECT * FROM "피해자" LIMIT 100');
    await t.page.waitForSelector('[data-user-list] [data-user-table="피해자"]', { state: "attached" });
    expect(await t.page.textContent("[data-user-list]")).toContain("피해자 (연령 VARCHAR, 피해건수 BIGINT)");
    const r = await until(t.page, ["explore:result", "explore:error"], () => t.page.click("[data-run]"));
    expect(r.name).toBe("explore:result");
    expect(await cells(t.page)).toEqual([
      ["연령", "피해건수"],
      ["10대", "4,009"],
      ["20대", "7,037"],
    ]);
    // A name the reader types with spaces is changed, and the page says what and why.
    expect(await upload(t.page, { name: "b.csv", mimeType: "text/csv", buffer })).toBe("explore:preview");
    await t.page.fill("[data-table-name]", "내 표");
    expect(await loadTable(t.page)).toBe("explore:loaded");
    expect(await t.page.textContent("[data-upload-status]")).toContain('"내 표"을(를) "내_표"(으)로 바꿨습니다');
    await t.context.close();
  });

  it("explains a forced wrong type with row, column and value, in Korean on /ko/ and English on /en/", async () => {
    const buffer = Buffer.from("지역,값\n서울,1\n부산,2\n대구,abc\n");
    for (const [lang, expected] of [
      ["ko", ['4번째 행, "값" 열의 값 "abc"', "정수(BIGINT)"]],
      ["en", ['row 4, column "값" holds "abc"', "whole number (BIGINT)"]],
    ] as const) {
      const t = await open(browser, `/${lang}/explore/`);
      await ready(t.page);
      expect(await upload(t.page, { name: "synthetic-types.csv", mimeType: "text/csv", buffer })).toBe(
        "explore:preview",
      );
      expect(await t.page.inputValue("[data-preview-table] select[data-col='1']")).toBe("VARCHAR");
      await t.page.selectOption("[data-preview-table] select[data-col='1']", "BIGINT");
      expect(await loadTable(t.page)).toBe("explore:upload-error");
      const msg = (await t.page.textContent("[data-upload-error]"))!;
      for (const e of expected) expect(msg).toContain(e);
      // Never the engine's dump: no internal path, no options the page does not offer, one short message.
      expect(msg).not.toMatch(/\/user\/|sample_size|types=|Conversion Error|auto-detected/);
      expect(msg.length).toBeLessThan(300);
      expect(await t.page.getAttribute("[data-upload-error]", "data-code")).toBe("type");
      // Choosing text instead loads it.
      await t.page.selectOption("[data-preview-table] select[data-col='1']", "VARCHAR");
      expect(await loadTable(t.page)).toBe("explore:loaded");
      await t.context.close();
    }
  }, 300_000);
});

describe("Korean page examples and the quick chart's units", () => {
  it("the Korean examples return Korean labels; the quick chart declines to add up different units", async () => {
    const t = await open(browser, "/ko/explore/");
    await ready(t.page);
    const r = await until(t.page, ["explore:result", "explore:error"], () =>
      t.page.click("[data-example=deepfake-per-year]"),
    );
    expect(r.name).toBe("explore:result");
    const rows = await cells(t.page);
    expect(rows[0]).toEqual(["기관", "계열", "기간", "값", "단위"]);
    expect(rows.slice(1).every((row) => /[가-힣]/.test(row[0]!))).toBe(true);
    expect(await t.page.getAttribute("[data-quick-chart] [data-no-chart]", "data-no-chart")).toBe("units");
    expect(await t.page.textContent("[data-quick-chart]")).toContain("단위가 서로 다르며");
    expect(await t.page.locator("[data-quick-chart] svg").count()).toBe(0);
    await t.context.close();

    const e = await open(browser, "/en/explore/");
    await ready(e.page);
    await until(e.page, ["explore:result", "explore:error"], () => e.page.click("[data-example=deepfake-per-year]"));
    expect((await cells(e.page))[0]).toEqual(["body", "series", "period", "value", "unit"]);
    expect(await e.page.getAttribute("[data-quick-chart] [data-no-chart]", "data-no-chart")).toBe("units");
    await e.context.close();
  }, 300_000);
});

describe("the quick chart's axis", () => {
  it("keeps the x-axis label (Korean, with Plot's arrow) off the tick labels, and y tick labels whole, at 390 px", async () => {
    const t = await open(browser, "/ko/explore/", { viewport: { width: 390, height: 844 } });
    await ready(t.page);
    const sql = "SELECT '가' AS 구분, 5153 AS 피해건수 UNION ALL SELECT '나', 3000 UNION ALL SELECT '다', 4200";
    expect(await runSql(t.page, sql)).toBe("explore:result");
    const boxes = await t.page.evaluate(() => {
      const svg = document.querySelector("[data-quick-chart] svg[role=img]")!;
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { l: r.left, r: r.right, t: r.top, b: r.bottom, text: e.textContent ?? "" };
      };
      return {
        label: [...svg.querySelectorAll('[aria-label="x-axis label"] text')].map(box),
        ticks: [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map(box),
      };
    });
    expect(boxes.label.map((b) => b.text)).toEqual(["피해건수 →"]);
    expect(boxes.ticks.length).toBeGreaterThan(2);
    const [label] = boxes.label;
    const hits = boxes.ticks.filter((k) => k.l < label!.r && label!.l < k.r && k.t < label!.b && label!.t < k.b);
    expect(hits.map((k) => k.text)).toEqual([]);
    // A line chart's y tick labels (up to 6,400 here) are drawn whole, inside the chart.
    const years = "SELECT y AS 연도, 1000 + y % 7 * 900 AS 피해건수 FROM range(2015, 2025) t(y)";
    expect(await runSql(t.page, years)).toBe("explore:result");
    const clipped = await t.page.evaluate(() => {
      const svg = document.querySelector("[data-quick-chart] svg[role=img]")!;
      const left = svg.getBoundingClientRect().left;
      const ticks = [...svg.querySelectorAll('[aria-label="y-axis tick label"] text')];
      return {
        n: ticks.length,
        out: ticks.filter((e) => e.getBoundingClientRect().left < left).map((e) => e.textContent),
      };
    });
    expect(clipped.n).toBeGreaterThan(2);
    expect(clipped.out).toEqual([]);
    await t.context.close();
  });
});

describe("phone width", () => {
  for (const lang of ["ko", "en"])
    it(`/${lang}/explore/ has no sideways scroll at 390 px, with results and a preview on screen`, async () => {
      const t = await open(browser, `/${lang}/explore/`, { viewport: { width: 390, height: 844 } });
      await ready(t.page);
      await until(t.page, ["explore:result", "explore:error"], () => t.page.click("[data-example=deepfake-per-year]"));
      const raw = readdirSync(path.resolve("data/raw")).filter((f) => f.endsWith(".csv"))[0]!;
      expect(await upload(t.page, path.join("data/raw", raw))).toBe("explore:preview");
      await t.page.fill("textarea[data-sql]", `SELECT '${"x".repeat(400)}' AS long_value`);
      const width = await t.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await t.context.close();
    });
});

describe("engine-speed loading", () => {
  // How fast against DuckDB's own read_csv is measured by `npm run bench` (medians of cold runs); a timed
  // ratio here would only measure how busy the test machine is. This test checks the load is whole.
  it("loads a 1,000,000-row file whole, and reports its timings against DuckDB-WASM's own read_csv", async () => {
    const rows = 1_000_000;
    // A file on disk: Playwright hands a path to the browser without copying the bytes through the protocol.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "dsc-1m-")), "synthetic-1m-rows.csv");
    writeFileSync(file, syntheticCsv(rows));
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    // Time from the file input's change to the preview, in the page (not Playwright's file transfer).
    await t.page.evaluate(() => {
      const w = window as unknown as { __t0: number };
      document.querySelector("[data-file]")!.addEventListener("change", () => (w.__t0 = performance.now()), {
        capture: true,
      });
    });
    expect(await upload(t.page, file)).toBe("explore:preview");
    const previewMs = await t.page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
    const loaded = await until(t.page, ["explore:loaded", "explore:upload-error"], () => t.page.click("[data-load]"));
    expect(loaded.name).toBe("explore:loaded");
    const ours = previewMs + (loaded.detail as { ms: number }).ms;
    const files = readdirSync(path.resolve("dist/_astro"));
    const worker = `/_astro/${files.find((f) => /^duckdb-browser-eh\.worker\..*\.js$/.test(f))}`;
    const wasm = `/_astro/${files.find((f) => /^duckdb-eh\..*\.wasm$/.test(f))}`;
    const floor = await t.page.evaluate(floorInPage, { worker, wasm, rows, gen: syntheticCsv.toString() });
    const ratio = ours / floor.ms;
    console.log(
      `1M rows (${(floor.bytes / 1e6).toFixed(1)} MB): ours ${Math.round(ours)} ms (preview ${Math.round(previewMs)}), DuckDB read_csv ${Math.round(floor.ms)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(await runSql(t.page, "SELECT CAST(count(*) AS INTEGER) AS n FROM synthetic_1m_rows")).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["1,000,000"]);
    await t.context.close();
  }, 300_000);
});
