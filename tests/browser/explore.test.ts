/**
 * The explore page in real Chromium with real DuckDB-WASM: SQL console (results, chart, errors with position,
 * cancel while the page stays responsive, shared URLs) and private loading of the reader's own CSV
 * (official CP949 files, a synthetic 1M-row file, bad inputs, no request carrying the file).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, open } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-explore][data-engine=ready]", { state: "attached", timeout: 60_000 });
}

/** Resolve when the first of the given events reaches the document; call `action` after listening. */
async function until(page: Page, events: string[], action: () => Promise<unknown>): Promise<string> {
  const done = page.evaluate(
    (names) =>
      new Promise<string>((resolve) => {
        for (const n of names) document.addEventListener(n, () => resolve(n), { once: true });
      }),
    events,
  );
  await action();
  return done;
}

async function runSql(page: Page, sql: string): Promise<string> {
  await page.fill("textarea[data-sql]", sql);
  return until(page, ["explore:result", "explore:error"], () => page.click("[data-run]"));
}

async function cells(page: Page): Promise<string[][]> {
  return page.$$eval("[data-results] tr", (trs) =>
    trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? "").trim())),
  );
}

type FileArg = string | { name: string; mimeType: string; buffer: Buffer };

async function upload(page: Page, file: FileArg): Promise<string> {
  return until(page, ["explore:preview", "explore:upload-error"], () => page.setInputFiles("[data-file]", file));
}

async function loadTable(page: Page): Promise<string> {
  return until(page, ["explore:loaded", "explore:upload-error"], () => page.click("[data-load]"));
}

describe("SQL console", () => {
  it("runs an example query into a paged table, a quick chart and a CSV download", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    expect(
      await until(t.page, ["explore:result", "explore:error"], () => t.page.click("[data-example=victims-per-year]")),
    ).toBe("explore:result");
    const rows = await cells(t.page);
    expect(rows[0]).toEqual(["year", "victims"]);
    expect(rows.find((r) => r[0] === "2024")?.[1]).toBe("10,305");
    expect(await t.page.locator("[data-quick-chart] svg[role=img]").count()).toBe(1);
    expect(await t.page.locator("[data-quick-chart] svg [aria-label='line'] path").count()).toBeGreaterThan(0);
    const [download] = await Promise.all([t.page.waitForEvent("download"), t.page.click("[data-download]")]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFFyear,victims\r\n")).toBe(true);
    expect(text).toContain("2024,10305");
    // Paging: 120 rows → 3 pages of 50.
    expect(await runSql(t.page, "SELECT range AS n FROM range(120)")).toBe("explore:result");
    expect(await t.page.textContent("[data-page]")).toBe("Page 1 of 3");
    await t.page.click("[data-next]");
    expect((await cells(t.page))[1]).toEqual(["50"]);
    // Text from the data goes in as text, never as HTML.
    expect(await runSql(t.page, "SELECT '<img src=x onerror=alert(1)>' AS h, 1 AS n")).toBe("explore:result");
    expect(await t.page.locator("[data-results] img").count()).toBe(0);
    expect((await cells(t.page))[1]?.[0]).toBe("<img src=x onerror=alert(1)>");
    expect(t.foreign).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("shows DuckDB's message with the line and column of a syntax error, and file access is off", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    expect(await runSql(t.page, "SELECT 1,\n  2 FORM x")).toBe("explore:error");
    const err = t.page.locator("[data-error]");
    expect(await err.textContent()).toContain("line 2, column 10");
    expect(await err.textContent()).toContain('syntax error at or near "x"');
    expect(await runSql(t.page, "SELECT 1\nFROM observations\nWHERE nosuch = 1")).toBe("explore:error");
    expect(await err.getAttribute("data-line")).toBe("3");
    expect(await err.getAttribute("data-column")).toBe("7");
    expect(await err.textContent()).toContain("nosuch");
    // Locked down after the published tables loaded: no files, no settings changes.
    expect(await runSql(t.page, "SELECT * FROM read_csv('/etc/passwd')")).toBe("explore:error");
    expect(await err.textContent()).toContain("disabled by configuration");
    expect(await runSql(t.page, "SET enable_external_access = true")).toBe("explore:error");
    expect(await runSql(t.page, "SELECT count(*) AS n FROM observations")).toBe("explore:result");
    await t.context.close();
  });

  it("cancels a runaway query while the page stays responsive", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    // DuckDB 1.4 answers the plain count(*) over range() from its cardinality in under a second, so the
    // runaway query must make it touch every row.
    await t.page.fill("textarea[data-sql]", "SELECT count(*) FROM range(10_000_000_000) WHERE range % 7 = 3");
    const finished = t.page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          document.addEventListener(
            "explore:error",
            (e) => resolve((e as CustomEvent<{ cancelled: boolean }>).detail.cancelled),
            {
              once: true,
            },
          ),
        ),
    );
    await t.page.click("[data-run]");
    await t.page.waitForTimeout(1500);
    expect(await t.page.getAttribute("[data-explore]", "data-running")).toBe("true");
    const status1 = await t.page.textContent("[data-console-status]");
    // The UI thread handles a click at once while the worker runs the query.
    const t0 = Date.now();
    await t.page.click("[data-schema-table=series] summary");
    expect(await t.page.$eval("[data-schema-table=series]", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
    await t.page.waitForTimeout(600);
    expect(await t.page.textContent("[data-console-status]")).not.toBe(status1); // the timer keeps ticking
    const c0 = Date.now();
    await t.page.click("[data-cancel]");
    expect(await finished).toBe(true);
    expect(Date.now() - c0).toBeLessThan(5000);
    expect(await t.page.textContent("[data-console-status]")).toBe("Query cancelled.");
    expect(await runSql(t.page, "SELECT 42 AS answer")).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["42"]);
    await t.context.close();
  });

  it("opens a shared query URL: shows the SQL and where it came from, runs it only when the reader presses Run", async () => {
    const sql = "SELECT grade, CAST(count(*) AS INTEGER) AS figures\nFROM observations GROUP BY grade ORDER BY grade";
    const t = await open(browser, `/ko/explore/?${new URLSearchParams({ q: sql })}`);
    expect(await t.page.inputValue("textarea[data-sql]")).toBe(sql);
    await ready(t.page);
    await t.page.waitForTimeout(500);
    expect(await t.page.locator("[data-results] tr").count()).toBe(0);
    expect(await t.page.textContent("[data-query-origin]")).toContain("링크로 받은 쿼리");
    expect(await until(t.page, ["explore:result", "explore:error"], () => t.page.click("[data-run]"))).toBe(
      "explore:result",
    );
    expect((await cells(t.page))[0]).toEqual(["grade", "figures"]);
    expect(await t.page.locator("[data-quick-chart] svg[role=img]").count()).toBe(1);
    // Copy link puts the editor's SQL in the URL and in the language switch.
    await t.page.fill("textarea[data-sql]", "SELECT 1 AS one");
    await t.page.click("[data-share]");
    expect(new URL(t.page.url()).searchParams.get("q")).toBe("SELECT 1 AS one");
    expect(await t.page.getAttribute("a[data-lang-switch]", "href")).toContain("?q=SELECT+1+AS+one");
    await t.context.close();

    const w = await open(browser, `/en/explore/?${new URLSearchParams({ q: "DROP TABLE observations" })}`);
    await ready(w.page);
    expect(await w.page.inputValue("textarea[data-sql]")).toBe("DROP TABLE observations");
    await w.page.waitForTimeout(500);
    expect(await w.page.locator("[data-results] tr").count()).toBe(0);
    expect(await runSql(w.page, "SELECT count(*) AS n FROM observations")).toBe("explore:result");
    await w.context.close();

    const long = await open(browser, `/en/explore/?q=${"x".repeat(5000)}`);
    await ready(long.page);
    // Why the link's query was dropped is said where a shared query's origin is shown.
    expect(await long.page.isVisible("[data-query-origin]")).toBe(true);
    expect(await long.page.textContent("[data-query-origin]")).toContain("ignored");
    expect(await long.page.inputValue("textarea[data-sql]")).not.toContain("xxxx");
    await long.context.close();
  });
});

