/**
 * Annotation labels (event numbers, series breaks, partial periods, qualifiers, end labels, values) placed in
 * pixel space so that none overlaps another label or a mark, and a check that says which ones still do. Pure:
 * no DOM; the renderer hands over anchors in pixels, this module answers with positions or collisions. The
 * build fails on a collision (src/charts/prerender.ts), so a data change cannot reintroduce one silently.
 */

export type Anchor = "start" | "middle" | "end";

/** Where a label may go, relative to its anchor point (px); tried in order. */
export interface Candidate {
  dx: number;
  dy: number;
  anchor: Anchor;
}

/** A label to place: its anchor point in px and the places it may take. */
export interface LabelRequest {
  text: string;
  kind: "event" | "partial" | "break" | "approx" | "end" | "value" | "legend" | "category" | "change";
  x: number;
  y: number;
  fontSize: number;
  fontWeight?: number;
  fill?: string;
  candidates: Candidate[];
  /**
   * Wrapped or shorter forms of the same text ("\n" breaks a line), tried in order at each candidate after the
   * full text: a narrow chart still labels each mark close to it, and says the same.
   */
  alt?: string[];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel extends LabelRequest {
  /** Final text position (baseline-centred: the text's middle sits at y). */
  tx: number;
  ty: number;
  anchor: Anchor;
  box: Box;
}

/** Things labels must not cover: points (dots) and line segments, in px. */
export interface Obstacles {
  points: { x: number; y: number; r: number }[];
  segments: { x1: number; y1: number; x2: number; y2: number }[];
  /** The left axis's tick labels lie left of axisX and below axisTop (px): no label but a legend row goes there. */
  axisX?: number;
  axisTop?: number;
}

export interface Collision {
  label: string;
  with: string;
}

const HANGUL = /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/;

/**
 * Estimated rendered width of a line of text (px): ~0.58 em per Latin character (digits and capitals included),
 * 1 em per Hangul/CJK character. Deliberately generous, so estimated boxes contain the real ones.
 */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const c of s) w += HANGUL.test(c) ? 1 : /[\s.,:;'|!il1()–~-]/.test(c) ? 0.36 : 0.62;
  return w * fontSize;
}

/** The box of a label centred vertically on y; "\n" in the text stacks lines. */
export function boxOf(text: string, x: number, y: number, anchor: Anchor, fontSize: number): Box {
  const lines = text.split("\n");
  const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
  const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  const h = fontSize * 1.2 * lines.length;
  return { x0, x1: x0 + w, y0: y - h / 2, y1: y + h / 2 };
}

export function overlaps(a: Box, b: Box, pad = 1): boolean {
  return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

function hitsPoint(b: Box, p: { x: number; y: number; r: number }): boolean {
  const cx = Math.max(b.x0, Math.min(p.x, b.x1));
  const cy = Math.max(b.y0, Math.min(p.y, b.y1));
  return (cx - p.x) ** 2 + (cy - p.y) ** 2 < (p.r + 1) ** 2;
}

/** Does a segment cross a box? (Liang–Barsky clipping.) */
function hitsSegment(b: Box, s: { x1: number; y1: number; x2: number; y2: number }): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - b.x0],
    [dx, b.x1 - s.x1],
    [-dy, s.y1 - b.y0],
    [dy, b.y1 - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function inside(b: Box, frame: Box): boolean {
  return b.x0 >= frame.x0 - 0.5 && b.x1 <= frame.x1 + 0.5 && b.y0 >= frame.y0 - 0.5 && b.y1 <= frame.y1 + 0.5;
}

/** What a box at this place would hit (first hit only), or null when it is free. */
function conflict(
  b: Box,
  kind: LabelRequest["kind"],
  placed: PlacedLabel[],
  obs: Obstacles,
  frame: Box,
): string | null {
  if (!inside(b, frame)) return "the chart's edge";
  if (kind !== "legend" && obs.axisX != null && b.x0 < obs.axisX - 0.5 && b.y1 > (obs.axisTop ?? -Infinity))
    return "the axis labels";
  for (const p of placed) if (overlaps(b, p.box)) return `label "${p.text}"`;
  for (const p of obs.points) if (hitsPoint(b, p)) return `a point at (${Math.round(p.x)}, ${Math.round(p.y)})`;
  for (const s of obs.segments) if (hitsSegment(b, s)) return "a line";
  return null;
}

/**
 * Place labels in order (earlier ones win), each at its first free candidate. A label with no free candidate is
 * placed at its first candidate and reported: the caller decides whether that fails the build.
 */
export function placeLabels(
  labels: LabelRequest[],
  obs: Obstacles,
  frame: Box,
): { placed: PlacedLabel[]; collisions: Collision[] } {
  const placed: PlacedLabel[] = [];
  const collisions: Collision[] = [];
  for (const l of labels) {
    let chosen: PlacedLabel | null = null;
    let fallback: { label: PlacedLabel; hit: string } | null = null;
    // Nearest place first, in whichever form fits there: a label close to its mark beats a longer line far off.
    for (const c of l.candidates) {
      for (const text of [l.text, ...(l.alt ?? [])]) {
        const tx = l.x + c.dx;
        const ty = l.y + c.dy;
        const box = boxOf(text, tx, ty, c.anchor, l.fontSize);
        const hit = conflict(box, l.kind, placed, obs, frame);
        const candidate = { ...l, text, tx, ty, anchor: c.anchor, box };
        if (!hit) {
          chosen = candidate;
          break;
        }
        fallback ??= { label: candidate, hit };
      }
      if (chosen) break;
    }
    if (!chosen && fallback) {
      chosen = fallback.label;
      collisions.push({ label: l.text, with: fallback.hit });
    }
    if (!chosen) continue;
    placed.push(chosen);
  }
  return { placed, collisions };
}

/** Candidates around a point: right, left, above, below, then diagonals further out. */
export function around(r: number, gap = 4): Candidate[] {
  const d = r + gap;
  const out: Candidate[] = [
    { dx: d, dy: 0, anchor: "start" },
    { dx: -d, dy: 0, anchor: "end" },
    { dx: 0, dy: -d - 6, anchor: "middle" },
    { dx: 0, dy: d + 6, anchor: "middle" },
  ];
  for (const k of [1, 2, 3, 4, 5, 6]) {
    const dy = k * 13;
    out.push(
      { dx: d, dy: -dy, anchor: "start" },
      { dx: -d, dy: -dy, anchor: "end" },
      { dx: d, dy, anchor: "start" },
      { dx: -d, dy, anchor: "end" },
      { dx: 0, dy: -d - 6 - dy, anchor: "middle" },
      { dx: 0, dy: d + 6 + dy, anchor: "middle" },
      { dx: d + 24, dy: -dy, anchor: "start" },
      { dx: -d - 24, dy: -dy, anchor: "end" },
      { dx: d + 24, dy, anchor: "start" },
      { dx: -d - 24, dy, anchor: "end" },
    );
  }
  return out;
}

/** Split text into lines no wider than `max` px (at word boundaries; a word longer than a line stays whole). */
export function wrap(text: string, max: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && textWidth(next, fontSize) > max) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}
