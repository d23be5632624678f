/**
 * Which quick chart fits a result: a number column against a year/number (line), a date (line) or text
 * (bars). Pure: the console draws the choice with Plot; unit-tested on its own.
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

type Value = string | number | boolean | null;

const isNum = (v: Value) => typeof v === "number" && Number.isFinite(v);
const isDate = (v: Value) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v);
const isYear = (v: Value) => isNum(v) && Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2100;

export function chooseChart(columns: readonly string[], rows: readonly Record<string, Value>[]): QuickChart | null {
  if (!rows.length || columns.length < 2) return null;
  const all = (c: string, f: (v: Value) => boolean) => {
    const vs = rows.map((r) => r[c] ?? null).filter((v) => v !== null);
    return vs.length > 0 && vs.every(f);
  };
  const numeric = columns.filter((c) => all(c, isNum));
  const yearCol = columns.find((c) => /year|연도|년/i.test(c) && all(c, isYear)) ?? columns.find((c) => all(c, isYear));
  const dateCol = columns.find((c) => all(c, isDate));
  const textCols = columns.filter((c) => !numeric.includes(c) && c !== dateCol);
  let x: string | undefined;
  let kind: QuickChart["kind"] = "line";
  if (yearCol && numeric.some((c) => c !== yearCol)) x = yearCol;
  else if (dateCol) x = dateCol;
  else if (textCols.length) {
    x = textCols[0];
    kind = "bar";
  }
  if (!x) return null;
  const y = numeric.find((c) => c !== x);
  if (!y) return null;
  const color =
    kind === "line"
      ? textCols.find(
          (c) => c !== x && new Set(rows.map((r) => r[c])).size <= 8 && new Set(rows.map((r) => r[c])).size > 1,
        )
      : undefined;
  return { kind, x, y, xDate: x === dateCol && x !== yearCol, ...(color ? { color } : {}) };
}
