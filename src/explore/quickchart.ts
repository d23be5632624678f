/**
 * Which quick chart fits a result: a number column against a year/number (line), a date (line) or text
 * (bars) — or why none is drawn. The chart never adds up values: it declines when a unit column holds more
 * than one unit, or when the x value repeats (bars would be stacked, i.e. summed). Pure: unit-tested.
 */
export interface QuickChart {
  kind: "line" | "bar";
  x: string;
  y: string;
  /** x holds ISO dates (converted to Date before plotting). */
  xDate: boolean;
  /** A second text column with few values, drawn as colour. */
  color?: string;
}

/** Why no chart is drawn (a dictionary key suffix) and what to put in the message. */
export interface NoChart {
  reason: "shape" | "units" | "repeats" | "wide" | "long";
  detail?: string;
}

type Value = string | number | boolean | null;

/** Beyond these the chart would be unreadable (and slow to draw): the table is the way to read the result. */
export const CHART_MAX_COLUMNS = 50;
export const CHART_MAX_ROWS = 2000;

const isNum = (v: Value) => typeof v === "number" && Number.isFinite(v);
const isDate = (v: Value) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v);
const isYear = (v: Value) => isNum(v) && Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100;
const UNIT = /^(unit|units|unit_ko|unit_en|단위)$|(^|_)unit(_|$)|단위/i;

export function decideChart(columns: readonly string[], rows: readonly Record<string, Value>[]): QuickChart | NoChart {
  if (columns.length > CHART_MAX_COLUMNS) return { reason: "wide", detail: String(CHART_MAX_COLUMNS) };
  if (rows.length > CHART_MAX_ROWS) return { reason: "long", detail: String(CHART_MAX_ROWS) };
  if (!rows.length || columns.length < 2) return { reason: "shape" };
  const all = (c: string, f: (v: Value) => boolean) => {
    const vs = rows.map((r) => r[c] ?? null).filter((v) => v !== null);
    return vs.length > 0 && vs.every(f);
  };
  const numeric = columns.filter((c) => all(c, isNum));
  const yearCol = columns.find((c) => /year|연도|년/i.test(c) && all(c, isYear)) ?? columns.find((c) => all(c, isYear));
  const dateCol = columns.find((c) => all(c, isDate));
  const textCols = columns.filter((c) => !numeric.includes(c) && c !== dateCol);
  // Values in different units are never drawn on one axis.
  for (const c of textCols.filter((t) => UNIT.test(t))) {
    const units = [...new Set(rows.map((r) => r[c]).filter((v) => v !== null && v !== ""))];
    if (units.length > 1) return { reason: "units", detail: units.slice(0, 5).join(", ") };
  }
  let x: string | undefined;
  let kind: QuickChart["kind"] = "line";
  if (yearCol && numeric.some((c) => c !== yearCol)) x = yearCol;
  else if (dateCol) x = dateCol;
  else if (textCols.length) {
    x = textCols[0];
    kind = "bar";
  }
  if (!x) return { reason: "shape" };
  const y = numeric.find((c) => c !== x);
  if (!y) return { reason: "shape" };
  const color =
    kind === "line"
      ? textCols.find(
          (c) => c !== x && new Set(rows.map((r) => r[c])).size <= 8 && new Set(rows.map((r) => r[c])).size > 1,
        )
      : undefined;
  // One point per x (per colour): otherwise bars would stack, i.e. add up rows that may not belong together.
  const keys = rows.map((r) => `${String(r[x!])}\u0000${color ? String(r[color]) : ""}`);
  if (new Set(keys).size < keys.length) return { reason: "repeats", detail: x };
  return { kind, x, y, xDate: x === dateCol && x !== yearCol, ...(color ? { color } : {}) };
}

/** The chart to draw, or null (see decideChart for why). */
export function chooseChart(columns: readonly string[], rows: readonly Record<string, Value>[]): QuickChart | null {
  const d = decideChart(columns, rows);
  return "kind" in d ? d : null;
}
