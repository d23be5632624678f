/**
 * The security review's reproductions for the explore console (findings F1–F4, F8, F12), in real Chromium with
 * real DuckDB-WASM: hostile shared links never run by themselves and cannot change the published tables even
 * when run; Cancel always stops a query (terminating the engine if it must) while the page stays responsive;
 * very wide results and files are capped with a message instead of freezing the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launch, open } from "./browser";
import {
  cells,
  loadTable,
  longTasks,
  longest,
  now,
  publishedState,
  ready,
  runSql,
  until,
  upload,
  watchLongTasks,
} from "./explore-helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The six guard bypasses of F1, plus the two controls. */
const BYPASSES = [
  "DROP TABLE series",
  "SELECT 1; DROP TABLE series",
  "SELECT '/*' AS a; DROP TABLE series; SELECT '*/' AS b",
  "SELECT '--' AS a; DROP TABLE sources; --",
  "SELECT $$'$$ AS a; DROP TABLE categories; SELECT $$'$$ AS b",
  "WITH t AS (SELECT 1) UPDATE observations SET value = value * 10 WHERE series_id = 'dsc_victims'",
  "WITH t AS (SELECT 1 AS x) INSERT INTO events (event_id) SELECT 'pwned' FROM t",
  "WITH t AS (SELECT 1) DELETE FROM alternatives",
];

/** The review's realistic tampering link: a write hidden 300 spaces to the right. */
const HIDDEN = `-- Official figures: victims supported by the DSC, per year
SELECT '--' AS src;${" ".repeat(300)}UPDATE observations SET value = value * 10 WHERE series_id = 'dsc_victims';
SELECT CAST(year(period_end) AS INTEGER) AS year, value AS victims FROM observations
WHERE series_id = 'dsc_victims' AND dimension = 'total' AND period_type = 'calendar_year' ORDER BY year`;

describe("F1: shared links never run by themselves; published tables cannot be changed", () => {
  it("opens each hostile link with the query visible and nothing run; after Run the tables are unchanged", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    const pristine = await publishedState(t.page);
    expect(pristine).toMatch(/^\d+\/\d+\/\d+\/\d+\/\d+\/\d+\/10305(\.0)?$/);
    await t.context.close();
    for (const sql of [...BYPASSES, HIDDEN]) {
      const w = await open(browser, `/en/explore/?${new URLSearchParams({ q: sql })}`);
      const ran = w.page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            document.addEventListener("explore:result", () => resolve(true), { once: true });
            document.addEventListener("explore:error", () => resolve(true), { once: true });
            setTimeout(() => resolve(false), 1500);
          }),
      );
      await ready(w.page);
      expect(await ran, sql).toBe(false);
      expect(await w.page.inputValue("textarea[data-sql]"), sql).toBe(sql);
      expect(await w.page.locator("[data-results] tr").count(), sql).toBe(0);
      expect(await w.page.textContent("[data-query-origin]"), sql).toContain("came from a link");
      // The editor wraps: nothing sits off to the right of what the reader sees.
      const editor = await w.page.$eval("textarea[data-sql]", (e) => ({
        sw: e.scrollWidth,
        cw: e.clientWidth,
        sh: e.scrollHeight,
        ch: e.clientHeight,
      }));
      expect(editor.sw, sql).toBeLessThanOrEqual(editor.cw + 1);
      // ... nor below: the box grows to show the whole shared query.
      expect(editor.sh, sql).toBeLessThanOrEqual(editor.ch + 1);
      // Even when the reader runs it, the published tables stay as published.
      const outcome = await until(w.page, ["explore:result", "explore:error"], () => w.page.click("[data-run]"));
      if (/DROP|UPDATE|INSERT|DELETE/.test(sql)) {
        expect(outcome.name, sql).toBe("explore:error");
        expect(await w.page.textContent("[data-error]"), sql).toContain("read-only");
      }
      expect(await publishedState(w.page), sql).toBe(pristine);
      expect(w.errors, sql).toEqual([]);
      await w.context.close();
    }
  }, 1_200_000);

  it("refuses shadows, renames and drops of published tables typed into the console; examples keep working", async () => {
    const t = await open(browser, "/ko/explore/");
    await ready(t.page);
    const pristine = await publishedState(t.page);
    for (const sql of [
      "DROP TABLE observations",
      "ALTER TABLE observations RENAME TO o2",
      "ALTER TABLE series ADD COLUMN x INTEGER",
      "CREATE TEMP TABLE observations AS SELECT * FROM observations LIMIT 1",
      "CREATE OR REPLACE TABLE observations AS SELECT * FROM observations LIMIT 1",
      "CREATE SCHEMA s; CREATE TABLE s.observations AS SELECT 1 AS x; SET search_path = 's,main'",
      "ATTACH ':memory:' AS m; CREATE TABLE m.observations AS SELECT 1 AS x; USE m",
      "BEGIN TRANSACTION; DELETE FROM observations",
      "UPDATE observations SET value = 0; SELECT max(value) FROM observations",
    ]) {
      expect(await runSql(t.page, sql), sql).toBe("explore:error");
      expect(await t.page.textContent("[data-error]"), sql).toContain("읽기 전용");
      expect(await t.page.locator("[data-results] tr").count(), sql).toBe(0);
      expect(await publishedState(t.page), sql).toBe(pristine);
    }
    for (const id of ["deepfake-per-year", "men-share", "victims-per-year", "grades"]) {
      const r = await until(t.page, ["explore:result", "explore:error"], () => t.page.click(`[data-example=${id}]`));
      expect(r.name, id).toBe("explore:result");
    }
    // The reader's own tables are theirs to change.
    expect(await runSql(t.page, "CREATE TABLE mine AS SELECT 1 AS x; UPDATE mine SET x = 2")).toBe("explore:result");
    expect(await runSql(t.page, "SELECT x FROM mine")).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["2"]);
    expect(t.errors).toEqual([]);
    await t.context.close();
  }, 600_000);
});

