import { plot } from "@observablehq/plot";
import type { ChartSpec } from "../spec/spec";
import type { ChartContext } from "./context";
import type { Row } from "../db/tables";
import { RENDERERS, type RenderOptions } from "./renderers";
import { placeLabels, type Collision, type LabelRequest, type PlacedLabel } from "./annotate";

const SVG_NS = "http://www.w3.org/2000/svg";

/** A chart whose annotation labels cannot all be placed without overlapping: the build stops on it. */
export class LabelCollisionError extends Error {
  constructor(
    readonly chart: string,
    readonly collisions: Collision[],
  ) {
    super(
      `Chart "${chart}": ${collisions.length} annotation label(s) overlap: ` +
        collisions.map((c) => `"${c.label}" with ${c.with}`).join("; "),
    );
    this.name = "LabelCollisionError";
  }
}

/** The build-time check: throws when any annotation label of a drawn chart overlaps a label, a mark or the edge. */
export function assertNoCollisions(chart: string, r: Rendered): Rendered {
  if (r.collisions.length) throw new LabelCollisionError(chart, r.collisions);
  return r;
}

interface PlotScale {
  apply(v: unknown): number;
  bandwidth?: number;
  range?: number[];
}

/** Tooltip targets as the browser layer reads them: [x px, y px, lines]. */
export type TipPx = [number, number, string[]];

export interface Rendered {
  el: Element;
  collisions: Collision[];
}

/**
 * Draw a chart with Plot into `doc` (the browser's document, or a server DOM such as linkedom at build time),
 * then place its annotation labels where they overlap nothing and attach its tooltip targets (data-tips). The
 * SVG gets an accessible name and description; Plot's labelled groups get role="group" (axe requires a role).
 */
export function drawChart(
  spec: ChartSpec,
  rows: Row[],
  ctx: ChartContext,
  opts: RenderOptions & { label: string; describedBy?: string },
  doc: Document,
): Rendered {
  const drawn = RENDERERS[spec.mark](spec, rows, ctx, opts);
  const o = drawn.options;
  const el = plot({ ...o, document: doc }) as unknown as Element & { scale(name: string): PlotScale | undefined };
  const svg = (el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg"))!;
  const sx = el.scale("x");
  const sy = el.scale("y");
  const width = Number(o.width);
  const height = Number(o.height);
  const mL = Number(o.marginLeft ?? 0);
  const mT = Number(o.marginTop ?? 0);
  const mB = Number(o.marginBottom ?? 0);
  const px = (s: PlotScale | undefined, v: unknown, edge: number) =>
    v == null || !s ? edge : s.apply(v) + (s.bandwidth ? s.bandwidth / 2 : 0);
  const X = (v: unknown) => px(sx, v, mL);
  const Y = (v: unknown) => px(sy, v, mT);

  const tips: TipPx[] = drawn.tips.map((d) => [round(X(d.x)), round(Y(d.y)), d.lines]);
  const requests: LabelRequest[] = drawn.labels.map((l) => ({ ...l, x: X(l.x), y: Y(l.y) }));
  const { placed, collisions } = placeLabels(
    requests,
    {
      points: drawn.markRadius ? tips.map(([x, y]) => ({ x, y, r: drawn.markRadius })) : [],
      segments: drawn.segments.map((s) => ({ x1: X(s.x1), y1: Y(s.y1), x2: X(s.x2), y2: Y(s.y2) })),
      // A y axis with tick labels on the left (line charts): labels keep off it.
      axisX: drawn.tipAxis === "xy" ? mL : undefined,
      // The top tick label is centred on the frame's top edge: half a 13 px line above it is still the axis's.
      axisTop: mT - 8,
    },
    { x0: 0, y0: 0, x1: width, y1: height - mB },
  );
  // Period labels that found no free place beside their points move to the key above the chart (redrawn once).
  const periodHit = collisions.some((c) => requests.some((r) => r.kind === "partial" && r.text === c.label));
  if (periodHit && !opts.periodsInKey) return drawChart(spec, rows, ctx, { ...opts, periodsInKey: true }, doc);
  if (placed.length) svg.append(labelGroup(doc, placed));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", opts.label);
  if (opts.describedBy) svg.setAttribute("aria-describedby", opts.describedBy);
  svg.setAttribute("focusable", "false");
  svg.removeAttribute("font-family");
  for (const g of Array.from(svg.querySelectorAll("[aria-label]"))) if (g !== svg) g.setAttribute("role", "group");
  if (tips.length) {
    svg.setAttribute("data-tips", JSON.stringify(tips));
    svg.setAttribute("data-tip-axis", drawn.tipAxis);
  }
  return { el, collisions };
}

/** The same, returning only the element (browser redraws: a collision is reported, never fatal there). */
export function renderChart(
  spec: ChartSpec,
  rows: Row[],
  ctx: ChartContext,
  opts: RenderOptions & { label: string; describedBy?: string },
  doc: Document,
): Element {
  return drawChart(spec, rows, ctx, opts, doc).el;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function labelGroup(doc: Document, placed: PlacedLabel[]): Element {
  const g = doc.createElementNS(SVG_NS, "g");
  g.setAttribute("class", "chart-labels");
  g.setAttribute("aria-hidden", "true");
  for (const l of placed) {
    const t = doc.createElementNS(SVG_NS, "text");
    t.setAttribute("x", String(round(l.tx)));
    t.setAttribute("y", String(round(l.ty)));
    if (!l.text.includes("\n")) t.setAttribute("dy", "0.35em");
    t.setAttribute("text-anchor", l.anchor);
    t.setAttribute("font-size", String(l.fontSize));
    t.setAttribute("data-kind", l.kind);
    if (l.fontWeight) t.setAttribute("font-weight", String(l.fontWeight));
    t.setAttribute("fill", l.fill ?? "currentColor");
    // Text sits on the page background so that grid lines never cut through it.
    t.setAttribute("paint-order", "stroke");
    t.setAttribute("stroke", "var(--chart-bg, white)");
    t.setAttribute("stroke-width", "3");
    t.setAttribute("stroke-linejoin", "round");
    const lines = l.text.split("\n");
    if (lines.length === 1) t.textContent = l.text;
    else
      // Stacked lines, centred on ty like a single line (boxOf measures them the same way).
      lines.forEach((line, i) => {
        const span = doc.createElementNS(SVG_NS, "tspan");
        span.setAttribute("x", String(round(l.tx)));
        span.setAttribute("dy", i === 0 ? `${0.35 - ((lines.length - 1) * 1.2) / 2}em` : "1.2em");
        span.textContent = line;
        t.append(span);
      });
    g.append(t);
  }
  return g;
}