describe("bring your own CSV", () => {
  const RAW = path.resolve("data/raw");
  const official = readdirSync(RAW).filter((f) => f.endsWith(".csv"));
  const expected: Record<string, { header: string[]; check: [string, string] }> = {
    지원현황: { header: ["기간", "지원건수(건)", "상담 지원(건)"], check: ["2024년", "332,341"] },
    "연령대별 세부 피해 유형": { header: ["연령", "피해건수", "불법촬영"], check: ["10대", "4,009"] },
  };

  it("finds the official files", () => {
    expect(official.length).toBe(2);
  });

  for (const file of official) {
    it(`loads the official CP949 file ${file} with Korean headers intact`, async () => {
      const exp = Object.entries(expected).find(([k]) => file.includes(k))![1];
      const t = await open(browser, "/ko/explore/");
      await ready(t.page);
      expect(await upload(t.page, path.join(RAW, file))).toBe("explore:preview");
      expect(await t.page.textContent("[data-preview-caption]")).toContain("CP949");
      const header = await t.page.$$eval("[data-preview-table] thead tr:first-child th", (ths) =>
        ths.map((th) => th.textContent),
      );
      expect(header.slice(0, 3)).toEqual(exp.header);
      expect(await loadTable(t.page)).toBe("explore:loaded");
      const table = await t.page.getAttribute("[data-upload]", "data-loaded-table");
      // The file's Korean name is kept (quoted in SQL); only spaces and punctuation become _.
      expect(table).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
      expect(await runSql(t.page, `SELECT * FROM "${table}"`)).toBe("explore:result");
      const rows = await cells(t.page);
      expect(rows[0]!.slice(0, 3)).toEqual(exp.header);
      expect(rows.find((r) => r[0] === exp.check[0])?.[1]).toBe(exp.check[1]);
      expect(await t.page.locator("[data-quick-chart] svg[role=img]").count()).toBe(1);
      expect(await t.page.textContent("[data-user-list]")).toContain(table!);
      expect(t.foreign).toEqual([]);
      await t.context.close();
    });
  }

  it("loads a generated 1,000,000-row synthetic file and answers a GROUP BY", async () => {
    const lines = ["id,grp,amount,day"];
    for (let i = 0; i < 1_000_000; i++)
      lines.push(`${i},g${i % 7},${(i % 1000) / 10},2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
    // A file on disk: Playwright hands a path to the browser without copying the bytes through the protocol.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "dsc-1m-")), "synthetic-1m-rows.csv");
    writeFileSync(file, `${lines.join("\r\n")}\r\n`);
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    const t0 = Date.now();
    expect(await upload(t.page, file)).toBe("explore:preview");
    const types = await t.page.$$eval("[data-preview-table] select", (s) =>
      s.map((x) => (x as HTMLSelectElement).value),
    );
    expect(types).toEqual(["BIGINT", "VARCHAR", "DOUBLE", "DATE"]);
    expect(await loadTable(t.page)).toBe("explore:loaded");
    const loadMs = Date.now() - t0;
    expect(await t.page.textContent("[data-upload-status]")).toContain("1,000,000");
    expect(await t.page.$eval("[data-progress]", (p) => (p as HTMLProgressElement).value)).toBe(1);
    expect(
      await runSql(
        t.page,
        "SELECT grp, CAST(count(*) AS INTEGER) AS n, round(sum(amount), 1) AS total FROM synthetic_1m_rows GROUP BY grp ORDER BY grp",
      ),
    ).toBe("explore:result");
    const rows = await cells(t.page);
    expect(rows.length).toBe(8);
    expect(rows[1]?.slice(0, 2)).toEqual(["g0", "142,858"]);
    const total = rows.slice(1).reduce((n, r) => n + Number(r[1]!.replaceAll(",", "")), 0);
    expect(total).toBe(1_000_000);
    console.log(`1M-row file: preview + load ${loadMs} ms`);
    await t.context.close();
  });

  const enc = (s: string) => Buffer.from(s, "utf8");
  const bad: [string, Buffer, string, RegExp, "preview" | "load"][] = [
    ["an empty file", Buffer.alloc(0), "empty", /empty/, "preview"],
    [
      "a binary file",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      "binary",
      /binary.*NUL byte at offset 8.*row 3/,
      "preview",
    ],
    [
      "an unknown encoding",
      Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff, 0xfe, 0xff, 0x0a]),
      "encoding",
      /unknown encoding.*row 2/,
      "preview",
    ],
    ["ragged rows", enc("a,b,c\n1,2,3\n4,5\n6,7,8\n"), "ragged", /2 fields; the header has 3 \(row 3\)/, "load"],
    ["duplicate headers", enc("a,b,A\n1,2,3\n"), "duplicate-header", /repeats: "A" \(columns 1 and 3\)/, "preview"],
    ["an empty header", enc("a,,c\n1,2,3\n"), "empty-header", /no name: column 2/, "preview"],
  ];
  it("explains each bad input and keeps working", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    for (const [what, buffer, code, message, stage] of bad) {
      const first = await upload(t.page, { name: `bad-${code}.csv`, mimeType: "text/csv", buffer });
      const outcome = stage === "load" ? (expect(first, what).toBe("explore:preview"), await loadTable(t.page)) : first;
      expect(outcome, what).toBe("explore:upload-error");
      const box = t.page.locator("[data-upload-error]");
      expect(await box.getAttribute("data-code"), what).toBe(code);
      expect(await box.textContent(), what).toMatch(message);
      expect(await runSql(t.page, "SELECT 1 AS still_working"), what).toBe("explore:result");
    }
    expect(t.errors).toEqual([]);
    await t.context.close();
  });

  it("never sends the file: no request leaves the origin, no request carries its content", async () => {
    const marker = "PRIVATE_MARKER_7f3a9c";
    const buffer = Buffer.from(`name,secret\n${marker},1\nother,2\n`);
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    const requests: { url: string; body: string }[] = [];
    t.page.on("request", (r) => requests.push({ url: r.url(), body: r.postData() ?? "" }));
    expect(await upload(t.page, { name: "private.csv", mimeType: "text/csv", buffer })).toBe("explore:preview");
    expect(await loadTable(t.page)).toBe("explore:loaded");
    expect(await runSql(t.page, "SELECT * FROM private")).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual([marker, "1"]);
    await t.page.click("[data-share]");
    await t.page.waitForTimeout(500);
    expect(t.foreign).toEqual([]);
    for (const r of requests) {
      expect(r.url).not.toContain(marker);
      expect(r.body).not.toContain(marker);
    }
    expect(await t.page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await t.context.close();
  });
});