describe("F2: Cancel always works and the page stays responsive", () => {
  it("a streaming query stops pulling at the row cap", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    for (const sql of [
      "SELECT * FROM generate_series(1, 1000000000000)",
      // (range(1e12) of the review is a DOUBLE, which DuckDB 1.4 no longer accepts.)
      "SELECT range FROM range(1000000000000) WHERE range % 1000 = 0",
    ]) {
      const t0 = Date.now();
      expect(await runSql(t.page, sql), sql).toBe("explore:result");
      expect(Date.now() - t0, sql).toBeLessThan(15_000);
      expect(await t.page.textContent("[data-console-status]"), sql).toContain("10,000 rows");
      expect(await t.page.textContent("[data-console-status]"), sql).toContain("produced more");
    }
    expect(await runSql(t.page, "SELECT 42 AS answer")).toBe("explore:result");
    await t.context.close();
  });

  it("a query that ignores the interrupt is stopped within about 2 s by restarting the engine", async () => {
    const t = await open(browser, "/en/explore/", { init: watchLongTasks });
    await ready(t.page);
    expect(await runSql(t.page, "CREATE TABLE mine AS SELECT 1 AS x")).toBe("explore:result");
    const since = await now(t.page);
    await t.page.fill(
      "textarea[data-sql]",
      "SELECT count(*) FROM range(100000) a, range(100000) b WHERE a.range + b.range = -1",
    );
    const finished = t.page.evaluate(
      () =>
        new Promise<{ cancelled: boolean; restarted?: boolean }>((resolve) =>
          document.addEventListener("explore:error", (e) => resolve((e as CustomEvent).detail), { once: true }),
        ),
    );
    await t.page.click("[data-run]");
    await t.page.waitForTimeout(3000);
    expect(await t.page.getAttribute("[data-explore]", "data-running")).toBe("true");
    // The page answers clicks while the engine is busy.
    const c0 = Date.now();
    await t.page.click("[data-schema-table=series] summary");
    expect(Date.now() - c0).toBeLessThan(1000);
    const k0 = Date.now();
    const cancelAt = (await now(t.page)) - since;
    await t.page.click("[data-cancel]");
    const detail = await finished;
    const stopMs = Date.now() - k0;
    expect(detail.cancelled).toBe(true);
    expect(stopMs).toBeLessThan(4000);
    await ready(t.page);
    if (detail.restarted) {
      expect(await t.page.textContent("[data-console-status]")).toContain("must be loaded again");
      expect(await runSql(t.page, "SELECT * FROM mine")).toBe("explore:error");
    }
    expect(await runSql(t.page, "SELECT 42 AS answer")).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["42"]);
    const tasks = await longTasks(t.page, since);
    const long = await longest(t.page, since);
    console.log(
      `runaway query + cancel: stopped in ${stopMs} ms (restarted: ${!!detail.restarted}); longest task ${long} ms;` +
        ` long tasks (start ms after the query, Cancel at ${Math.round(cancelAt)}): ${tasks.map((x) => `${x.at}+${x.ms}`).join(" ") || "none"}`,
    );
    expect(long).toBeLessThanOrEqual(200);
    expect(t.errors).toEqual([]);
    await t.context.close();
  }, 300_000);
});

