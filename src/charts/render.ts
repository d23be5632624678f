import { plot } from "@observablehq/plot";
import type { ChartSpec } from "../spec/spec";
import type { ChartContext } from "./context";
import type { Row } from "../db/tables";
import { RENDERERS, type RenderOptions } from "./renderers";

/**
 * Draw a chart with Plot into `doc` (the browser's document, or a server DOM such as linkedom at build time).
 * The SVG gets an accessible name and description; Plot's labelled groups get role="group" (axe requires a role).
 */
export function renderChart(
  spec: ChartSpec,
  rows: Row[],
  ctx: ChartContext,
  opts: RenderOptions & { label: string; describedBy?: string },
  doc: Document,
): Element {
  const options = RENDERERS[spec.mark](spec, rows, ctx, opts);
  const el = plot({ ...options, document: doc }) as unknown as Element;
  const svg = el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", opts.label);
    if (opts.describedBy) svg.setAttribute("aria-describedby", opts.describedBy);
    svg.setAttribute("focusable", "false");
    svg.removeAttribute("font-family");
    for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) if (g !== svg) g.setAttribute("role", "group");
  }
  return el;
}
