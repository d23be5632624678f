import type { ChartSpec } from "../spec";
import type { ChartContext } from "../context";
import { keyLabel } from "../context";
import type { Row } from "../../db/tables";
import { yearPosition } from "../events";
import { scaleLinear } from "d3";

/** One plotted value of a line chart or sparkline. */
export interface Point {
  key: string;
  label: string;
  x: number;
  y: number | null;
  partial: boolean;
  segment: number;
  qualifier: string;
  row: Row;
}

/**
 * Rows → points on a year axis (a year's point sits at its middle). A partial period sits where it happened: at
 * the middle of its own dates, so that several windows ending in one year never stack on that year.
 */
export function toPoints(spec: ChartSpec, rows: Row[], ctx: ChartContext): Point[] {
  const many = spec.series.length > 1;
  return rows.map((r) => {
    const partial = r.partial === true;
    let x = Number(r.year);
    // Partial periods and windows (e.g. Aug–Jul) sit at the middle of their own dates, not on a calendar year.
    if ((partial || isWindow(r)) && r.period_start && r.period_end) {
      const a = Date.parse(String(r.period_start));
      const b = Date.parse(String(r.period_end));
      const mid = new Date((a + b) / 2).toISOString().slice(0, 10);
      x = yearPosition(mid);
    }
    return {
      key: `${r.series_id}:${r.category}`,
      label: keyLabel(ctx, spec.dimension, r, many),
      x,
      y: r.y == null ? null : Number(r.y),
      partial,
      segment: Number(r.segment ?? 0),
      qualifier: String(r.qualifier ?? ""),
      row: r,
    };
  });
}

/** A period that is neither a calendar nor a financial year (a reporting window such as Aug 2023–Jul 2024). */
export function isWindow(r: Row): boolean {
  return r.period_type === "window";
}

/** The value axis: from zero (or around 100 for an index), rounded outwards. */
export function valueDomain(spec: ChartSpec, pts: Point[]): [number, number] {
  const ys = pts.map((p) => p.y).filter((v): v is number => v != null);
  const zero = spec.mode !== "index";
  return scaleLinear()
    .domain([zero ? Math.min(0, ...ys) : Math.min(...ys, 100), Math.max(...ys, zero ? 1 : 100)])
    .nice()
    .domain() as [number, number];
}

/**
 * The points the line joins: full periods with exact values (approximate ones break the line). A year with no row
 * at all breaks it too: a line straight across missing years would draw figures nobody published.
 */
export function exactLine(pts: Point[]): Point[] {
  const line = pts.filter((p) => !p.partial).map((p) => (p.qualifier ? { ...p, y: null } : p));
  const last = new Map<string, Point>();
  const out: Point[] = [];
  for (const p of [...line].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.x - b.x))) {
    const prev = last.get(p.key);
    // Consecutive yearly points are 1 apart (windows about 1); 1.5 or more means a year is missing.
    if (prev && p.x - prev.x >= 1.5) out.push({ ...prev, x: prev.x + 1, y: null });
    out.push(p);
    last.set(p.key, p);
  }
  return out;
}

/** Consecutive joined points, as segments (the same key and segment, no gap between). */
export function segmentsOf(line: Point[]): { x1: number; y1: number; x2: number; y2: number }[] {
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const byKey = new Map<string, Point[]>();
  for (const p of line) {
    const k = `${p.key}#${p.segment}`;
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  for (const ps of byKey.values()) {
    ps.sort((a, b) => a.x - b.x);
    for (let i = 1; i < ps.length; i++) {
      const a = ps[i - 1]!;
      const b = ps[i]!;
      if (a.y != null && b.y != null) out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    }
  }
  return out;
}