describe("F3/F8: wide results and wide files are capped, never a frozen tab", () => {
  it("a 20,001-column result draws 200 columns, says so, and the download has them all", async () => {
    const sql =
      "WITH t AS (SELECT range % 20000 AS k, range // 20000 AS g FROM range(1000000)) SELECT * FROM (PIVOT t ON k USING count(*) GROUP BY g)";
    const t = await open(browser, `/en/explore/?${new URLSearchParams({ q: sql })}`, { init: watchLongTasks });
    await ready(t.page);
    expect(await t.page.locator("[data-results] tr").count()).toBe(0);
    const since = await now(t.page);
    const r = await until(t.page, ["explore:result", "explore:error"], () => t.page.click("[data-run]"));
    expect(r.name).toBe("explore:result");
    expect(await t.page.locator("[data-results] thead th").count()).toBe(200);
    expect(await t.page.textContent("[data-results-note]")).toContain("first 200 of 20,001 columns");
    expect(await t.page.getAttribute("[data-quick-chart] [data-no-chart]", "data-no-chart")).toBe("wide");
    const long = await longest(t.page, since);
    console.log(`20,001-column result: longest main-thread task ${long} ms`);
    expect(long).toBeLessThan(1000);
    const [download] = await Promise.all([t.page.waitForEvent("download"), t.page.click("[data-download]")]);
    const { readFileSync } = await import("node:fs");
    const head = readFileSync((await download.path())!, "utf8").split("\r\n")[0]!;
    expect(head.split(",").length).toBe(20_001);
    await t.context.close();
  }, 300_000);

  it("a 100,000-column file previews 50 columns with a message and is not loaded", async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const row = Array.from({ length: 100_000 }, (_, i) => String(i % 10)).join(",");
    const buffer = Buffer.from(`${header}\n${row}\n`);
    const t = await open(browser, "/en/explore/", { init: watchLongTasks });
    await ready(t.page);
    const since = await now(t.page);
    expect(await upload(t.page, { name: "synthetic-wide.csv", mimeType: "text/csv", buffer })).toBe("explore:preview");
    expect(await t.page.locator("[data-preview-table] select").count()).toBe(50);
    const note = await t.page.textContent("[data-preview-note]");
    expect(note).toContain("first 50 of 100,000 columns");
    expect(note).toContain("more than 5,000 columns");
    expect(await t.page.isDisabled("[data-load]")).toBe(true);
    const long = await longest(t.page, since);
    console.log(`100,000-column file: longest main-thread task ${long} ms`);
    expect(long).toBeLessThan(1000);
    // A narrower file still loads afterwards.
    expect(
      await upload(t.page, { name: "synthetic-ok.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") }),
    ).toBe("explore:preview");
    expect(await loadTable(t.page)).toBe("explore:loaded");
    await t.context.close();
  }, 300_000);

  it("a column named __proto__ is shown as a column, not as [object Object]", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    expect(await runSql(t.page, 'SELECT 1 AS "__proto__", 2 AS b')).toBe("explore:result");
    expect((await cells(t.page))[1]).toEqual(["1", "2"]);
    await t.context.close();
  });

  it("the result download neutralises formula-leading text and keeps numbers (negatives too) as numbers", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    const sql = `SELECT '=HYPERLINK(''http://x'',''y'')' AS f, '@SUM(A1)' AS a, '-2+3' AS m, -5 AS n, -0.25 AS d, 1 AS "__proto__"`;
    expect(await runSql(t.page, sql)).toBe("explore:result");
    const [download] = await Promise.all([t.page.waitForEvent("download"), t.page.click("[data-download]")]);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync((await download.path())!, "utf8")).toBe(
      `\uFEFFf,a,m,n,d,__proto__\r\n"'=HYPERLINK('http://x','y')","'@SUM(A1)","'-2+3",-5,-0.25,1\r\n`,
    );
    await t.context.close();
  });

  // F12: after a query error the previous result stayed on screen under the error box.
  it("an error clears the previous result", async () => {
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    expect(await runSql(t.page, "SELECT 42 AS answer")).toBe("explore:result");
    expect(await t.page.locator("[data-results]").textContent()).toContain("42");
    expect(await runSql(t.page, "SELECT nosuch FROM observations")).toBe("explore:error");
    expect(await t.page.locator("[data-error]").isVisible()).toBe(true);
    expect(await t.page.locator("[data-results]").textContent()).not.toContain("42");
    await t.context.close();
  });
});

describe("F12: files that used to give an engine dump or the wrong row", () => {
  // SYNTHETIC files, written to disk so Playwright hands Chromium a path.
  const dir = mkdtempSync(path.join(tmpdir(), "dsc-f12-"));

  it("a file with a 20 MB line gets a short message, not the line echoed back", async () => {
    const file = path.join(dir, "synthetic-long-line.csv");
    writeFileSync(file, `a,b\n1,2\n${"x".repeat(20_000_000)},3\n`);
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    let got = await upload(t.page, file);
    if (got === "explore:preview") got = await loadTable(t.page);
    expect(got).toBe("explore:upload-error");
    const msg = (await t.page.locator("[data-upload-error]").innerText()).trim();
    expect(msg.length).toBeGreaterThan(10);
    expect(msg.length).toBeLessThan(600);
    expect(msg).not.toMatch(/x{50}/);
    expect(await runSql(t.page, "SELECT 40 + 2 AS answer")).toBe("explore:result");
    await t.context.close();
  });

  it("a UTF-8 file with CP949 bytes on row 3 is reported at row 3", async () => {
    const file = path.join(dir, "synthetic-mixed-encoding.csv");
    const cp949 = execFileSync("iconv", ["-f", "UTF-8", "-t", "CP949"], { input: "나,2\n" });
    writeFileSync(file, Buffer.concat([Buffer.from("a,b\n다,1\n"), cp949]));
    const t = await open(browser, "/en/explore/");
    await ready(t.page);
    expect(await upload(t.page, file)).toBe("explore:upload-error");
    expect(await t.page.locator("[data-upload-error]").innerText()).toMatch(/\brow 3\b/);
    await t.context.close();
  });
});
