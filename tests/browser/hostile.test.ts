/**
 * Hostile input: ≥ 50 XSS/injection payloads (tests/fixtures/hostile/payloads.json) through every URL parameter
 * of the trends/compare pages and embed routes (and `q` on /explore/), and typed into every text input on the
 * site. No dialog opens, no injected element or script runs, the payload never lands in the DOM as HTML, no
 * request leaves the origin, and the page keeps working.
 * Batched: one page load per payload sets every parameter at once, in one reused browser page.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, waitForRedraw } from "./browser";
import { builtPages } from "./pages";

const PAYLOADS = JSON.parse(readFileSync("tests/fixtures/hostile/payloads.json", "utf8")) as string[];
const PARAMS = ["series", "dim", "cats", "mode", "from", "to", "a", "b"];

let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const foreign: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const f of ["alert", "confirm", "prompt", "print"]) w[f] = () => ((w.__pwn = `dialog:${f}`), null);
  });
  page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin) foreign.push(u);
  });
  page.on("pageerror", (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
});

expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);

/** Checks that nothing was injected; returns problems found. */
async function inspect(p: Page, payload: string): Promise<string[]> {
  return p.evaluate((payload) => {
    const out: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    if (w.__pwn) out.push(`script ran (${String(w.__pwn)})`);
    if ((Object.prototype as Record<string, unknown>).polluted) out.push("prototype polluted");
    const injected = document.querySelector("[data-pwn], #pwn, base, meta[http-equiv=refresh], iframe[srcdoc]");
    if (injected) out.push(`injected element: ${injected.outerHTML.slice(0, 80)}`);
    if (payload.includes("<") && document.documentElement.outerHTML.includes(payload))
      out.push("payload present in the DOM as HTML");
    return out;
  }, payload);
}

const PAGES = builtPages();
// Embed routes share one template: the interactive one and a static one, both languages.
const targets = PAGES.filter((p) => /^\/(ko|en)\/(trends|compare|embed\/trends|embed\/compare_dsc_victims)\/$/.test(p));

describe("hostile URL parameters", () => {
  it("covers the trends page at least", () => {
    expect(targets.some((p) => p.endsWith("/trends/"))).toBe(true);
  });

  for (const target of targets) {
    it(`${target}: ${PAYLOADS.length} payloads × ${PARAMS.length} parameters`, async () => {
      const problems: string[] = [];
      for (let i = 0; i < PAYLOADS.length; i++) {
        const u = new URL(target, baseUrl());
        // Each parameter gets a different payload on each load, so every parameter sees every payload.
        PARAMS.forEach((k, j) => u.searchParams.set(k, PAYLOADS[(i + j) % PAYLOADS.length]!));
        await page.goto(u.href, { waitUntil: "load" });
        for (const pl of PARAMS.map((_, j) => PAYLOADS[(i + j) % PAYLOADS.length]!))
          for (const pr of await inspect(page, pl)) problems.push(`${i}: ${pr}`);
      }
      // The page keeps working: the pre-rendered chart is there and (if it has controls) redraws.
      await page.goto(new URL(`${target}?series=${encodeURIComponent(PAYLOADS[1]!)}`, baseUrl()).href);
      const fig = page.locator("figure[data-chart]").first();
      // (The interactive layer may be swapping the chart in: poll.)
      // One chart shown (of the layouts pre-rendered for different widths, CSS shows one).
      await expect
        .poll(() =>
          fig
            .locator("[data-svg] svg")
            .evaluateAll((svgs) => svgs.filter((e) => e.getBoundingClientRect().width > 0).length),
        )
        .toBe(1);
      const id = await fig.getAttribute("data-chart");
      const select = fig.locator("select:not([disabled])").first();
      if (/\/trends\/$/.test(target) && (await fig.locator("select").count())) {
        await expect.poll(() => select.count()).toBeGreaterThan(0);
        const opts = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const cur = await select.inputValue();
        const next = opts.find((o) => o !== cur);
        if (next)
          expect(await waitForRedraw(page, id!, () => select.selectOption(next).then(() => undefined))).toBeGreaterThan(
            0,
          );
      }
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe("hostile text input", () => {
  const explore = PAGES.filter((p) => /\/explore\/$/.test(p));

  for (const target of explore) {
    it(`${target}: ?q= with every payload`, async () => {
      const problems: string[] = [];
      for (const [i, payload] of PAYLOADS.entries()) {
        const u = new URL(target, baseUrl());
        u.searchParams.set("q", payload);
        await page.goto(u.href, { waitUntil: "load" });
        for (const pr of await inspect(page, payload)) problems.push(`${i}: ${pr}`);
      }
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }

  it("every text input and textarea on every page takes every payload", async () => {
    const problems: string[] = [];
    let fields = 0;
    for (const target of PAGES.filter((p) => !/\/embed\//.test(p))) {
      await page.goto(new URL(target, baseUrl()).href, { waitUntil: "load" });
      const inputs = page.locator(
        "textarea:not([disabled]), input:not([type]):not([disabled]), input[type=text]:not([disabled]), input[type=search]:not([disabled])",
      );
      const n = await inputs.count();
      for (let k = 0; k < n; k++) {
        const el = inputs.nth(k);
        if (!(await el.isVisible())) continue;
        fields++;
        for (const [i, payload] of PAYLOADS.entries()) {
          await el.fill(payload);
          await el.press("Enter");
          await el.dispatchEvent("change");
          for (const pr of await inspect(page, payload)) problems.push(`${target} field ${k} payload ${i}: ${pr}`);
        }
      }
      // A run button next to an editor executes the (hostile) text too.
      const run = page.locator("[data-run]:not([disabled])");
      if ((await run.count()) && (await run.first().isVisible())) {
        await run.first().click();
        await page.waitForTimeout(500);
        for (const pr of await inspect(page, PAYLOADS.at(-1)!)) problems.push(`${target} run: ${pr}`);
      }
    }
    console.log(`hostile text input: ${fields} visible text fields`);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
