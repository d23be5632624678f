/**
 * Tooltips on a line, a bar and a dumbbell chart, in Korean and English: hovering with a mouse, tapping on a
 * touch screen and arrow keys on the focused chart each show the mark's value with its unit, its exact period
 * and its source; the keyboard path is also announced through the chart's live region.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Case {
  kind: string;
  path: string;
  chart: string;
  /** A line of the wanted tip that identifies it (its period). */
  period: string;
  value: RegExp;
  source: RegExp;
}

const CASES: Case[] = [
  {
    kind: "line",
    path: "/en/",
    chart: "victims",
    period: "Jan–Sep 2021",
    value: /^5,695 victims$/,
    source: /^Source: /,
  },
  {
    kind: "line",
    path: "/ko/",
    chart: "victims",
    period: "2021년 1~9월",
    value: /^5,695명$/,
    source: /^출처: /,
  },
  {
    kind: "bar",
    path: "/en/deepfakes/",
    chart: "df_taskforce",
    period: "26 Aug 2024–25 Aug 2025",
    value: /^1,807 /,
    source: /^Source: /,
  },
  {
    kind: "bar",
    path: "/ko/deepfakes/",
    chart: "df_taskforce",
    period: "2024년 8월 26일~2025년 8월 25일",
    value: /^1,807/,
    source: /^출처: /,
  },
  {
    kind: "dumbbell",
    path: "/en/compare/",
    chart: "compare_dsc_victims",
    period: "2024",
    value: /^10,305 victims$/,
    source: /^Source: /,
  },
  {
    kind: "dumbbell",
    path: "/ko/compare/",
    chart: "compare_dsc_victims",
    period: "2024년",
    value: /^10,305명$/,
    source: /^출처: /,
  },
];

/** Where the wanted tip's mark is on screen, and its position in keyboard order. */
async function target(page: Page, c: Case): Promise<{ x: number; y: number; steps: number }> {
  return page.evaluate(
    ({ chart, period }) => {
      const box = document.querySelector<HTMLElement>(`figure[data-chart="${chart}"] [data-svg]`)!;
      box.scrollIntoView({ block: "center" });
      const svg = [...box.querySelectorAll<SVGSVGElement>("svg[data-tips]")].find((s) => s.getClientRects().length)!;
      const tips = JSON.parse(svg.getAttribute("data-tips")!) as [number, number, string[]][];
      const i = tips.findIndex((t) => t[2].includes(period));
      if (i < 0) throw new Error(`no tip for ${period}: ${JSON.stringify(tips.map((t) => t[2]))}`);
      const r = svg.getBoundingClientRect();
      const k = r.width / svg.viewBox.baseVal.width;
      const byRow = svg.dataset.tipAxis === "y";
      const order = tips
        .map((_, j) => j)
        .sort((a, b) =>
          byRow
            ? tips[a]![1] - tips[b]![1] || tips[a]![0] - tips[b]![0]
            : tips[a]![0] - tips[b]![0] || tips[a]![1] - tips[b]![1],
        );
      return { x: r.left + tips[i]![0] * k, y: r.top + tips[i]![1] * k, steps: order.indexOf(i) + 1 };
    },
    { chart: c.chart, period: c.period },
  );
}

async function tipLines(page: Page, c: Case): Promise<string[]> {
  const tip = page.locator(`figure[data-chart="${c.chart}"] [data-tip]`);
  await expect.poll(() => tip.isVisible()).toBe(true);
  return tip.locator(":scope > *").allTextContents();
}

function check(lines: string[], c: Case): void {
  expect(lines).toContain(c.period);
  expect(
    lines.some((l) => c.value.test(l)),
    `value ${c.value} in ${JSON.stringify(lines)}`,
  ).toBe(true);
  expect(
    lines.some((l) => c.source.test(l)),
    `source in ${JSON.stringify(lines)}`,
  ).toBe(true);
}

describe("tooltips", () => {
  for (const c of CASES) {
    it(`${c.kind} ${c.path}: hover shows value, period and source`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(new URL(c.path, baseUrl()).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.js === "on");
      const { x, y } = await target(page, c);
      await page.mouse.move(x + 2, y + 1);
      check(await tipLines(page, c), c);
      await ctx.close();
    });

    it(`${c.kind} ${c.path}: a tap on a phone shows it`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      const page = await ctx.newPage();
      await page.goto(new URL(c.path, baseUrl()).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.js === "on");
      const { x, y } = await target(page, c);
      await page.touchscreen.tap(x, y);
      check(await tipLines(page, c), c);
      await ctx.close();
    });

    it(`${c.kind} ${c.path}: arrow keys reach it and it is announced`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(new URL(c.path, baseUrl()).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.dataset.js === "on");
      const { steps } = await target(page, c);
      await page.locator(`figure[data-chart="${c.chart}"] [data-svg]`).focus();
      for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
      const lines = await tipLines(page, c);
      check(lines, c);
      const live = await page.locator(`figure[data-chart="${c.chart}"] [data-tip-live]`).textContent();
      expect(live).toContain(c.period);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator(`figure[data-chart="${c.chart}"] [data-tip]`).isVisible()).toBe(false);
      await ctx.close();
    });
  }
});
