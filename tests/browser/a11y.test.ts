/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every built page, both languages, JS on and off: zero
 * violations. Every chart has an accessible name, its summary as description and a data table; focus is visible.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, open } from "./browser";
import { builtPages } from "./pages";

let browser: Browser;
/** One reused page per JS setting: ~180 page loads stay fast. */
const pages: Record<"on" | "off", Page> = {} as never;
beforeAll(async () => {
  browser = await launch();
  pages.on = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  pages.off = await noScriptPage(browser);
});

/**
 * "JS off" as readers without JavaScript see the page. axe itself needs JavaScript (a context created with
 * javaScriptEnabled: false makes it hang), so the page's own scripts are removed from the HTML instead and its
 * <noscript> content is shown, exactly as a browser with scripting disabled renders it.
 */
async function noScriptPage(b: Browser): Promise<Page> {
  const context = await b.newContext();
  await context.route("**/*", async (route) => {
    const req = route.request();
    if (req.resourceType() === "script") return route.abort();
    if (req.resourceType() !== "document") return route.continue();
    const res = await route.fetch();
    const html = (await res.text())
      .replace(/<script\b(?![^>]*type="application\/(?:ld\+)?json")[^>]*>[\s\S]*?<\/script>/g, "")
      .replace(/<noscript>/g, "<span data-noscript>")
      .replace(/<\/noscript>/g, "</span>");
    return route.fulfill({ response: res, body: html });
  });
  return context.newPage();
}
afterAll(async () => {
  await browser?.close();
});

const PAGES = builtPages();

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

describe("axe: zero WCAG 2.1 AA violations", () => {
  for (const p of PAGES) {
    for (const js of [true, false]) {
      it(`${p} JS ${js ? "on" : "off"}`, async () => {
        const page = pages[js ? "on" : "off"];
        await page.goto(new URL(p, baseUrl()).href, { waitUntil: "load" });
        // Open every data table so axe also checks their contents.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await axe(page)).toEqual([]);
      });
    }
  }
});

describe("charts are described for assistive technology", () => {
  for (const p of PAGES) {
    it(`${p}: every chart has a name, its summary as description, and a data table`, async () => {
      const page = pages.off;
      await page.goto(new URL(p, baseUrl()).href, { waitUntil: "load" });
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        document.querySelectorAll("figure[data-chart]").forEach((fig) => {
          const id = fig.getAttribute("data-chart");
          const svg = fig.querySelector("[data-svg] svg");
          if (!svg) return void out.push(`${id}: no pre-rendered svg`);
          if (svg.getAttribute("role") !== "img") out.push(`${id}: svg role is not img`);
          if (!(svg.getAttribute("aria-label") ?? "").trim()) out.push(`${id}: svg has no aria-label`);
          const desc = svg.getAttribute("aria-describedby");
          const summary = desc ? document.getElementById(desc) : null;
          if (!summary || !(summary.textContent ?? "").trim()) out.push(`${id}: aria-describedby → no summary text`);
          else if (!summary.matches("[data-summary]")) out.push(`${id}: description is not the chart summary`);
          if (!fig.querySelector("table caption, table[aria-label]")) out.push(`${id}: data table without caption`);
          if (!fig.querySelector("table th")) out.push(`${id}: data table without headers`);
        });
        document.querySelectorAll("select, input, textarea, button").forEach((el) => {
          const e = el as HTMLInputElement;
          if (e.type === "hidden") return;
          const named =
            (e.labels && e.labels.length > 0) ||
            e.getAttribute("aria-label") ||
            e.getAttribute("aria-labelledby") ||
            (e.tagName === "BUTTON" && (e.textContent ?? "").trim());
          if (!named) out.push(`control without label: ${e.outerHTML.slice(0, 80)}`);
        });
        return out;
      });
      expect(problems).toEqual([]);
    });
  }
});

describe("focus is visible", () => {
  it("every focusable element on the Trends page shows an outline when reached with Tab", async () => {
    const t = await open(browser, "/en/trends/");
    const { page } = t;
    const invisible: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1;
        const ring = s.boxShadow && s.boxShadow !== "none";
        return { key: el.outerHTML.slice(0, 100), visible: outline || !!ring };
      });
      if (!f) continue;
      if (seen.has(f.key)) break;
      seen.add(f.key);
      if (!f.visible) invisible.push(f.key);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(invisible).toEqual([]);
    await t.context.close();
  });
});
