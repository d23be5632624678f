// `npm run bench` section: the explore page loading the reader's CSV, against the floor (DuckDB-WASM's own
// read_csv on the same registered bytes, same page, same run; see ./floor.mjs). 1M rows must load within
// 1.5× the floor; at 10M rows the page either loads the file or refuses it up front naming its size and the
// engine's memory limit — and the tab must not crash.
import { closeSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { floorInPage, syntheticCsv } from "./floor.mjs";

export const RATIO_GOAL = 1.5;

/** Write the synthetic file in slices (10M rows never exist as one string in Node). */
function writeSynthetic(rows) {
  const file = path.join(os.tmpdir(), `dsc-stats-synthetic-${rows}.csv`);
  const fd = openSync(file, "w");
  const step = 200_000;
  let first = true;
  for (let from = 0; from < rows; from += step) {
    let text = syntheticCsv(0).slice(0, first ? undefined : 0);
    const lines = [];
    for (let i = from; i < Math.min(rows, from + step); i++)
      lines.push(`${i},g${i % 7},${(i % 1000) / 10},2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
    text += `${lines.join("\r\n")}\r\n`;
    writeSync(fd, text);
    first = false;
  }
  closeSync(fd);
  return file;
}

async function once(browser, base, file, rows, withFloor, dist) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let crashed = false;
  page.on("crash", () => (crashed = true));
  await page.goto(`${base}/en/explore/`, { waitUntil: "load" });
  await page.waitForSelector("[data-explore][data-engine=ready]", { state: "attached", timeout: 120_000 });
  const outcome = page.evaluate(
    () =>
      new Promise((resolve) => {
        const w = window;
        document
          .querySelector("[data-file]")
          .addEventListener("change", () => (w.__t0 = performance.now()), { capture: true });
        const done = (name) => (e) =>
          resolve({
            name,
            ms: performance.now() - w.__t0,
            detail: e.detail ?? null,
            text: document.querySelector("[data-upload-error]")?.textContent ?? "",
          });
        document.addEventListener("explore:preview", done("preview"), { once: true });
        document.addEventListener("explore:upload-error", done("error"), { once: true });
      }),
  );
  await page.setInputFiles("[data-file]", file);
  const first = await outcome;
  const out = { rows, bytes: statSync(file).size };
  if (first.name === "error") {
    Object.assign(out, { outcome: "refused", message: first.text.trim() });
  } else {
    const loaded = page.evaluate(
      () =>
        new Promise((resolve) => {
          document.addEventListener("explore:loaded", (e) => resolve({ name: "loaded", ms: e.detail.ms }), {
            once: true,
          });
          document.addEventListener(
            "explore:upload-error",
            () => resolve({ name: "error", text: document.querySelector("[data-upload-error]")?.textContent ?? "" }),
            { once: true },
          );
        }),
    );
    await page.click("[data-load]");
    const r = await Promise.race([loaded, new Promise((res) => setTimeout(() => res({ name: "timeout" }), 600_000))]);
    if (r.name === "loaded")
      Object.assign(out, {
        outcome: "loaded",
        previewMs: Math.round(first.ms),
        loadMs: Math.round(r.ms),
        totalMs: Math.round(first.ms + r.ms),
      });
    else Object.assign(out, { outcome: r.name, message: (r.text ?? "").trim() });
  }
  if (withFloor && out.outcome === "loaded") {
    const files = readdirSync(path.join(dist, "_astro"));
    const worker = `/_astro/${files.find((f) => /^duckdb-browser-eh\.worker\..*\.js$/.test(f))}`;
    const wasm = `/_astro/${files.find((f) => /^duckdb-eh\..*\.wasm$/.test(f))}`;
    const floor = await page.evaluate(floorInPage, { worker, wasm, rows, gen: syntheticCsv.toString() });
    out.floorMs = Math.round(floor.ms);
    out.ratio = Math.round((out.totalMs / floor.ms) * 100) / 100;
  }
  out.tabCrashed = crashed;
  await ctx.close().catch(() => {});
  return out;
}

/** Runs the section; `runs` repetitions at 1M rows (medians), one at 10M rows. */
export async function csvLoadBench(browser, base, dist, runs = 3) {
  const f1 = writeSynthetic(1_000_000);
  const oneM = [];
  for (let i = 0; i < runs; i++) oneM.push(await once(browser, base, f1, 1_000_000, true, dist));
  rmSync(f1);
  const med = (k) => {
    const xs = oneM
      .map((r) => r[k])
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    return xs.length ? xs[xs.length >> 1] : null;
  };
  const f10 = writeSynthetic(10_000_000);
  let tenM;
  try {
    tenM = await once(browser, base, f10, 10_000_000, false, dist);
  } catch (e) {
    tenM = { rows: 10_000_000, outcome: "bench error", message: String(e.message ?? e) };
  }
  rmSync(f10);
  return {
    oneMillion: { runs: oneM, totalMs: med("totalMs"), floorMs: med("floorMs"), ratio: med("ratio"), goal: RATIO_GOAL },
    tenMillion: tenM,
  };
}
